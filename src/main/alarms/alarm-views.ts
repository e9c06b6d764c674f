// Alarm rows joined with the config (names) and the outage behind each alarm, for the renderer.
import type { AlarmView } from '../../shared/contract';
import { DAY_MS, isoTime as iso, isoTimeOrNull as isoOrNull } from '../../shared/time';
import { locateEndpoints, type LinewatchConfig } from '../config';
import type { AlarmRecord, OutageRecord, Store } from '../store';

export function toAlarmViews(
  alarms: AlarmRecord[],
  config: LinewatchConfig,
  store: Pick<Store, 'outages'>,
  nowMs: number,
): AlarmView[] {
  if (alarms.length === 0) return [];
  const lineOf = locateEndpoints(config);
  const earliest = Math.min(...alarms.map((a) => a.raisedAt)) - 7 * DAY_MS;
  const outages = store.outages.overlapping(earliest, nowMs + 1);
  const outageById = new Map<number, OutageRecord>(outages.map((o) => [o.id, o]));
  return alarms.map((alarm) => {
    const where = lineOf.get(alarm.endpointId);
    const outage = outageById.get(alarm.outageId);
    return {
      id: alarm.id,
      endpointId: alarm.endpointId,
      endpointName: where?.endpoint.name ?? alarm.endpointId,
      lineId: where?.line.id ?? '',
      lineName: where?.line.name ?? '',
      startedAt: iso(outage?.startedAt ?? alarm.raisedAt),
      raisedAt: iso(alarm.raisedAt),
      clearedAt: isoOrNull(alarm.clearedAt),
      acknowledgedAt: isoOrNull(alarm.acknowledgedAt),
      acknowledgedBy: alarm.acknowledgedBy,
      note: alarm.note,
      failure: outage?.failureMessage ?? null,
      secondaryEndpointIds: outages
        .filter((o) => o.secondaryOfOutage === alarm.outageId && o.endedAt === null)
        .map((o) => o.endpointId),
    };
  });
}
