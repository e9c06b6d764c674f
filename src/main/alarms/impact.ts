// What an active alarm means for production: the one place where each impact rule is decided and
// documented. Pure: the config, the outages and the repair history come in, nothing is read here.
//
// Terms. An alarm's *outage tree* is its own outage plus every outage that is secondary of it,
// directly or through other secondaries (a switch down behind a router down behind the alarm).
// An endpoint is *critical for its line* when it is marked `critical`, or when its line marks none
// (spec "Line state": then every endpoint of the line is). A line is *down* at an instant when one
// of its critical endpoints is down and not in maintenance (maintenance time is maintenance,
// whatever the state). The alarm is evaluated *at* now, or at its outage's end once cleared, so a
// cleared alarm keeps the rate, lines and severity it had while it lasted.
//
// Rules, field by field:
// - `affected.endpointIds`: every transitive dependant of the endpoint by `depends_on` (children,
//   grandchildren...), across lines, from the config alone (what this fault can reach), sorted.
// - `affected.lineIds`: the lines this alarm takes down: the line of each member of its outage tree
//   that is critical for its line and down at the evaluation instant. So a dependant that is
//   critical for another line and is down behind this alarm puts that line here too. Sorted.
// - `costPerMinute`: the sum of `downtime_cost_per_minute` of those lines (a line without a cost
//   adds 0). For an alarm on a critical endpoint of a line with a cost and no dependants down, that is
//   just the line's rate; on a non-critical endpoint whose dependants stay up it is 0.
// - `costSoFar`: per line, the time since the outage's `started_at` (up to now, or its end when
//   cleared) in which a critical member of the tree on that line was down and not in maintenance
//   (the union, so two members never count one minute twice), in minutes, times the line's rate;
//   summed over lines. Overlaps with OTHER alarms are not split: when two critical endpoints of a
//   line are down at once, each alarm shows the line's cost since its own start, so the alarms'
//   costs may add up to more than the line's downtime cost in the KPI report.
// - `cascadeRisk`, on what the fault can reach (config only, not what is down right now):
//   `reach` = the lines of the endpoint (if critical for it) and of its critical dependants.
//   critical: reach is 2+ lines, or 10+ dependants; high: reach includes a line with a cost and
//   there is at least one dependant, or 5+ dependants; medium: reach is a line, or 1+ dependant;
//   low: otherwise.
// - `expectedRecoveryS`: the median of (ended_at - started_at), in seconds, of this endpoint's
//   counted repaired outages (not started in maintenance, ended, not by a gap) that started in the
//   90 days before the alarm's outage started (the mean of the middle two for an even count);
//   null without any.
// - `shift`: the shift (site timezone) covering the outage's `started_at`; null when no shift does,
//   or the site has none.
// - `severity`: critical when the alarm costs money now (costPerMinute > 0) and its cascade risk is
//   high or critical, or the cascade risk is critical; high when it costs money now or takes a line
//   down, or the cascade risk is high; medium when the cascade risk is medium; else low.
//   `inMaintenance` (the endpoint is in a maintenance window at the evaluation instant) caps it at low.
import type { AlarmImpact, CascadeRisk, Severity } from '../../shared/contract';
import { DAY_MS, isoTime, MINUTE_MS } from '../../shared/time';
import {
  clipAndMerge,
  createMaintenanceCalendar,
  shiftAt,
  type Interval,
  type MaintenanceCalendar,
} from '../calendar';
import type { LineConfig, LinewatchConfig } from '../config';

/** How far back the repair history behind `expectedRecoveryS` reaches. */
export const RECOVERY_HISTORY_MS = 90 * DAY_MS;

/** An outage as the impact rules read it. */
export interface ImpactOutage {
  id: number;
  endpointId: string;
  startedAt: number;
  endedAt: number | null;
}

/** The config facts the rules need, computed once per config (not once per alarm). */
export interface ImpactTopology {
  config: LinewatchConfig;
  calendar: MaintenanceCalendar;
  lineOf: ReadonlyMap<string, LineConfig>;
  /** Each line's downtime cost per minute, 0 when it has none. */
  rates: ReadonlyMap<string, number>;
  /** Endpoints that are critical for their line (see the header). */
  criticalForLine: ReadonlySet<string>;
  /** Transitive dependants of each endpoint that has any, sorted. */
  dependants: ReadonlyMap<string, readonly string[]>;
  /** Lines each endpoint can take down (see `cascadeRisk`), sorted. */
  reach: ReadonlyMap<string, readonly string[]>;
}

const topologies = new WeakMap<LinewatchConfig, ImpactTopology>();

/** The topology of a config; the config in use is one object until it is reloaded, so this is cached. */
export function impactTopology(config: LinewatchConfig): ImpactTopology {
  const cached = topologies.get(config);
  if (cached) return cached;
  const lineOf = new Map<string, LineConfig>();
  const criticalForLine = new Set<string>();
  const children = new Map<string, string[]>();
  for (const line of config.lines) {
    const anyMarked = line.endpoints.some((e) => e.critical);
    for (const endpoint of line.endpoints) {
      lineOf.set(endpoint.id, line);
      if (endpoint.critical || !anyMarked) criticalForLine.add(endpoint.id);
      if (endpoint.dependsOn !== null) {
        const list = children.get(endpoint.dependsOn) ?? [];
        list.push(endpoint.id);
        children.set(endpoint.dependsOn, list);
      }
    }
  }
  const dependants = new Map<string, readonly string[]>();
  const reach = new Map<string, readonly string[]>();
  for (const id of lineOf.keys()) {
    const found = descendants(id, children);
    if (found.length > 0) dependants.set(id, found);
    const lines = new Set<string>();
    for (const member of [id, ...found]) {
      const line = lineOf.get(member);
      if (line && criticalForLine.has(member)) lines.add(line.id);
    }
    if (lines.size > 0) reach.set(id, [...lines].sort());
  }
  const topology: ImpactTopology = {
    config,
    calendar: createMaintenanceCalendar(config),
    lineOf,
    rates: new Map(config.lines.map((l) => [l.id, l.downtimeCostPerMinute ?? 0])),
    criticalForLine,
    dependants,
    reach,
  };
  topologies.set(config, topology);
  return topology;
}

/** Breadth-first over `depends_on`; the config loader rejects cycles, the `seen` set is a guard. */
function descendants(root: string, children: ReadonlyMap<string, readonly string[]>): string[] {
  const seen = new Set<string>([root]);
  const queue = [...(children.get(root) ?? [])];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] ?? '';
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(children.get(id) ?? []));
  }
  seen.delete(root);
  return [...seen].sort();
}

export interface ImpactInput {
  /** The alarm's own outage. */
  outage: ImpactOutage;
  /** The other outages of its outage tree (secondaries, transitively). */
  secondaries: readonly ImpactOutage[];
  /** Repair times (ms) of the endpoint's counted outages in the 90 days before `outage.startedAt`. */
  repairsMs: readonly number[];
  nowMs: number;
}

export function computeImpact(topology: ImpactTopology, input: ImpactInput): AlarmImpact {
  const { outage, nowMs } = input;
  const { config, calendar, lineOf, criticalForLine } = topology;
  const at = Math.min(outage.endedAt ?? nowMs, nowMs);
  const members = [outage, ...input.secondaries];

  const downByLine = new Map<string, Interval[]>();
  const linesDownNow = new Set<string>();
  for (const member of members) {
    const line = lineOf.get(member.endpointId);
    if (!line || !criticalForLine.has(member.endpointId)) continue;
    const target = { endpointId: member.endpointId, lineId: line.id };
    const span = {
      start: Math.max(member.startedAt, outage.startedAt),
      end: Math.min(member.endedAt ?? at, at),
    };
    if (span.end > span.start) {
      const list = downByLine.get(line.id) ?? [];
      list.push(...withoutMaintenance(span, calendar.windowsFor(target, span.start, span.end)));
      downByLine.set(line.id, list);
    }
    const downAt = member.startedAt <= at && (member.endedAt === null || member.endedAt >= at);
    if (downAt && !calendar.isInMaintenance(target, at)) linesDownNow.add(line.id);
  }

  const rateOf = (lineId: string): number => topology.rates.get(lineId) ?? 0;
  const lineIds = [...linesDownNow].sort();
  const costPerMinute = lineIds.reduce((sum, id) => sum + rateOf(id), 0);
  let costSoFar = 0;
  for (const [lineId, intervals] of downByLine) {
    const downMs = clipAndMerge(intervals, outage.startedAt, at).reduce((s, i) => s + i.end - i.start, 0);
    costSoFar += (downMs / MINUTE_MS) * rateOf(lineId);
  }

  const endpointIds = [...(topology.dependants.get(outage.endpointId) ?? [])];
  const cascadeRisk = cascadeRiskOf(topology, outage.endpointId);
  const ownLine = lineOf.get(outage.endpointId);
  const inMaintenance =
    ownLine !== undefined &&
    calendar.isInMaintenance({ endpointId: outage.endpointId, lineId: ownLine.id }, at);
  const shiftId = shiftAt(config.shifts, config.site.timezone, outage.startedAt);
  const shift = config.shifts.find((s) => s.id === shiftId);
  const severity = inMaintenance ? 'low' : severityOf(costPerMinute, lineIds.length, cascadeRisk);
  return {
    costPerMinute,
    costSoFar,
    affected: { endpointIds, lineIds },
    cascadeRisk,
    expectedRecoveryS: medianMs(input.repairsMs),
    shift: shift ? { id: shift.id, name: shift.name } : null,
    severity,
    inMaintenance,
    asOf: isoTime(at),
  };
}

function withoutMaintenance(span: Interval, windows: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let from = span.start;
  for (const w of windows) {
    if (w.start > from) out.push({ start: from, end: Math.min(w.start, span.end) });
    from = Math.max(from, w.end);
  }
  if (from < span.end) out.push({ start: from, end: span.end });
  return out.filter((i) => i.end > i.start);
}

function cascadeRiskOf(topology: ImpactTopology, endpointId: string): CascadeRisk {
  const dependants = topology.dependants.get(endpointId)?.length ?? 0;
  const reach = topology.reach.get(endpointId) ?? [];
  const reachesCost = reach.some((id) => (topology.rates.get(id) ?? 0) > 0);
  if (reach.length >= 2 || dependants >= 10) return 'critical';
  if ((reachesCost && dependants >= 1) || dependants >= 5) return 'high';
  if (reach.length >= 1 || dependants >= 1) return 'medium';
  return 'low';
}

function severityOf(costPerMinute: number, linesDown: number, risk: CascadeRisk): Severity {
  if ((costPerMinute > 0 && (risk === 'high' || risk === 'critical')) || risk === 'critical')
    return 'critical';
  if (costPerMinute > 0 || linesDown > 0 || risk === 'high') return 'high';
  if (risk === 'medium') return 'medium';
  return 'low';
}

/** Median in seconds; null for no values. */
function medianMs(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const middle =
    sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
  return middle / 1000;
}
