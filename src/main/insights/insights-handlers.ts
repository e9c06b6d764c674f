// The getInsights contract handler (issue 12): the window's early warnings and maintenance
// priorities for the console's Insights page and the degrading badges. Read-only; the composition
// root wraps it in `readThrough`, so minutes the engine still buffers are judged too.
import type { ContractHandlers, Insights as InsightsView } from '../../shared/contract';
import { isoTime, isoTimeOrNull } from '../../shared/time';
import { locateEndpoints, type LinewatchConfig } from '../config';
import type { Store } from '../store';
import { buildInsights } from './judge';

export interface InsightsHandlerDeps {
  store: Store;
  config: () => LinewatchConfig;
  now: () => number;
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
): InsightsView {
  const { warnings, priorities } = buildInsights(store, config, window);
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
  const { store, config, now } = deps;
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
      const value = insightsView(store, current, { from, to });
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
