// The outage log's contract handler: outages overlapping a window, newest first, named from the
// config in use and joined with the acknowledgement of their alarm. The composition root wraps it in
// `readThrough`, so buffered outages are included.
import type { ConsoleOutage, ContractHandlers } from '../../shared/contract';
import { isoTime as iso, isoTimeOrNull as isoOrNull } from '../../shared/time';
import { locateEndpoints, type LinewatchConfig, type LocatedEndpoint } from '../config';
import type { OutageRecord, Store } from '../store';

export interface OutageHandlerDeps {
  store: Store;
  config: () => LinewatchConfig;
  now: () => number;
}

function toConsoleOutage(
  outage: OutageRecord,
  where: LocatedEndpoint | undefined,
  alarm: { acknowledgedBy: string | null; note: string | null } | undefined,
  nowMs: number,
): ConsoleOutage {
  return {
    id: outage.id,
    endpointId: outage.endpointId,
    // An endpoint removed from the config keeps its outages; its id is all that is left to show.
    endpointName: where?.endpoint.name ?? outage.endpointId,
    lineId: where?.line.id ?? '',
    lineName: where?.line.name ?? '',
    startedAt: iso(outage.startedAt),
    detectedAt: iso(outage.detectedAt),
    endedAt: isoOrNull(outage.endedAt),
    duration_s: Math.max(0, ((outage.endedAt ?? nowMs) - outage.startedAt) / 1000),
    endedByGap: outage.endedByGap,
    inMaintenance: outage.inMaintenance,
    secondaryOf: outage.secondaryOfEndpoint,
    failureKind: outage.failureKind,
    failureMessage: outage.failureMessage,
    acknowledgedAt: isoOrNull(outage.acknowledgedAt),
    acknowledgedBy: alarm?.acknowledgedBy ?? null,
    note: alarm?.note ? alarm.note : null,
  };
}

export function createOutageHandlers(deps: OutageHandlerDeps): Pick<ContractHandlers, 'listOutages'> {
  const { store, config, now } = deps;
  return {
    listOutages: ({ from, to, lineId, endpointId, limit }) => {
      const nowMs = now();
      const where = locateEndpoints(config());
      const matching = store.outages
        .overlapping(from, to)
        .filter((o) => endpointId === undefined || o.endpointId === endpointId)
        .filter((o) => lineId === undefined || where.get(o.endpointId)?.line.id === lineId)
        .sort((a, b) => b.startedAt - a.startedAt || b.id - a.id);
      const shown = matching.slice(0, limit);
      const alarms = store.alarms.byOutage(shown.map((o) => o.id));
      return {
        outages: shown.map((o) => toConsoleOutage(o, where.get(o.endpointId), alarms.get(o.id), nowMs)),
        truncated: matching.length > shown.length,
      };
    },
  };
}
