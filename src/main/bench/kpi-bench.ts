// Benchmark: a 90-day report over 2,000 endpoints on 40 lines, from a real store filled with
// realistic history (a few outages per endpoint per week, occasional monitoring gaps, weekly line
// maintenance, dependencies on each line's switch, acknowledged alarms). Times `buildReport`.
import { performance } from 'node:perf_hooks';
import { DAY_MS } from '../../shared/time';
import { random } from './random';
import { DEFAULT_RETENTION, type EndpointConfig, type LinewatchConfig } from '../config';
import {
  openStore,
  type EndpointProgress,
  type OutageRecord,
  type StateChangeRecord,
  type Store,
} from '../store';
import { buildReport } from '../kpi';

const LINES = 40;
const PER_LINE = 50;
const DAYS = 90;
const INTERVAL_MS = 10_000;
const WEEK_MS = 7 * DAY_MS;

export function benchConfig(): LinewatchConfig {
  const lines = Array.from({ length: LINES }, (_, l) => {
    const lineId = `line-${l + 1}`;
    const endpoints: EndpointConfig[] = Array.from({ length: PER_LINE }, (_, e) => ({
      id: `${lineId}-ep-${e + 1}`,
      name: `Endpoint ${e + 1}`,
      type: e === 0 ? 'switch' : 'plc',
      lineId,
      critical: e < 6,
      dependsOn: e === 0 ? null : `${lineId}-ep-1`,
      intervalMs: INTERVAL_MS,
      timeoutMs: 2_000,
      downAfter: 2,
      upAfter: 2,
      probe: { kind: 'tcp', host: '127.0.0.1', port: 502 },
    }));
    return { id: lineId, name: `Line ${l + 1}`, downtimeCostPerMinute: 500 + l * 10, endpoints };
  });
  return {
    version: 1,
    site: { id: 'bench-plant', name: 'Bench plant', timezone: 'Europe/Berlin' },
    shifts: [
      { id: 'early', name: 'Early', start: '06:00', end: '14:00' },
      { id: 'late', name: 'Late', start: '14:00', end: '22:00' },
      { id: 'night', name: 'Night', start: '22:00', end: '06:00' },
    ],
    lines,
    maintenance: lines.map((line, l) => ({
      id: `pm-${line.id}`,
      targets: [line.id],
      kind: 'recurring' as const,
      every: 'week' as const,
      weekday: l % 7,
      start: '02:00',
      durationMs: 4 * 3_600_000,
    })),
    retention: DEFAULT_RETENTION,
  };
}

type NewOutage = Omit<OutageRecord, 'id' | 'acknowledgedAt'> & { ackAfterMs: number | null };

/**
 * Each endpoint's history, written through the stores in time order as the monitor would (ids grow
 * with time, which is what the SQLite pages look like in a real data folder); returns row counts.
 */
function fill(
  store: Store,
  config: LinewatchConfig,
  fromMs: number,
  toMs: number,
): { changes: number; outages: number } {
  const rand = random(42);
  const changes: StateChangeRecord[] = [];
  const outages: NewOutage[] = [];
  const progress: EndpointProgress[] = [];
  for (const ep of config.lines.flatMap((l) => l.endpoints)) {
    const add = (state: 'up' | 'down' | 'unknown', since: number, decidedAt: number): void => {
      changes.push({ endpointId: ep.id, state, since, decidedAt });
    };
    let t = fromMs - DAY_MS;
    add('up', t, t + INTERVAL_MS);
    for (;;) {
      // ~3 outages a week: exponential spacing with a mean of 2.3 days.
      t += Math.floor(-Math.log(1 - rand()) * (WEEK_MS / 3)) + INTERVAL_MS;
      const length = Math.floor(30_000 + rand() ** 3 * 1_800_000);
      if (t + length + 3 * INTERVAL_MS >= toMs) break;
      const startedAt = t;
      const detectedAt = startedAt + INTERVAL_MS;
      const endedByGap = rand() < 0.05; // now and then the probe host itself went away
      const endedAt = startedAt + length;
      add('down', startedAt, detectedAt);
      if (endedByGap) add('unknown', endedAt, endedAt + 60_000);
      outages.push({
        endpointId: ep.id,
        startedAt,
        detectedAt,
        endedAt,
        endedByGap,
        inMaintenance: false,
        secondaryOfEndpoint: null,
        secondaryOfOutage: null,
        failureKind: 'refused',
        failureMessage: 'connect ECONNREFUSED',
        ackAfterMs: rand() < 0.7 ? Math.floor(rand() * 300_000) : null,
      });
      t = endedAt + (endedByGap ? 600_000 : 0);
      add('up', t, t + INTERVAL_MS);
    }
    progress.push({
      endpointId: ep.id,
      state: 'up',
      since: t,
      okStreak: 2,
      okStreakStart: t,
      failStreak: 0,
      failStreakStart: null,
      lastCheckTs: toMs - INTERVAL_MS,
      intervalMs: INTERVAL_MS,
      openOutageId: null,
    });
  }
  changes.sort((a, b) => a.decidedAt - b.decidedAt);
  outages.sort((a, b) => a.detectedAt - b.detectedAt);
  store.transaction(() => {
    for (const change of changes) store.stateChanges.insert(change);
    outages.forEach(({ ackAfterMs, ...outage }, i) => {
      const id = i + 1;
      store.outages.insert({ id, ...outage });
      store.alarms.insert({ id, outageId: id, endpointId: outage.endpointId, raisedAt: outage.detectedAt });
      if (ackAfterMs !== null) store.alarms.acknowledge(id, outage.detectedAt + ackAfterMs, 'op', '');
    });
    store.progress.upsertMany(progress);
  });
  return { changes: changes.length, outages: outages.length };
}

export async function benchNinetyDayReport(dir: string): Promise<{
  endpoints: number;
  lines: number;
  days: number;
  stateChanges: number;
  outages: number;
  /** Wall time of buildReport, median of 3. */
  seconds: number;
  /** Its CPU time (this process), median of 3: what wall time is on a machine with a free core. */
  cpuSeconds: number;
}> {
  const config = benchConfig();
  const toMs = Date.UTC(2026, 5, 1);
  const fromMs = toMs - DAYS * DAY_MS;
  const store = openStore(dir);
  try {
    const rows = fill(store, config, fromMs, toMs);
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let run = 0; run < 3; run++) {
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      buildReport(store, config, { fromMs, toMs, nowMs: toMs + DAY_MS });
      times.push((performance.now() - t0) / 1000);
      const cpu = process.cpuUsage(cpu0);
      cpuTimes.push((cpu.user + cpu.system) / 1e6);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const median = (values: number[]): number => values.sort((a, b) => a - b)[1] ?? Number.NaN;
    return {
      endpoints: LINES * PER_LINE,
      lines: LINES,
      days: DAYS,
      stateChanges: rows.changes,
      outages: rows.outages,
      seconds: median(times),
      cpuSeconds: median(cpuTimes),
    };
  } finally {
    store.close();
  }
}
