// Alarm rows joined with the config (names), the outage behind each alarm and its impact
// (impact.ts), for the renderer. Runs on every alarm change, so however long the outage history, a
// storm of ~290 alarms costs a lookup of their outages by id, one per level of secondary outages
// behind them, one repair-history query, and the config topology cached per config.
import type { AlarmView } from '../../shared/contract';
import { isoTime as iso, isoTimeOrNull as isoOrNull } from '../../shared/time';
import { locateEndpoints, type LinewatchConfig } from '../config';
import type { AlarmRecord, OutageRecord, Store } from '../store';
import { computeImpact, impactTopology, RECOVERY_HISTORY_MS, type ImpactOutage } from './impact';
import { ENDPOINT_TYPE_LABELS } from '../../shared/domain/endpoint';
import { failureCauseText } from '../../shared/domain/failure';

export function toAlarmViews(
  alarms: AlarmRecord[],
  config: LinewatchConfig,
  store: Pick<Store, 'outages'>,
  nowMs: number,
): AlarmView[] {
  if (alarms.length === 0) return [];
  const lineOf = locateEndpoints(config);
  const topology = impactTopology(config);
  const outageById = new Map<number, OutageRecord>(
    store.outages.byIds(alarms.map((a) => a.outageId)).map((o) => [o.id, o]),
  );
  const secondariesOf = secondaryOutages(
    alarms.map((a) => a.outageId),
    store,
  );
  const ownOutage = (alarm: AlarmRecord): ImpactOutage => {
    const outage = outageById.get(alarm.outageId);
    return {
      id: alarm.outageId,
      endpointId: alarm.endpointId,
      startedAt: outage?.startedAt ?? alarm.raisedAt,
      endedAt: outage?.endedAt ?? alarm.clearedAt,
    };
  };
  const repairsMs = repairHistory(alarms.map(ownOutage), store);
  return alarms.map((alarm) => {
    const where = lineOf.get(alarm.endpointId);
    const outage = outageById.get(alarm.outageId);
    const own = ownOutage(alarm);
    return {
      id: alarm.id,
      endpointId: alarm.endpointId,
      endpointName: where?.endpoint.name ?? alarm.endpointId,
      lineId: where?.line.id ?? '',
      lineName: where?.line.name ?? '',
      startedAt: iso(own.startedAt),
      raisedAt: iso(alarm.raisedAt),
      clearedAt: isoOrNull(alarm.clearedAt),
      acknowledgedAt: isoOrNull(alarm.acknowledgedAt),
      acknowledgedBy: alarm.acknowledgedBy,
      note: alarm.note,
      // The cause words lead ("PLC answers with an exception: ..."), as on the wall's tile.
      failure: outage
        ? failureCauseText(
            outage.failureKind,
            outage.failureMessage,
            where ? ENDPOINT_TYPE_LABELS[where.endpoint.type] : undefined,
          ) || null
        : null,
      secondaryEndpointIds: (secondariesOf.get(alarm.outageId) ?? [])
        .filter((o) => o.endedAt === null)
        .map((o) => o.endpointId),
      impact: computeImpact(topology, {
        outage: own,
        secondaries: outageTree(alarm.outageId, secondariesOf),
        repairsMs: repairsMs(own),
        nowMs,
      }),
    };
  });
}

/** Depth guard: `depends_on` chains are a few levels deep; the loader rejects cycles. */
const MAX_SECONDARY_LEVELS = 64;

/** The secondary outages behind the given ones, level by level, grouped by their parent outage. */
function secondaryOutages(
  rootIds: readonly number[],
  store: Pick<Store, 'outages'>,
): Map<number, OutageRecord[]> {
  const byParent = new Map<number, OutageRecord[]>();
  const seen = new Set<number>(rootIds);
  let level = [...seen];
  for (let depth = 0; level.length > 0 && depth < MAX_SECONDARY_LEVELS; depth++) {
    const next: number[] = [];
    for (const o of store.outages.secondariesOf(level)) {
      if (o.secondaryOfOutage === null || seen.has(o.id)) continue;
      seen.add(o.id);
      next.push(o.id);
      const list = byParent.get(o.secondaryOfOutage) ?? [];
      list.push(o);
      byParent.set(o.secondaryOfOutage, list);
    }
    level = next;
  }
  return byParent;
}

/** Every outage secondary of `rootId`, directly or through other secondaries. */
function outageTree(
  rootId: number,
  secondariesOf: ReadonlyMap<number, readonly OutageRecord[]>,
): OutageRecord[] {
  const out: OutageRecord[] = [];
  const seen = new Set<number>([rootId]);
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++) {
    for (const child of secondariesOf.get(queue[i] ?? 0) ?? []) {
      if (seen.has(child.id)) continue;
      seen.add(child.id);
      out.push(child);
      queue.push(child.id);
    }
  }
  return out;
}

/**
 * One store query for the 90-day repair history of every alarmed endpoint; returns, per alarm
 * outage, the repair times that started in the 90 days before it.
 */
function repairHistory(
  owns: readonly ImpactOutage[],
  store: Pick<Store, 'outages'>,
): (own: ImpactOutage) => number[] {
  const starts = owns.map((o) => o.startedAt);
  const from = Math.min(...starts) - RECOVERY_HISTORY_MS;
  const to = Math.max(...starts);
  const byEndpoint = new Map<string, { startedAt: number; ms: number }[]>();
  for (const r of store.outages.repairs([...new Set(owns.map((o) => o.endpointId))], from, to)) {
    const list = byEndpoint.get(r.endpointId) ?? [];
    list.push({ startedAt: r.startedAt, ms: r.endedAt - r.startedAt });
    byEndpoint.set(r.endpointId, list);
  }
  return (own) =>
    (byEndpoint.get(own.endpointId) ?? [])
      .filter((r) => r.startedAt >= own.startedAt - RECOVERY_HISTORY_MS && r.startedAt < own.startedAt)
      .map((r) => r.ms);
}
