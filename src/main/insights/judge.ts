// Runs the early-warning detectors over a window (issue 12) and returns every warning that overlaps
// it. Read-only: minute rollups and state changes come from the store, never raw checks, and the
// only time used is the window's (the same code serves the CLI, imports and the live console).
//
// Judging begins JUDGE_LOOKBACK_MS before `from`, so a warning already active at `from` is found
// with its start (a warning older than that is reported as starting at most that far back). Each
// minute is judged against a baseline of the BASELINE_HISTORY_MS before it (detectors.ts), so the
// rollups are read from `from - lookback - history` to `to`. Nothing after `to` is read: a warning
// still active at `to` has `endedAt` null.
//
// Planned work is not degradation: minutes inside a maintenance window of the endpoint (its own,
// its line's or the site's) are left out of baselines and judging, and near misses and flips
// inside one are ignored.
import { createMaintenanceCalendar, type Interval, type MaintenanceCalendar } from '../calendar';
import type { EndpointConfig, LinewatchConfig } from '../config';
import { DAY_MS } from '../../shared/time';
import type { Store } from '../store';
import type { MinuteSample } from './baseline';
import { BASELINE_HISTORY_MS, type MinuteDetectorInput } from './detectors';
import { detectFlapping, FLAPPING_LOOKBACK_MS } from './flapping';
import { detectGroupDegradation } from './group-degradation';
import { detectLossRise } from './loss-rise';
import { detectNearMisses, NEAR_MISS_HISTORY_MS, nearMissTrend, type NearMissTrend } from './near-misses';
import { HISTORY_MS, rankPriorities } from './priorities';
import { detectRttRise } from './rtt-rise';
import { detectThresholds } from './threshold';
import type { InsightWarning, MaintenancePriority } from './warning';

export const JUDGE_LOOKBACK_MS = DAY_MS;

export interface InsightsWindow {
  from: number;
  to: number;
}

const overlaps = (w: InsightWarning, window: InsightsWindow): boolean =>
  w.startedAt < window.to && (w.endedAt === null || w.endedAt > window.from);

/** The samples whose minute starts outside the (sorted, merged) maintenance intervals. */
function outsideMaintenance(samples: MinuteSample[], maintenance: readonly Interval[]): MinuteSample[] {
  if (maintenance.length === 0) return samples;
  let k = 0;
  return samples.filter((sample) => {
    while (k < maintenance.length && (maintenance[k]?.end ?? Infinity) <= sample.start) k++;
    const current = maintenance[k];
    return current === undefined || sample.start < current.start;
  });
}

/** The RTT, loss and threshold warnings of one endpoint, judged from its minute rollups. */
export function judgeEndpointMinutes(
  store: Store,
  config: LinewatchConfig,
  endpoint: EndpointConfig,
  window: InsightsWindow,
  calendar: MaintenanceCalendar = createMaintenanceCalendar(config),
): InsightWarning[] {
  const judgeFrom = window.from - JUDGE_LOOKBACK_MS;
  const readFrom = judgeFrom - BASELINE_HISTORY_MS;
  const target = { endpointId: endpoint.id, lineId: endpoint.lineId };
  const samples = outsideMaintenance(
    store.rollups.series(endpoint.id, 'minute', readFrom, window.to),
    calendar.windowsFor(target, readFrom, window.to),
  );
  const input: MinuteDetectorInput = {
    endpointId: endpoint.id,
    lineId: endpoint.lineId,
    timezone: config.site.timezone,
    samples,
    judgeFrom,
  };
  return [...detectRttRise(input), ...detectLossRise(input), ...detectThresholds(input, endpoint.warn)];
}

/**
 * When the endpoint's data begins, as far back as the near-miss history reaches: the near-miss
 * detector judges only after its minimum history, so a newly added device (or the first day of an
 * import) does not read its first short failed streaks against an empty past. Hour rollups: a few
 * hundred rows per endpoint, not weeks of minutes.
 */
function monitoredSinceOf(store: Store, endpointId: string, at: number): number | null {
  return store.rollups.series(endpointId, 'hour', at - NEAR_MISS_HISTORY_MS, at)[0]?.start ?? null;
}

const byStart = (a: InsightWarning, b: InsightWarning): number =>
  a.startedAt - b.startedAt || a.endpointId.localeCompare(b.endpointId) || a.kind.localeCompare(b.kind);

/**
 * Every warning of every configured endpoint that overlaps [from, to), oldest first: the minute
 * detectors, near misses and flapping per endpoint, then the group detector over all of them.
 */
export function judgeInsights(
  store: Store,
  config: LinewatchConfig,
  window: InsightsWindow,
): InsightWarning[] {
  const changes = store.stateChanges.listForWindow(window.from - FLAPPING_LOOKBACK_MS, window.to);
  const nearMisses = store.nearMisses.listForWindow(window.from - NEAR_MISS_HISTORY_MS, window.to);
  const calendar = createMaintenanceCalendar(config);
  const warnings: InsightWarning[] = [];
  for (const line of config.lines) {
    for (const endpoint of line.endpoints) {
      const target = { endpointId: endpoint.id, lineId: endpoint.lineId };
      const isInMaintenance = (ts: number) => calendar.isInMaintenance(target, ts);
      warnings.push(...judgeEndpointMinutes(store, config, endpoint, window, calendar));
      warnings.push(
        ...detectFlapping({
          endpointId: endpoint.id,
          lineId: endpoint.lineId,
          changes: changes.get(endpoint.id) ?? [],
          from: window.from,
          to: window.to,
          isInMaintenance,
        }),
        ...detectNearMisses({
          endpointId: endpoint.id,
          lineId: endpoint.lineId,
          nearMisses: nearMisses.get(endpoint.id) ?? [],
          from: window.from,
          to: window.to,
          monitoredSince: monitoredSinceOf(store, endpoint.id, window.from),
          isInMaintenance,
        }),
      );
    }
  }
  warnings.push(...detectGroupDegradation(warnings, config));
  return warnings.filter((w) => overlaps(w, window)).sort(byStart);
}

export interface Insights {
  warnings: InsightWarning[];
  priorities: MaintenancePriority[];
}

/** The window's warnings and the maintenance priority list ranked from them (priorities.ts). */
export function buildInsights(store: Store, config: LinewatchConfig, window: InsightsWindow): Insights {
  const warnings = judgeInsights(store, config, window);
  const trendHistory = store.nearMisses.listForWindow(window.to - NEAR_MISS_HISTORY_MS, window.to);
  const nearMissTrends = new Map<string, NearMissTrend>();
  for (const [endpointId, events] of trendHistory)
    nearMissTrends.set(
      endpointId,
      nearMissTrend(events, window.to, monitoredSinceOf(store, endpointId, window.to)),
    );
  const priorities = rankPriorities({
    warnings,
    config,
    outages: store.outages.startedIn(window.to - HISTORY_MS, window.to),
    nearMissTrends,
  });
  return { warnings, priorities };
}
