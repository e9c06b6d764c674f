// OPC UA probe figures for `npm run bench` (issue 13): CPU-seconds per 1,000 checks on pooled
// sessions, the cost of opening a session, memory per pooled endpoint and the process RSS, with
// security none and sign. The server runs in a child process (`bench.js opcua-server N`) so that
// what is measured is the client: the probe runner as the monitor uses it.
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { OpcuaProbeConfig } from '../config';
import { startSimulatedOpcuaServer } from '../demo/simulated-opcua-server';
import { createProbeRunner, type ProbeRunner } from '../probes/run-probe';
import { measure, round } from './measure';

/** 127.0.46.x: issue 13's OPC UA loopback range. */
const SERVER_HOST = '127.0.46.200';
/** Enough sessions that their memory stands out of the heap's noise. */
const ENDPOINTS = 100;
const TIMEOUT_MS = 15_000;
const userOf = (i: number): string => `line-${i}`;
const passwordOf = (i: number): string => `pw-${i}`;
const passwordEnv = (i: number): string => `LINEWATCH_BENCH_OPCUA_PW_${i}`;

/** The child's side: one server taking `count` users, print {url, certificate}, exit on stdin end. */
export async function serveOpcuaServer(count: number): Promise<void> {
  const pkiDir = mkdtempSync(join(tmpdir(), 'linewatch-bench-opcua-server-'));
  const users = Object.fromEntries(Array.from({ length: count }, (_, i) => [userOf(i), passwordOf(i)]));
  const server = await startSimulatedOpcuaServer({
    host: SERVER_HOST,
    pkiDir,
    sign: true,
    users,
    maxSessions: count + 10,
    buildInfo: {
      productName: 'Bench server',
      manufacturerName: 'Linewatch bench',
      softwareVersion: '1.0.0',
      buildNumber: '1',
      productUri: 'urn:linewatch:bench',
    },
  });
  process.stdout.write(
    `${JSON.stringify({ url: server.url, certificate: server.certificate.toString('base64') })}\n`,
  );
  process.stdin.resume();
  process.stdin.once('end', () => {
    void server
      .stop()
      .finally(() => rmSync(pkiDir, { recursive: true, force: true }))
      .then(() => process.exit(0));
  });
}

async function startServerProcess(): Promise<{ url: string; certificate: Buffer; stop(): void }> {
  const entry = process.argv[1];
  if (!entry) throw new Error('cannot find the bench entry to fork');
  const child: ChildProcess = fork(entry, ['opcua-server', String(ENDPOINTS)], {
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the OPC UA server process exited (${String(code)})`)));
    lines.once('line', resolve);
  });
  const started = JSON.parse(line) as { url: string; certificate: string };
  return {
    url: started.url,
    certificate: Buffer.from(started.certificate, 'base64'),
    stop: () => {
      child.removeAllListeners('exit');
      child.stdin?.end();
    },
  };
}

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function settledMemory(): { rss: number; heap: number } {
  collectGarbage();
  collectGarbage();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heap: heapUsed };
}

const kib = (bytes: number): number => Math.round(bytes / 1024);

/** Every endpoint once, all at the same time, as the scheduler does when their intervals line up. */
async function checkAll(probe: ProbeRunner, targets: OpcuaProbeConfig[]): Promise<number> {
  const results = await Promise.all(targets.map((target) => probe(target, TIMEOUT_MS)));
  return results.filter((result) => !result.ok).length;
}

async function figuresFor(
  security: 'none' | 'sign',
  server: { url: string; certificate: Buffer },
): Promise<Record<string, unknown>> {
  const pkiDir = mkdtempSync(join(tmpdir(), 'linewatch-bench-opcua-pki-'));
  // The operator's one step for sign: the server's certificate in the client's trusted/ folder.
  mkdirSync(join(pkiDir, 'trusted', 'certs'), { recursive: true });
  writeFileSync(join(pkiDir, 'trusted', 'certs', 'bench-server.der'), server.certificate);
  const probe = createProbeRunner({ icmpBackend: 'ping', opcuaPkiDir: pkiDir });
  const targets: OpcuaProbeConfig[] = Array.from({ length: ENDPOINTS }, (_, i) => ({
    kind: 'opcua',
    url: server.url,
    security,
    user: { name: userOf(i), password: { env: passwordEnv(i) } },
    read: [],
  }));
  try {
    // One warm-up session: loading node-opcua and creating the client certificate are not the
    // endpoints' cost.
    await checkAll(probe, targets.slice(0, 1));
    await probe.closeConnections?.();
    const before = settledMemory();
    const opened = await measure(() => checkAll(probe, targets));
    const checks = await measure(async () => {
      let failures = 0;
      for (let i = 0; i < 1000 / ENDPOINTS; i++) failures += await checkAll(probe, targets);
      return failures;
    });
    const after = settledMemory();
    return {
      endpoints: ENDPOINTS,
      failures: opened.value + checks.value,
      cpuSecondsPer1000: round(checks.cpuSeconds, 3),
      wallMsPer1000: Math.round(checks.wallSeconds * 1000),
      cpuSecondsPerSessionOpen: round(opened.cpuSeconds / ENDPOINTS, 4),
      heapKiBPerPooledEndpoint: kib((after.heap - before.heap) / ENDPOINTS),
      rssKiBPerPooledEndpoint: kib((after.rss - before.rss) / ENDPOINTS),
      // The whole bench process with the pooled sessions open.
      rssMiB: round(after.rss / 1024 / 1024, 1),
    };
  } finally {
    await probe.closeConnections?.();
    rmSync(pkiDir, { recursive: true, force: true });
  }
}

export async function opcuaFigures(): Promise<Record<string, unknown>> {
  for (let i = 0; i < ENDPOINTS; i++) process.env[passwordEnv(i)] = passwordOf(i);
  const server = await startServerProcess();
  try {
    return { none: await figuresFor('none', server), sign: await figuresFor('sign', server) };
  } finally {
    server.stop();
  }
}
