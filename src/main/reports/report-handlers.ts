// The report-related contract handlers, kept out of services.ts so the composition root only wires
// them. Each reads the store on demand; the composition root wraps them in `readThrough`, so the
// newest outages and alarms (still buffered by the engine) are included.
import { ContractFailure, type ContractHandlers } from '../../shared/contract';
import type { LinewatchConfig } from '../config';
import { buildReport } from '../kpi';
import type { Store } from '../store';
import { resolveHandoverWindow } from './handover-window';
import { availabilitySeries, rttSeries } from './series';
import { buildShiftHandover } from './shift-handover';

export interface ReportHandlerDeps {
  store: Store;
  config: () => LinewatchConfig;
  now: () => number;
}

type ReportHandlers = Pick<
  ContractHandlers,
  'getReport' | 'getShiftHandover' | 'getAvailabilitySeries' | 'getRttSeries'
>;

/** How long a computed report answers the same (from, to) again: every wall asks each minute. */
export const REPORT_CACHE_MS = 15_000;
const REPORT_CACHE_ENTRIES = 16;

/**
 * Reports by (from, to) for a short time, for the current config only: several walls and pages
 * asking for the same window (the overview aligns its windows to a 10 s grid) cost one computation
 * of all endpoints. A window still open at `now` gains checks as time goes on, hence the short life.
 */
function createReportCache<T>(now: () => number) {
  const entries = new Map<string, { at: number; config: unknown; value: T }>();
  return (key: string, config: unknown, compute: () => T): T => {
    const at = now();
    for (const [k, entry] of entries) {
      if (at - entry.at >= REPORT_CACHE_MS || at < entry.at) entries.delete(k);
    }
    const hit = entries.get(key);
    if (hit && hit.config === config) return hit.value;
    const value = compute();
    entries.delete(key);
    entries.set(key, { at, config, value });
    while (entries.size > REPORT_CACHE_ENTRIES) entries.delete(entries.keys().next().value as string);
    return value;
  };
}

export function createReportHandlers(deps: ReportHandlerDeps): ReportHandlers {
  const { store, config, now } = deps;
  const cachedReport = createReportCache<ReturnType<typeof buildReport>>(now);
  return {
    getReport: ({ from, to }) => {
      const current = config();
      return cachedReport(`${from}|${to}`, current, () =>
        buildReport(store, current, { fromMs: from, toMs: to, nowMs: now() }),
      );
    },
    getShiftHandover: ({ shiftId, from, to }) => {
      const nowMs = now();
      const resolved = resolveHandoverWindow(config(), nowMs, {
        ...(shiftId !== undefined ? { shiftId } : {}),
        ...(from !== undefined && to !== undefined ? { fromMs: from, toMs: to } : {}),
      });
      if (!resolved.ok) {
        throw new ContractFailure(
          resolved.reason === 'unknown_shift' ? 'not_found' : 'bad_request',
          resolved.message,
        );
      }
      return buildShiftHandover(store, config(), resolved.window, nowMs);
    },
    getAvailabilitySeries: ({ level, id, resolution, from, to }) => {
      return availabilitySeries(store, config(), { level, id, resolution, fromMs: from, toMs: to }, now());
    },
    getRttSeries: ({ endpointId, resolution, from, to }) => {
      return rttSeries(store, config(), { endpointId, resolution, fromMs: from, toMs: to });
    },
  };
}
