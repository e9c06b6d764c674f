// The endpoint detail page's contract handler: what the endpoint is, its state timeline, its
// latest checks and its current alarm with the alarm's impact. The composition root wraps it in `readThrough`, so buffered checks are included.
import {
  ContractFailure,
  RECENT_CHECKS,
  type ContractHandlers,
  type EndpointDevice,
} from '../../shared/contract';
import { DAY_MS, isoTime as iso } from '../../shared/time';
import { locateEndpoints, type EndpointConfig, type LinewatchConfig, type ProbeConfig } from '../config';
import type { Store, StoredIdentity } from '../store';

import { toAlarmViews } from '../alarms/alarm-views';
import { buildStateTimeline } from './state-timeline';

export interface EndpointDetailDeps {
  store: Store;
  config: () => LinewatchConfig;
  now: () => number;
}

function probeTarget(probe: ProbeConfig): string {
  if (probe.kind === 'icmp') return probe.host;
  if (probe.kind === 'tcp') return `${probe.host}:${probe.port}`;
  if (probe.kind === 'modbus')
    return `${probe.host}:${probe.port} unit ${probe.unitId} ${probe.read.function} @${probe.read.address}`;
  if (probe.kind === 'enip')
    return `${probe.host}:${probe.port} ${probe.transport.toUpperCase()} List Identity`;
  // The user's name says which session is used; where its password is stays in the config file.
  if (probe.kind === 'opcua')
    return `${probe.url} security ${probe.security}, ${probe.user ? `user ${probe.user.name}` : 'anonymous'}`;
  return probe.url;
}

/** The last `RECENT_CHECKS` checks before `toMs`, looking back further until enough are found. */
function recentChecks(store: Store, endpoint: EndpointConfig, toMs: number) {
  let lookBackMs = endpoint.intervalMs * RECENT_CHECKS * 2;
  const limitMs = 7 * DAY_MS;
  let checks = store.checks.listForEndpoint(endpoint.id, toMs - lookBackMs, toMs);
  while (checks.length < RECENT_CHECKS && lookBackMs < limitMs) {
    lookBackMs = Math.min(lookBackMs * 8, limitMs);
    checks = store.checks.listForEndpoint(endpoint.id, toMs - lookBackMs, toMs);
  }
  return checks
    .slice(-RECENT_CHECKS)
    .reverse()
    .map((check) => ({
      ts: iso(check.ts),
      ok: check.ok,
      rttMs: check.rttMs === null ? null : Math.max(0, check.rttMs),
      error: check.error ?? check.errorKind,
    }));
}

/** The newest of the endpoint's alarms still on the operator's list, as the alarm list shows it. */
function currentAlarm(store: Store, config: LinewatchConfig, endpointId: string, nowMs: number) {
  const own = store.alarms.active().filter((a) => a.endpointId === endpointId);
  const newest = own.reduce<(typeof own)[number] | null>(
    (best, a) => (best === null || a.raisedAt > best.raisedAt ? a : best),
    null,
  );
  return newest === null ? null : (toAlarmViews([newest], config, store, nowMs)[0] ?? null);
}

function deviceOf(stored: StoredIdentity | null): EndpointDevice | null {
  if (stored === null) return null;
  return {
    identity: stored.identity,
    since: iso(stored.firstSeen),
    lastSeen: iso(stored.lastSeen),
    note: stored.note,
    change:
      stored.previous === null || stored.changedAt === null
        ? null
        : { at: iso(stored.changedAt), previous: stored.previous },
  };
}

export function createEndpointDetailHandlers(
  deps: EndpointDetailDeps,
): Pick<ContractHandlers, 'getEndpointDetail'> {
  const { store, config, now } = deps;
  return {
    getEndpointDetail: ({ endpointId, from, to }) => {
      const where = locateEndpoints(config()).get(endpointId);
      if (!where)
        throw new ContractFailure('not_found', `No endpoint "${endpointId}" in the configuration in use`);
      const { endpoint, line } = where;
      const parent = endpoint.dependsOn ? locateEndpoints(config()).get(endpoint.dependsOn) : undefined;
      const progress = store.progress.all().get(endpointId);
      const lastCheck =
        progress?.lastCheckTs != null ? { ts: progress.lastCheckTs, intervalMs: progress.intervalMs } : null;
      return {
        endpoint: {
          id: endpoint.id,
          name: endpoint.name,
          type: endpoint.type,
          lineId: line.id,
          lineName: line.name,
          probeKind: endpoint.probe.kind,
          target: probeTarget(endpoint.probe),
          critical: endpoint.critical,
          dependsOn: endpoint.dependsOn
            ? { id: endpoint.dependsOn, name: parent?.endpoint.name ?? endpoint.dependsOn }
            : null,
          intervalMs: endpoint.intervalMs,
        },
        stateTimeline: buildStateTimeline(
          store.stateChanges.listForEndpoint(endpointId),
          lastCheck,
          from,
          to,
          now(),
        ),
        recentChecks: recentChecks(store, endpoint, Math.min(to, now() + 1)),
        alarm: currentAlarm(store, config(), endpointId, now()),
        device: deviceOf(store.identities.get(endpointId)),
      };
    },
  };
}
