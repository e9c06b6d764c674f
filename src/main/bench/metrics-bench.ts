// Benchmark: `/metrics` of 2,000 endpoints on 40 lines (the KPI bench's plant). A real store and
// engine take 20 minutes of checks (a few endpoints failing, so outages and alarms exist), the
// check stream feeds the registry, then scrapes are timed: the first (which computes the plant
// figures, i.e. today's and the shift's KPI report) and the cached ones a Prometheus sees between
// figure refreshes. Size is the exposition text; heap is what one scrape allocates.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MINUTE_MS } from '../../shared/time';
import { ManualClock } from '../clock/clock';
import { createMonitorEngine } from '../monitor';
import { startMetricsRuntime } from '../metrics/metrics-runtime';
import { openStore } from '../store';
import { benchConfig } from './kpi-bench';
import { round } from './measure';

const HISTORY_MS = 20 * MINUTE_MS;
const WARM_SCRAPES = 40;

const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? Number.NaN;

export async function benchMetricsScrape(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-metrics-bench-'));
  const store = openStore(dir);
  try {
    const config = benchConfig();
    const endpoints = config.lines.flatMap((line) => line.endpoints);
    const end = Date.now();
    const clock = new ManualClock(end - HISTORY_MS);
    const engine = createMonitorEngine({
      endpoints,
      maintenance: { isInMaintenance: () => false },
      clock,
      store,
      flushEveryMs: 0,
    });
    const metrics = startMetricsRuntime({
      store,
      config: () => config,
      now: () => clock.now(),
      flush: () => engine.flush(),
      liveStates: () => engine.snapshot(),
      schedulerStats: () => ({ maxLagMs: 12, started: 0, skippedBusy: 0 }),
      build: { version: 'bench', host: 'headless' },
      log: () => undefined,
    });
    const heapBeforeFeed = process.memoryUsage().heapUsed;
    let checks = 0;
    for (let ts = end - HISTORY_MS; ts < end; ts += 10_000) {
      clock.advance(ts - clock.now());
      endpoints.forEach((endpoint, i) => {
        // One endpoint in 50 is down for the last 5 minutes: outages, alarms, lines down.
        const failing = i % 50 === 7 && ts > end - 5 * MINUTE_MS;
        const result = failing
          ? { ok: false as const, kind: 'refused' as const, message: 'refused', rttMs: null }
          : { ok: true as const, rttMs: 0.3 + (i % 17) / 10 };
        engine.ingest(endpoint.id, ts + i, result);
        metrics.feed.check(endpoint, result, result.rttMs ?? 2);
        checks += 1;
      });
      engine.flush();
    }
    clock.advance(end - clock.now());
    const retainedBytes = process.memoryUsage().heapUsed - heapBeforeFeed;

    const timed = async (): Promise<{ ms: number; cpuMs: number; bytes: number; heapBytes: number }> => {
      const heap0 = process.memoryUsage().heapUsed;
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const { body } = await metrics.scrape();
      const ms = performance.now() - t0;
      const cpu = process.cpuUsage(cpu0);
      return {
        ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        bytes: Buffer.byteLength(body),
        heapBytes: process.memoryUsage().heapUsed - heap0,
      };
    };
    const first = await timed();
    const warm: Awaited<ReturnType<typeof timed>>[] = [];
    for (let n = 0; n < WARM_SCRAPES; n++) warm.push(await timed());
    const ms = warm.map((w) => w.ms).sort((a, b) => a - b);
    const cpuMs = warm.map((w) => w.cpuMs).sort((a, b) => a - b);
    const lastBody = (await metrics.scrape()).body;
    await metrics.stop();
    engine.stop();
    return {
      endpoints: endpoints.length,
      lines: config.lines.length,
      checksFed: checks,
      series: lastBody.split('\n').filter((line) => line !== '' && !line.startsWith('#')).length,
      bodyMB: round(first.bytes / 1e6, 2),
      /** The first scrape computes the plant figures (two KPI reports, alarm impacts): once a minute. */
      firstScrapeMs: round(first.ms, 1),
      warmScrapeP50Ms: round(percentile(ms, 0.5), 1),
      warmScrapeP99Ms: round(percentile(ms, 0.99), 1),
      warmScrapeMaxMs: round(ms[ms.length - 1] ?? Number.NaN, 1),
      warmScrapeCpuP50Ms: round(percentile(cpuMs, 0.5), 1),
      /** Heap growth during one scrape (garbage included; an upper bound of what it holds). */
      scrapeHeapMB: round(Math.max(...warm.map((w) => w.heapBytes), first.heapBytes) / 1e6, 2),
      /** Heap held by the registry's counters and histograms of 2,000 endpoints, and the engine. */
      registryAndEngineHeapMB: round(retainedBytes / 1e6, 1),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
