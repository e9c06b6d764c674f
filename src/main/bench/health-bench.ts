// `npm run bench -- --only=health` (issue 14): `GET /healthz` latency while the real services
// monitor 2,000 TCP endpoints at 10 s on loopback devices, through the real headless host. Requests
// go one at a time (what an uptime checker does) and then 10 at once (several checkers and a load
// balancer), each measured from send to the last byte.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startLinewatchServices } from '../app/services';
import { healthzRoute } from '../health/healthz-route';
import { startHttpHost } from '../host/http-host';
import { round } from './measure';
import { startDevices } from './probe-benchmarks';

const ENDPOINTS = 2000;
const DEVICES = 50;

function plantYaml(devices: readonly { host: string; port: number }[]): string {
  const endpoints: string[] = [];
  for (let i = 0; i < ENDPOINTS; i++) {
    const device = devices[i % devices.length];
    if (!device) throw new Error('no devices started');
    endpoints.push(
      `      - { id: ep-${i}, name: Endpoint ${i}, type: plc, probe: { kind: tcp, host: ${device.host}, port: ${device.port} } }`,
    );
  }
  return `version: 1
site: { id: bench-health, name: Bench, timezone: Europe/Berlin }
defaults: { interval: 10s, timeout: 2s, down_after: 2, up_after: 2 }
lines:
  - id: line-1
    name: Line 1
    endpoints:
${endpoints.join('\n')}
`;
}

function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] ?? 0;
}

async function timedGet(url: string): Promise<{ ms: number; status: number }> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status };
}

function summary(times: number[]): Record<string, number> {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50Ms: round(percentile(sorted, 50), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(sorted.at(-1) ?? 0, 2),
  };
}

export async function healthFigures(options: {
  warmupSeconds: number;
  requests: number;
}): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-bench-health-'));
  const devices = await startDevices('tcp', DEVICES);
  const configPath = join(dir, 'plant.yaml');
  writeFileSync(configPath, plantYaml(devices));
  const services = await startLinewatchServices({
    dataDir: join(dir, 'data'),
    configPath,
    host: 'headless',
    appVersion: 'bench',
    watchConfig: false,
  });
  const host = await startHttpHost({
    services,
    rendererDir: dir,
    host: '127.0.0.1',
    port: 0,
    allowHosts: [],
    routes: { '/healthz': healthzRoute(() => services.health()) },
    log: () => undefined,
  });
  try {
    // Past the first spread of checks, so the engine runs at its steady rate while we ask.
    await new Promise((resolve) => setTimeout(resolve, options.warmupSeconds * 1000));
    const url = new URL('/healthz', host.url).toString();
    const statuses = new Set<number>();
    const sequential: number[] = [];
    for (let i = 0; i < options.requests; i++) {
      const { ms, status } = await timedGet(url);
      sequential.push(ms);
      statuses.add(status);
    }
    const concurrent: number[] = [];
    for (let i = 0; i < options.requests / 10; i++) {
      const batch = await Promise.all(Array.from({ length: 10 }, () => timedGet(url)));
      for (const { ms, status } of batch) {
        concurrent.push(ms);
        statuses.add(status);
      }
    }
    const engine = await services.handlers.getEngineStatus(
      {},
      { connectionId: 'bench', canMutate: false, label: 'bench' },
    );
    return {
      endpoints: ENDPOINTS,
      intervalS: 10,
      checksStartedDuringRun: engine.checksStarted,
      status: services.health().status,
      httpStatuses: [...statuses],
      sequential: summary(sequential),
      tenConcurrent: summary(concurrent),
    };
  } finally {
    await host.close();
    await services.stop();
    await Promise.all(devices.map((d) => d.stop()));
    rmSync(dir, { recursive: true, force: true });
  }
}
