// The accelerated soak of `npm run bench -- --only=soak` (issue 14: memory flat over 24 h at 2,000
// endpoints). The real services (engine, store, rollups, retention, live insights, metrics, health)
// run on the manual clock, which jumps from timer to timer, so a simulated day passes in minutes. The probe
// answers at once (an RTT with jitter, a failed check now and then, one device that fails for a
// while every few hours), so what is measured is Linewatch holding a day of state, not sockets.
// Every simulated hour the heap is collected and its size recorded: a leak shows as a heap that
// keeps growing hour after hour; flat means the last hours hold no more than the first.
// The soak runs in a process of its own started with serve's V8 flag (`--optimize-for-size`, set by
// bin/linewatch.js): with V8's default heap growth the jumping clock's allocation rate alone took the
// bench process to ~380 MB RSS (heap total 160 MB for 48 MB live), which says nothing about serve.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { promisify } from 'node:util';
import { runInNewContext } from 'node:vm';
import { startLinewatchServices } from '../app/services';
import { ManualClock, type Clock } from '../clock/clock';
import type { ProbeConfig } from '../config';
import type { ProbeRunner } from '../probes/run-probe';
import type { ProbeResult } from '../probes/probe-result';
import { DAY_MS, epochMsOfIso, HOUR_MS } from '../../shared/time';
import { round } from './measure';
import { memoryPlantYaml } from './serve-memory-bench';
import { random } from './random';

const STEP_MS = 10_000;

const FIRST_PORT = 40_000;

/** Instant answers: ~1-3 ms RTT with jitter, 1 check in 2,000 failed, device-7 down 20 min every 4 h. */
function soakProbe(clock: Clock): ProbeRunner {
  const rand = random(14);
  const baseByPort = new Map<number, number>();
  return (probe: ProbeConfig): Promise<ProbeResult> => {
    const port = probe.kind === 'tcp' ? probe.port : 0;
    const base = baseByPort.get(port) ?? 1 + 2 * rand();
    baseByPort.set(port, base);
    const outage = clock.now() % (4 * HOUR_MS) < 20 * 60_000;
    if (rand() < 0.0005 || (outage && port === FIRST_PORT + 7)) {
      return Promise.resolve({ ok: false, kind: 'timeout', message: 'no answer (soak)', rttMs: null });
    }
    return Promise.resolve({ ok: true, rttMs: base * (0.8 + 0.4 * rand()) });
  };
}

/** The heap after a full collection (the soak process is started with --expose-gc). */
function collectedHeapBytes(): number {
  const gc = runInNewContext('typeof gc === "function" ? gc : null') as (() => void) | null;
  if (!gc) throw new Error('the soak process needs --expose-gc');
  gc();
  return process.memoryUsage().heapUsed;
}

/** Runs the soak in a fresh process with serve's V8 flags and returns its figures. */
export async function soakFigures(options: { hours: number }): Promise<Record<string, unknown>> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      '--optimize-for-size',
      '--expose-gc',
      process.argv[1] ?? 'out/main/bench.js',
      'soak',
      String(options.hours),
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  return JSON.parse(stdout) as Record<string, unknown>;
}

const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);

/** The soak itself, in the process `soakFigures` starts (`node out/main/bench.js soak HOURS`). */
export async function runSoak(options: {
  endpoints: number;
  hours: number;
}): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-soak-'));
  const configPath = join(dir, 'plant.yaml');
  // A port per device so the probe can tell them apart (nothing listens: the probe is fake).
  writeFileSync(configPath, memoryPlantYaml(options.endpoints, '127.0.0.1', FIRST_PORT, true));
  const clock = new ManualClock(epochMsOfIso('2026-03-02T05:00:00Z'));
  const services = await startLinewatchServices({
    dataDir: join(dir, 'data'),
    configPath,
    host: 'headless',
    appVersion: 'soak',
    clock,
    probe: soakProbe(clock),
    watchConfig: false,
  });
  const hours: {
    hour: number;
    heap_mib: number;
    heap_total_mib: number;
    external_mib: number;
    rss_mib: number;
  }[] = [];
  const wallStart = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const end = clock.now() + options.hours * HOUR_MS;
    let nextSample = clock.now() + HOUR_MS;
    while (clock.now() < end) {
      clock.advance(STEP_MS);
      // Probe answers and commits are promises: let them settle before the clock moves on.
      await yieldToLoop();
      await yieldToLoop();
      if (clock.now() >= nextSample) {
        const heapUsed = collectedHeapBytes();
        const usage = process.memoryUsage();
        hours.push({
          hour: hours.length + 1,
          heap_mib: mib(heapUsed),
          heap_total_mib: mib(usage.heapTotal),
          external_mib: mib(usage.external),
          rss_mib: mib(usage.rss),
        });
        nextSample += HOUR_MS;
      }
    }
  } finally {
    await services.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  const cpu = process.cpuUsage(cpuStart);
  const heaps = hours.map((h) => h.heap_mib);
  const firstQuarter = heaps.slice(0, Math.max(1, Math.floor(heaps.length / 4)));
  const lastQuarter = heaps.slice(-Math.max(1, Math.floor(heaps.length / 4)));
  return {
    how: `the real services on a jumping clock, ${String(options.endpoints)} endpoints at 10 s with instant fake answers; the heap collected and measured every simulated hour`,
    endpoints: options.endpoints,
    simulated_hours: options.hours,
    simulated_days: round((options.hours * HOUR_MS) / DAY_MS, 2),
    wall_s: round((performance.now() - wallStart) / 1000, 1),
    cpu_s: round((cpu.user + cpu.system) / 1e6, 1),
    heap_first_quarter_max_mib: Math.max(...firstQuarter),
    heap_last_quarter_max_mib: Math.max(...lastQuarter),
    rss_max_mib: Math.max(...hours.map((h) => h.rss_mib)),
    hours,
  };
}
