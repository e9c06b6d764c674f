// Memory of `linewatch serve` for `npm run bench --only=memory` (issue 14: under 150 MB RSS at 2,000
// endpoints). Each size runs the real CLI in its own process (so nothing of the bench is counted)
// with N TCP endpoints at 10 s against one loopback listener here, on a fresh data folder, and
// samples its resident set from /proc while it monitors. Reported per size: the RSS settled (the
// median of the last third of the run, after V8 has collected the start-up garbage), the highest
// RSS seen, and, where the host serves /metrics, its V8 heap in use.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { round } from './measure';

export const MEMORY_SIZES = [500, 2000, 5000] as const;
const SAMPLE_EVERY_MS = 2000;
const ENDPOINTS_PER_LINE = 20;

/**
 * A plant of `endpoints` TCP devices, 20 a line, all checked every 10 s at host:port (with
 * `portPerDevice`, device N at port + N, so a fake probe can tell them apart).
 */
export function memoryPlantYaml(
  endpoints: number,
  host: string,
  port: number,
  portPerDevice = false,
): string {
  const lines: string[] = [
    'version: 1',
    'site: { id: memory-bench, name: Memory bench, timezone: Europe/Berlin }',
    'defaults: { interval: 10s, timeout: 2s, down_after: 2, up_after: 2 }',
    'lines:',
  ];
  for (let line = 0; line * ENDPOINTS_PER_LINE < endpoints; line++) {
    lines.push(
      `  - id: line-${line}`,
      `    name: Line ${line}`,
      '    downtime_cost_per_minute: 100',
      '    endpoints:',
    );
    const first = line * ENDPOINTS_PER_LINE;
    for (let id = first; id < Math.min(first + ENDPOINTS_PER_LINE, endpoints); id++) {
      lines.push(
        `      - { id: device-${id}, name: Device ${id}, type: plc, probe: { kind: tcp, host: ${host}, port: ${portPerDevice ? port + id : port} } }`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);

function residentBytes(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
    return kb === undefined ? null : Number(kb) * 1024;
  } catch {
    return null;
  }
}

/** The V8 heap in use from the host's /metrics (prom-client's default metric), when it serves one. */
async function heapUsedBytes(url: string): Promise<number | null> {
  try {
    const response = await fetch(new URL('metrics', url));
    if (!response.ok) return null;
    const value = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\S+)/m.exec(await response.text())?.[1];
    return value === undefined ? null : Number(value);
  } catch {
    return null;
  }
}

interface SizeFigures {
  endpoints: number;
  seconds: number;
  rss_settled_mib: number | null;
  rss_peak_mib: number | null;
  heap_used_mib: number | null;
}

async function measureSize(
  endpoints: number,
  seconds: number,
  target: net.AddressInfo,
): Promise<SizeFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-memory-'));
  const configPath = join(dir, 'plant.yaml');
  writeFileSync(configPath, memoryPlantYaml(endpoints, target.address, target.port));
  const bin = resolve(import.meta.dirname, '../../bin/linewatch.js');
  const child = spawn(
    process.execPath,
    [bin, 'serve', '--config', configPath, '--data', join(dir, 'data'), '--port', '0'],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  try {
    const url = await new Promise<string>((found, failed) => {
      const lines = createInterface({ input: child.stdout });
      lines.on('line', (line) => {
        const match = /dashboard at (\S+)/.exec(line);
        if (match?.[1]) found(match[1]);
      });
      child.once('exit', (code) =>
        failed(new Error(`linewatch serve exited with ${String(code)} before it served`)),
      );
    });
    const samples: number[] = [];
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      await sleep(SAMPLE_EVERY_MS);
      const rss = child.pid === undefined ? null : residentBytes(child.pid);
      if (rss !== null) samples.push(rss);
    }
    const settled = samples.slice(Math.floor((samples.length * 2) / 3)).sort((a, b) => a - b);
    const heap = await heapUsedBytes(url);
    return {
      endpoints,
      seconds,
      rss_settled_mib: settled.length === 0 ? null : mib(settled[Math.floor(settled.length / 2)] ?? 0),
      rss_peak_mib: samples.length === 0 ? null : mib(Math.max(...samples)),
      heap_used_mib: heap === null ? null : mib(heap),
    };
  } finally {
    child.kill('SIGTERM');
    await new Promise((done) => (child.exitCode === null ? child.once('exit', done) : done(null)));
    rmSync(dir, { recursive: true, force: true });
  }
}

/** RSS of `linewatch serve` at each of MEMORY_SIZES (Linux: /proc), `seconds` each. */
export async function serveMemoryFigures(seconds: number): Promise<Record<string, unknown>> {
  if (process.platform !== 'linux') return { skipped: 'reads /proc/<pid>/status: Linux only' };
  const listener = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.end();
  });
  await new Promise<void>((listening) => listener.listen(0, '127.0.0.1', listening));
  try {
    const target = listener.address() as net.AddressInfo;
    const sizes: SizeFigures[] = [];
    for (const endpoints of MEMORY_SIZES) sizes.push(await measureSize(endpoints, seconds, target));
    return {
      how: 'linewatch serve in its own process, fresh data folder, N TCP endpoints at 10 s; RSS sampled every 2 s, settled = median of the last third of the run',
      sizes,
    };
  } finally {
    await new Promise((closed) => listener.close(closed));
  }
}
