// The operator console's contract handlers (outage log, endpoint detail, config view), kept out of
// services.ts so the composition root only wires them. All answers come from the store and the
// config in memory; the composition root wraps them in `readThrough`, so buffered outages and
// changes are included.
import { readFileSync } from 'node:fs';
import {
  ContractFailure,
  MAX_CONFIG_VERSIONS,
  RECENT_CHECKS,
  type ConfigIssue,
  type ConsoleOutage,
  type ContractHandlers,
  type StateSpan,
} from '../../shared/contract';
import { isoTime as iso, isoTimeOrNull as isoOrNull } from '../../shared/time';
import type { EndpointConfig, LineConfig, LinewatchConfig, ProbeConfig } from '../config';
import type { OutageRecord, StateChangeRecord, Store } from '../store';

export interface ConsoleHandlerDeps {
  store: Store;
  config: () => LinewatchConfig;
  /** The text of the config in use (the last good one). */
  configText: () => string;
  configErrors: () => readonly ConfigIssue[];
  /** Null for the built-in demo plant. */
  configPath: string | null;
  now: () => number;
}

type ConsoleHandlers = Pick<
  ContractHandlers,
  'listOutages' | 'getEndpointDetail' | 'listConfigVersions' | 'getConfigText' | 'getSiteCalendar'
>;

/** The spec's rule: a gap longer than 2.5 intervals is unknown time, not the last state. */
const GAP_FACTOR = 2.5;

interface Located {
  endpoint: EndpointConfig;
  line: LineConfig;
}

function indexEndpoints(config: LinewatchConfig): Map<string, Located> {
  return new Map(
    config.lines.flatMap((line) => line.endpoints.map((endpoint) => [endpoint.id, { endpoint, line }])),
  );
}

function probeTarget(probe: ProbeConfig): string {
  if (probe.kind === 'icmp') return probe.host;
  if (probe.kind === 'tcp') return `${probe.host}:${probe.port}`;
  return probe.url;
}

function toConsoleOutage(
  outage: OutageRecord,
  where: Located | undefined,
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

/**
 * State changes as spans clipped to [fromMs, toMs). The last known state holds while checks keep
 * coming; once they stop for longer than the gap rule allows, the time after is shown as unknown.
 */
export function buildStateTimeline(
  changes: readonly StateChangeRecord[],
  lastCheck: { ts: number; intervalMs: number } | null,
  fromMs: number,
  toMs: number,
  nowMs: number,
): StateSpan[] {
  const ordered = [...changes].sort((a, b) => a.since - b.since);
  const raw: { state: StateSpan['state']; since: number; until: number | null }[] = ordered.map((c, i) => ({
    state: c.state,
    since: c.since,
    until: ordered[i + 1]?.since ?? null,
  }));
  const last = raw.at(-1);
  if (last && lastCheck && nowMs - lastCheck.ts > GAP_FACTOR * lastCheck.intervalMs) {
    const evidenceEnd = Math.max(last.since, lastCheck.ts + lastCheck.intervalMs);
    last.until = evidenceEnd;
    if (last.state !== 'unknown') raw.push({ state: 'unknown', since: evidenceEnd, until: null });
  }
  return raw
    .filter((span) => span.since < toMs && (span.until ?? Infinity) > fromMs && span.until !== span.since)
    .map((span) => ({
      state: span.state,
      since: iso(Math.max(span.since, fromMs)),
      // An open span stays open only when the window reaches the present.
      until: span.until === null && toMs >= nowMs ? null : iso(Math.min(span.until ?? toMs, toMs)),
    }));
}

/** The last `RECENT_CHECKS` checks before `toMs`, looking back further until enough are found. */
function recentChecks(store: Store, endpoint: EndpointConfig, toMs: number) {
  let lookBackMs = endpoint.intervalMs * RECENT_CHECKS * 2;
  const limitMs = 7 * 24 * 3_600_000;
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

/** The demo plant's config is generated JSON on one line; indent it so it reads like a file. */
function readable(text: string, isDemo: boolean): string {
  if (!isDemo) return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

export function createConsoleHandlers(deps: ConsoleHandlerDeps): ConsoleHandlers {
  const { store, config, now } = deps;
  return {
    listOutages: ({ from, to, lineId, endpointId, limit }) => {
      const nowMs = now();
      const where = indexEndpoints(config());
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
    getEndpointDetail: ({ endpointId, from, to }) => {
      const where = indexEndpoints(config()).get(endpointId);
      if (!where)
        throw new ContractFailure('not_found', `No endpoint "${endpointId}" in the configuration in use`);
      const { endpoint, line } = where;
      const parent = endpoint.dependsOn ? indexEndpoints(config()).get(endpoint.dependsOn) : undefined;
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
      };
    },
    listConfigVersions: () => ({
      versions: store.configVersions.listRecent(MAX_CONFIG_VERSIONS).map((v) => ({
        id: v.id,
        hash: v.hash,
        appliedAt: iso(v.appliedAt),
        source: v.source,
        endpointCount: v.endpointCount,
        diff: v.diff,
      })),
    }),
    getConfigText: () => {
      const text = readable(deps.configText(), deps.configPath === null);
      let fileText: string | null = null;
      if (deps.configPath !== null) {
        try {
          const onDisk = readFileSync(deps.configPath, 'utf8');
          if (onDisk !== text) fileText = onDisk;
        } catch {
          // A file deleted or unreadable right now: the text in use is still worth showing.
        }
      }
      return { path: deps.configPath, text, fileText, errors: [...deps.configErrors()] };
    },
    getSiteCalendar: () => {
      const { site, shifts } = config();
      return { site, shifts: shifts.map(({ id, name, start, end }) => ({ id, name, start, end })) };
    },
  };
}
