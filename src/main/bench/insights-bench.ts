// `npm run bench:insights` (issue 12): the early-warning detectors measured on injected faults.
// The synthetic plant (insights-history.ts) goes through `linewatch import`'s own code path a day
// at a time, then `buildInsights` judges the second week and every warning is scored against the
// faults that were injected. Scoring rules (also in the README, "Measured quality"):
// - A degradation (every injected fault but the step change) is DETECTED when a warning on one of
//   its endpoints overlaps [fault start, outage start) for a fault that ends in an outage, or
//   [fault start, recovery) for one that recovers. A warning raised only once the device is down
//   is not early, so it does not count for recall.
// - Lead time: outage start (the store's first outage of the endpoint, or of the line's switch, at
//   or after the fault start) minus the start of the first such warning.
// - A warning is TRUE when it is on a faulty endpoint and overlaps its fault's incident span
//   [start, end + 2 h] (the outage itself and the recovery after it are part of the incident).
//   A step change's warnings that end within STEP_SETTLE_MS of the step are neither true nor false
//   (the new level is being learnt); one still active later is a LASTING, false warning.
// - Every other warning in the judged window is false; those on the 200 healthy endpoints give
//   the false warnings per 1,000 healthy endpoint-days.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../shared/time';
import { importChecksFile } from '../import/import-checks';
import { buildInsights } from '../insights/judge';
import type { InsightWarning } from '../insights/warning';
import { openStore, type Store } from '../store';
import {
  BENCH_DAYS,
  BENCH_INTERVAL_MS,
  BENCH_T0,
  FAST_INTERVAL_MS,
  buildBenchPlant,
  JUDGED_FROM,
  JUDGED_TO,
  type InjectedFault,
} from './insights-history';
import { measureLiveInsights } from './insights-live-bench';
import { measure, round } from './measure';

const INCIDENT_TAIL_MS = 2 * HOUR_MS;
export const STEP_SETTLE_MS = 6 * HOUR_MS;
const LIVE_INTERVAL_MS = 10_000;

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const overlaps = (w: InsightWarning, from: number, to: number): boolean =>
  w.startedAt < to && (w.endedAt === null || w.endedAt > from);

function importHistory(store: Store, dir: string, plant: ReturnType<typeof buildBenchPlant>): number {
  let checks = 0;
  for (let day = 0; day < BENCH_DAYS; day++) {
    const from = BENCH_T0 + day * DAY_MS;
    const file = join(dir, `checks-${day}.jsonl`);
    writeFileSync(file, plant.checks(from, from + DAY_MS).join('\n') + '\n');
    const outcome = importChecksFile(file, plant.config, store);
    if (!outcome.ok)
      throw new Error(`import of day ${day} failed: ${JSON.stringify(outcome.problems.slice(0, 3))}`);
    checks += outcome.summary.checks;
    rmSync(file);
  }
  return checks;
}

interface FaultScore {
  kind: InjectedFault['kind'];
  endpoint: string;
  detected: boolean | null;
  leadMinutes: number | null;
  lastingWarning: boolean | null;
}

export async function runInsightsBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-bench-insights-'));
  try {
    const plant = buildBenchPlant();
    const store = openStore(dir);
    const imported = await measure(() => importHistory(store, dir, plant));
    const endpoints = plant.config.lines.flatMap((line) => line.endpoints).length;
    const judged = await measure(() =>
      buildInsights(store, plant.config, { from: JUDGED_FROM, to: JUDGED_TO }),
    );
    const live = await measureLiveInsights(store, plant.config, JUDGED_TO);
    const outages = store.outages.startedIn(BENCH_T0, JUDGED_TO);
    store.close();

    const warnings = judged.value.warnings.filter((w) => overlaps(w, JUDGED_FROM, JUDGED_TO));
    const verdict = new Map<InsightWarning, 'true' | 'false' | 'settling'>();
    const scores: FaultScore[] = [];
    for (const fault of plant.faults) {
      const ids = new Set(fault.endpointIds);
      const own = warnings.filter((w) => ids.has(w.endpointId));
      if (fault.kind === 'step_change') {
        let lasting = false;
        for (const w of own) {
          if (w.startedAt < fault.start) continue;
          const settles = w.endedAt !== null && w.endedAt <= fault.start + STEP_SETTLE_MS;
          verdict.set(w, settles ? 'settling' : 'false');
          lasting ||= !settles;
        }
        scores.push({
          kind: fault.kind,
          endpoint: fault.endpointIds[0] ?? '',
          detected: null,
          leadMinutes: null,
          lastingWarning: lasting,
        });
        continue;
      }
      const incidentEnd = (fault.end ?? JUDGED_TO) + INCIDENT_TAIL_MS;
      for (const w of own) if (overlaps(w, fault.start, incidentEnd)) verdict.set(w, 'true');
      const head = fault.endpointIds[0] ?? '';
      const outage =
        fault.outageAt === null
          ? undefined
          : outages.find((o) => o.endpointId === head && o.startedAt >= fault.start);
      const earlyUntil = outage?.startedAt ?? fault.end ?? JUDGED_TO;
      const early = own
        .filter((w) => overlaps(w, fault.start, earlyUntil))
        .sort((a, b) => a.startedAt - b.startedAt);
      const first = early[0];
      scores.push({
        kind: fault.kind,
        endpoint: head,
        detected: first !== undefined,
        leadMinutes:
          first !== undefined && outage !== undefined
            ? round((outage.startedAt - first.startedAt) / MINUTE_MS, 1)
            : null,
        lastingWarning: null,
      });
    }
    const truths = warnings.filter((w) => verdict.get(w) === 'true').length;
    const falses = warnings.filter((w) => (verdict.get(w) ?? 'false') === 'false');
    const degradations = scores.filter((s) => s.detected !== null);
    const detected = degradations.filter((s) => s.detected === true).length;
    const leads = degradations.flatMap((s) => (s.leadMinutes === null ? [] : [s.leadMinutes]));
    const healthyFalse = falses.filter((w) => plant.healthyIds.has(w.endpointId));
    const healthyDays = (plant.healthyIds.size * (JUDGED_TO - JUDGED_FROM)) / DAY_MS;

    // Judging from scratch (the CLI, and windows the live judge does not cover): the judged week
    // costs `judged` for `endpoints` × (7 days + the judge's 1-day lookback).
    const judgedDays = (JUDGED_TO - JUDGED_FROM + DAY_MS) / DAY_MS;
    const cpuPerEndpointDay = judged.cpuSeconds / (endpoints * judgedDays);

    return {
      plant: {
        endpoints,
        healthy: plant.healthyIds.size,
        faulty: endpoints - plant.healthyIds.size,
        days: BENCH_DAYS,
        interval_s: {
          most_healthy: BENCH_INTERVAL_MS / 1000,
          faulty_and_two_healthy_lines: FAST_INTERVAL_MS / 1000,
        },
        checks_imported: imported.value,
        import_wall_s: round(imported.wallSeconds, 1),
        judged_from: new Date(JUDGED_FROM).toISOString(),
        judged_to: new Date(JUDGED_TO).toISOString(),
      },
      precision: warnings.length === 0 ? null : round(truths / (truths + falses.length)),
      recall: degradations.length === 0 ? null : round(detected / degradations.length),
      degradations: degradations.length,
      detected,
      median_lead_minutes: median(leads),
      outages_with_lead: leads.length,
      false_warnings_per_1000_healthy_endpoint_days: round((healthyFalse.length / healthyDays) * 1000, 2),
      healthy_endpoint_days: healthyDays,
      false_warnings: falses.length,
      false_warnings_on_healthy: healthyFalse.length,
      step_changes_with_lasting_warning: scores.filter((s) => s.lastingWarning === true).length,
      warnings: warnings.length,
      warnings_by_kind: Object.fromEntries(
        [...new Set(warnings.map((w) => w.kind))].map((k) => [
          k,
          warnings.filter((w) => w.kind === k).length,
        ]),
      ),
      faults: scores,
      false_warnings_by_kind_and_utc_hour: Object.fromEntries(
        [...new Set(falses.map((w) => `${w.kind}@${new Date(w.startedAt).getUTCHours()}h`))]
          .sort()
          .map((k) => [
            k,
            falses.filter((w) => `${w.kind}@${new Date(w.startedAt).getUTCHours()}h` === k).length,
          ]),
      ),
      false_warning_samples: falses.slice(0, 10).map((w) => ({
        endpoint: w.endpointId,
        kind: w.kind,
        started_at: new Date(w.startedAt).toISOString(),
        reason: w.reason,
      })),
      cpu: {
        judge_week_cpu_s: round(judged.cpuSeconds, 2),
        judge_week_wall_s: round(judged.wallSeconds, 2),
        cpu_ms_per_endpoint_day: round(cpuPerEndpointDay * 1000, 2),
        live,
        live_interval_s: LIVE_INTERVAL_MS / 1000,
        how:
          'Detectors read minute rollups, so their cost does not depend on the check interval. live: ' +
          'the live judge warmed up a day before the end of the judged week and stepped through its last ' +
          'day minute by minute; its CPU and that of one request for the last 24 h (the wall asks once a ' +
          'minute) scaled to 2,000 endpoints by the endpoint count.',
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
