// What the OPC UA probe costs the monitor: memory per pooled endpoint and CPU per 1,000 checks, with
// the server in a child process so that only the client side is counted. The figures are printed
// (for the README and the bench) and held to loose bounds that catch a session per check or a leak.
import fs from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOpcuaProbe, type OpcuaProbe, type OpcuaProbeInput } from '@src/main/probes/opcua/opcua-probe';
import { startOpcuaServerProcess, type OpcuaServerProcess } from '../../../../support/opcua-server';
import { makeTempDir, type TempDir } from '../../../../support/temp-store';

const HOST = '127.0.0.142';
/** Enough sessions that their memory stands out of the heap's noise (at 50 it barely does). */
const ENDPOINTS = 100;
const TIMEOUT_MS = 15_000;
const users = Object.fromEntries(Array.from({ length: ENDPOINTS }, (_, i) => [`line-${i}`, `pw-${i}`]));

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function settledMemory(): { rss: number; heap: number } {
  collectGarbage();
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

let server: OpcuaServerProcess;
let dirs: TempDir[] = [];
beforeAll(async () => {
  const serverDir = makeTempDir('opcua-server');
  dirs.push(serverDir);
  server = await startOpcuaServerProcess({
    host: HOST,
    dataDir: serverDir.dir,
    users,
    maxSessions: ENDPOINTS + 10,
  });
}, 60_000);
afterAll(async () => {
  await server.stop();
  for (const dir of dirs) dir.remove();
  dirs = [];
});

function probeTrustingServer(): OpcuaProbe {
  const pki = makeTempDir('opcua-pki');
  dirs.push(pki);
  fs.mkdirSync(path.join(pki.dir, 'trusted', 'certs'), { recursive: true });
  fs.writeFileSync(path.join(pki.dir, 'trusted', 'certs', 'server.der'), server.certificate);
  return createOpcuaProbe({ pkiDir: pki.dir });
}

const endpoints = (security: 'none' | 'sign'): OpcuaProbeInput[] =>
  Object.entries(users).map(([user, password]) => ({ url: server.url, security, auth: { user, password } }));

/** Every endpoint once, all at the same time, as the scheduler would when their intervals line up. */
async function checkAll(probe: OpcuaProbe, inputs: OpcuaProbeInput[]): Promise<number> {
  const outcomes = await Promise.all(inputs.map((input) => probe.check(input, TIMEOUT_MS)));
  return outcomes.filter((outcome) => outcome.ok).length;
}

const seconds = (usage: NodeJS.CpuUsage): number => (usage.user + usage.system) / 1e6;
const kib = (bytes: number): number => Math.round(bytes / 2 ** 10);

describe('opcua probe cost', () => {
  for (const security of ['none', 'sign'] as const) {
    it(`security ${security}: memory per pooled endpoint and CPU per 1,000 checks`, async () => {
      const inputs = endpoints(security);
      const probe = probeTrustingServer();
      // One warm-up session, so that loading node-opcua and creating the client certificate
      // are not counted against the endpoints.
      expect((await probe.check(inputs[0] as OpcuaProbeInput, TIMEOUT_MS)).ok).toBe(true);
      await probe.close();
      const before = settledMemory();

      const openCpu = process.cpuUsage();
      expect(await checkAll(probe, inputs)).toBe(ENDPOINTS);
      const openSeconds = seconds(process.cpuUsage(openCpu));
      expect(probe.pooledSessions()).toBe(ENDPOINTS);

      const rounds = 1_000 / ENDPOINTS;
      const checkCpu = process.cpuUsage();
      const started = performance.now();
      for (let round = 0; round < rounds; round += 1) expect(await checkAll(probe, inputs)).toBe(ENDPOINTS);
      const cpuPer1000 = seconds(process.cpuUsage(checkCpu));
      const wallMs = performance.now() - started;
      // Still one session per endpoint: 1,000 checks opened none.
      expect(probe.pooledSessions()).toBe(ENDPOINTS);

      const after = settledMemory();
      const figures = {
        security,
        endpoints: ENDPOINTS,
        cpu_s_per_1000_checks: Math.round(cpuPer1000 * 1000) / 1000,
        wall_ms_per_1000_checks: Math.round(wallMs),
        cpu_s_per_session_open: Math.round((openSeconds / ENDPOINTS) * 10000) / 10000,
        heap_kib_per_endpoint: kib((after.heap - before.heap) / ENDPOINTS),
        rss_kib_per_endpoint: kib((after.rss - before.rss) / ENDPOINTS),
      };
      console.log(`opcua probe cost ${JSON.stringify(figures)}`);
      await probe.close();
      // Loose bounds: a session per check or a leak per check breaks them by orders of magnitude.
      expect(cpuPer1000).toBeLessThan(10);
      expect(figures.heap_kib_per_endpoint).toBeLessThan(1024);
    }, 120_000);
  }
});
