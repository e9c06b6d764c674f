// The getInsights contract handler (issue 12): the window's early warnings and maintenance
// priorities for the console's Insights page and the degrading badges. Read-only; the composition
// root wraps it in `readThrough`, so minutes the engine still buffers are judged too.
import { ContractFailure, type ContractHandlers, type Insights as InsightsView } from '../../shared/contract';
import { DAY_MS, isoTime, isoTimeOrNull } from '../../shared/time';
import { endpointCount, locateEndpoints, type LinewatchConfig } from '../config';
import type { Store } from '../store';
import { buildInsights, JUDGE_LOOKBACK_MS, type MinuteWarnings } from './judge';
import type { LiveInsights, LiveInsightsProgress } from './live-insights';

export interface InsightsHandlerDeps {
  store: Store;
  config: () => LinewatchConfig;
  now: () => number;
  /** The live judge: windows it covers are answered from it, whatever the plant's size. */
  live?: LiveInsights;
}

/**
 * The most judging from scratch one request may cost, in endpoint-days (devices × (window + the
 * judge's lookback)): for windows the live judge does not cover (older than what it judged since
 * the start, or while it warms up). Such judging runs on the services' thread, next to the
 * probes, at about 20 ms per endpoint-day here: 200 endpoint-days is about 4 s. Above it the
 * console refuses and names `linewatch insights`, instead of holding the probes for minutes.
 */
export const LIVE_INSIGHTS_BUDGET_ENDPOINT_DAYS = 200;

function refuseOverBudget(
  config: LinewatchConfig,
  from: number,
  to: number,
  live: LiveInsightsProgress | null,
): void {
  const devices = endpointCount(config);
  const endpointDays = devices * ((to - from + JUDGE_LOOKBACK_MS) / DAY_MS);
  if (endpointDays <= LIVE_INSIGHTS_BUDGET_ENDPOINT_DAYS) return;
  if (live && live.warm < live.devices)
    throw new ContractFailure(
      'unavailable',
      `Early warnings are still being learnt from the stored history (${live.warm} of ${live.devices} ` +
        'devices so far); they appear here once every device is judged',
    );
  throw new ContractFailure(
    'bad_request',
    `Early warnings for ${devices} devices over this window are too much to judge in the console ` +
      `(${Math.round(endpointDays)} endpoint-days, the limit is ${LIVE_INSIGHTS_BUDGET_ENDPOINT_DAYS}; ` +
      'the console judges live only since it started); use `linewatch insights` for this window',
  );
}

/** How long computed insights answer the same (from, to) again: each page and wall asks often. */
export const INSIGHTS_CACHE_MS = 15_000;
const INSIGHTS_CACHE_ENTRIES = 8;

/** Names by endpoint id; an id no longer in the config (warnings outlive edits) shows as itself. */
function namesOf(config: LinewatchConfig) {
  const located = locateEndpoints(config);
  const linesById = new Map(config.lines.map((line) => [line.id, line.name]));
  return (endpointId: string, lineId: string) => {
    const found = located.get(endpointId);
    return {
      endpointName: found?.endpoint.name ?? endpointId,
      lineName: found?.line.name ?? linesById.get(lineId) ?? lineId,
    };
  };
}

export function insightsView(
  store: Store,
  config: LinewatchConfig,
  window: { from: number; to: number },
  minuteWarnings?: MinuteWarnings,
): InsightsView {
  const { warnings, priorities } = buildInsights(store, config, window, minuteWarnings);
  const names = namesOf(config);
  return {
    from: isoTime(window.from),
    to: isoTime(window.to),
    warnings: warnings.map((w) => ({
      ...w,
      ...names(w.endpointId, w.lineId),
      startedAt: isoTime(w.startedAt),
      endedAt: isoTimeOrNull(w.endedAt),
      baseline: { ...w.baseline },
      observed: { ...w.observed },
    })),
    priorities: priorities.map((p) => ({ ...p, ...names(p.endpointId, p.lineId) })),
  };
}

export function createInsightsHandlers(deps: InsightsHandlerDeps): Pick<ContractHandlers, 'getInsights'> {
  const { store, config, now, live } = deps;
  // A short cache per (from, to, config): a window still open at `now` gains minutes as time goes
  // on, hence the short life; a config swap is a new object and so a miss.
  const entries = new Map<string, { at: number; config: LinewatchConfig; value: InsightsView }>();
  return {
    getInsights: ({ from, to }) => {
      const at = now();
      const current = config();
      for (const [key, entry] of entries) {
        if (at - entry.at >= INSIGHTS_CACHE_MS || at < entry.at) entries.delete(key);
      }
      const key = `${from}|${to}`;
      const hit = entries.get(key);
      if (hit && hit.config === current) return hit.value;
      const judged = live?.minuteWarnings({ from, to }) ?? null;
      if (judged === null) refuseOverBudget(current, from, to, live?.progress() ?? null);
      const value = insightsView(store, current, { from, to }, judged ?? undefined);
      entries.delete(key);
      entries.set(key, { at, config: current, value });
      while (entries.size > INSIGHTS_CACHE_ENTRIES) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return value;
    },
  };
}
