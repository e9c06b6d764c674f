// The report-related contract handlers, kept out of services.ts so the composition root only wires
// them. Each reads the store on demand; the live engine is flushed first so the newest outages and
// alarms (still buffered) are included.
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
  flush: () => void;
}

type ReportHandlers = Pick<
  ContractHandlers,
  'getReport' | 'getShiftHandover' | 'getAvailabilitySeries' | 'getRttSeries'
>;

// Request schemas have already checked the ISO form and that from < to.
const ms = (iso: string): number => Date.parse(iso);

export function createReportHandlers(deps: ReportHandlerDeps): ReportHandlers {
  const { store, config, now, flush } = deps;
  return {
    getReport: ({ from, to }) => {
      flush();
      return buildReport(store, config(), { fromMs: ms(from), toMs: ms(to), nowMs: now() });
    },
    getShiftHandover: ({ shiftId, from, to }) => {
      flush();
      const nowMs = now();
      const resolved = resolveHandoverWindow(config(), nowMs, {
        ...(shiftId !== undefined ? { shiftId } : {}),
        ...(from !== undefined && to !== undefined ? { fromMs: ms(from), toMs: ms(to) } : {}),
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
      flush();
      return availabilitySeries(
        store,
        config(),
        { level, id, resolution, fromMs: ms(from), toMs: ms(to) },
        now(),
      );
    },
    getRttSeries: ({ endpointId, resolution, from, to }) => {
      flush();
      return rttSeries(store, config(), { endpointId, resolution, fromMs: ms(from), toMs: ms(to) });
    },
  };
}
