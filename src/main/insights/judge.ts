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
import { createMaintenanceCalendar, type MaintenanceCalendar } from '../calendar';
import type { EndpointConfig, LinewatchConfig } from '../config';
import { DAY_MS } from '../../shared/time';
import type { Store } from '../store';
import {
  arrayHistory,
  BASELINE_HISTORY_MS,
  firstIndexAt,
  type MinuteDetector,
  type MinuteHistory,
} from './detectors';
import { detectFlapping, FLAPPING_LOOKBACK_MS } from './flapping';
import { detectGroupDegradation } from './group-degradation';
import { LossRiseDetector } from './loss-rise';
import { readMinutes } from './minute-history';
import { detectNearMisses, NEAR_MISS_HISTORY_MS, nearMissTrend, type NearMissTrend } from './near-misses';
import { HISTORY_MS, rankPriorities } from './priorities';
import { RttRiseDetector } from './rtt-rise';
import { ThresholdDetector } from './threshold';
import type { InsightWarning, MaintenancePriority } from './warning';

export const JUDGE_LOOKBACK_MS = DAY_MS;

export interface InsightsWindow {
  from: number;
  to: number;
}

/** An endpoint's RTT, loss and threshold warnings of the window, when someone already judged them. */
export type MinuteWarnings = (endpoint: EndpointConfig) => InsightWarning[];

export const overlaps = (w: InsightWarning, window: InsightsWindow): boolean =>
  w.startedAt < window.to && (w.endedAt === null || w.endedAt > window.from);

/** The RTT, loss and threshold detectors of one endpoint (fresh: nothing judged yet). */
export function minuteDetectorsOf(
  config: LinewatchConfig,
  endpoint: EndpointConfig,
  history: MinuteHistory,
): MinuteDetector[] {
  const target = {
    endpointId: endpoint.id,
    lineId: endpoint.lineId,
    timezone: config.site.timezone,
    history,
  };
  return [
    new RttRiseDetector(target),
    new LossRiseDetector(target),
    ...(endpoint.warn ? [new ThresholdDetector(target, endpoint.warn)] : []),
  ];
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
  const source = { store, calendar, endpointId: endpoint.id, lineId: endpoint.lineId };
  const samples = readMinutes(source, judgeFrom - BASELINE_HISTORY_MS, window.to);
  const detectors = minuteDetectorsOf(config, endpoint, arrayHistory(samples));
  for (let i = firstIndexAt(samples, judgeFrom); i < samples.length; i++) {
    const sample = samples[i];
    if (sample) for (const detector of detectors) detector.step(sample);
  }
  return detectors.flatMap((detector) => [...detector.ended, ...detector.active()]);
}

/**
 * When the endpoint's data begins, as far back as the near-miss history reaches: the near-miss
 * detector judges only after its minimum history, so a newly added device (or the first day of an
 * import) does not read its first short failed streaks against an empty past. From the hour
 * rollups, reading only the first days that hold any.
 */
function monitoredSinceOf(store: Store, endpointId: string, at: number): number | null {
  return store.rollups.firstHourStart(endpointId, at - NEAR_MISS_HISTORY_MS, at);
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
  minuteWarnings?: MinuteWarnings,
): InsightWarning[] {
  const changes = store.stateChanges.listForWindow(window.from - FLAPPING_LOOKBACK_MS, window.to);
  const nearMisses = store.nearMisses.listForWindow(window.from - NEAR_MISS_HISTORY_MS, window.to);
  const calendar = createMaintenanceCalendar(config);
  const warnings: InsightWarning[] = [];
  for (const line of config.lines) {
    for (const endpoint of line.endpoints) {
      const target = { endpointId: endpoint.id, lineId: endpoint.lineId };
      const isInMaintenance = (ts: number) => calendar.isInMaintenance(target, ts);
      warnings.push(
        ...(minuteWarnings?.(endpoint) ?? judgeEndpointMinutes(store, config, endpoint, window, calendar)),
      );
      const misses = nearMisses.get(endpoint.id) ?? [];
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
          nearMisses: misses,
          from: window.from,
          to: window.to,
          // Without near misses there is nothing to judge: no need to read when the data begins.
          monitoredSince: misses.length === 0 ? null : monitoredSinceOf(store, endpoint.id, window.from),
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

/**
 * The window's warnings and the maintenance priority list ranked from them (priorities.ts). The
 * minute detectors' warnings are judged here unless `minuteWarnings` already has them (the live
 * judge, live-insights.ts).
 */
export function buildInsights(
  store: Store,
  config: LinewatchConfig,
  window: InsightsWindow,
  minuteWarnings?: MinuteWarnings,
): Insights {
  const warnings = judgeInsights(store, config, window, minuteWarnings);
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
