// The correlation detector (issue 12): many devices behind one parent degrading at once point at the
// parent (its port, its uplink), not at each device. Pure and deterministic: it reads only the other
// detectors' warnings and the config, so it runs the same live and in `linewatch import`.
//
// Rules:
// - Behind a parent: for each endpoint P with at least GROUP_MIN_MEMBERS transitive `depends_on`
//   dependants (its members), a `group_degradation` warning on P covers each stretch of time in which
//   at least max(GROUP_MIN_MEMBERS, ceil(GROUP_MIN_SHARE × members)) distinct members have a warning
//   active at once. P's own warnings do not count (they are P's own detectors' business).
// - A whole line: a line without any `depends_on` among its endpoints but with a `switch` endpoint S
//   (the first in the file) gets the warning on S when ALL its other endpoints (at least
//   GROUP_MIN_MEMBERS) have a warning active at once.
// - `startedAt` is when the count reached the threshold, `endedAt` when it fell below (null while
//   still at or above it at the end of what was judged). Input `group_degradation` warnings are
//   ignored, so running it twice changes nothing.
// - `score` = the mean of the highest score of each member warning during the stretch × the
//   largest share of members degraded at once during it (2 of 4 at 0.8 give 0.4; all at 0.8, 0.8).
// - Evidence: the median of the members' baseline and observed figures (null when none has one).
// - Nesting: a warning on P is dropped when a warning on one of its dependants Q overlaps it in
//   time and every member degrading during P's stretch is Q or behind Q (a router above a switch
//   whose own devices degrade: the switch is the one to check, not the router).
import { impactTopology } from '../alarms/impact';
import type { EndpointConfig, LinewatchConfig } from '../config';
import { formatCount } from '../../shared/format';
import type { InsightWarning, WarningFigures } from './warning';

export const GROUP_MIN_MEMBERS = 2;
export const GROUP_MIN_SHARE = 0.5;

interface Span {
  start: number;
  end: number;
}

export function detectGroupDegradation(
  warnings: readonly InsightWarning[],
  config: LinewatchConfig,
): InsightWarning[] {
  const topology = impactTopology(config);
  const byEndpoint = new Map<string, InsightWarning[]>();
  for (const warning of warnings) {
    if (warning.kind === 'group_degradation') continue;
    const list = byEndpoint.get(warning.endpointId) ?? [];
    list.push(warning);
    byEndpoint.set(warning.endpointId, list);
  }
  const endpoints = new Map<string, EndpointConfig>();
  for (const line of config.lines) for (const e of line.endpoints) endpoints.set(e.id, e);

  const groups: { parent: EndpointConfig; members: readonly string[]; needed: number }[] = [];
  for (const [parentId, members] of topology.dependants) {
    const parent = endpoints.get(parentId);
    if (!parent || members.length < GROUP_MIN_MEMBERS) continue;
    const needed = Math.max(GROUP_MIN_MEMBERS, Math.ceil(GROUP_MIN_SHARE * members.length));
    groups.push({ parent, members, needed });
  }
  for (const line of config.lines) {
    if (line.endpoints.some((e) => e.dependsOn !== null)) continue;
    const uplink = line.endpoints.find((e) => e.type === 'switch');
    if (!uplink) continue;
    const members = line.endpoints.filter((e) => e.id !== uplink.id).map((e) => e.id);
    if (members.length < GROUP_MIN_MEMBERS) continue;
    groups.push({ parent: uplink, members, needed: members.length });
  }
  groups.sort((a, b) => compare(a.parent.id, b.parent.id));

  const found: Found[] = [];
  for (const group of groups) {
    for (const stretch of stretches(group.members, byEndpoint, group.needed)) {
      found.push(groupWarning(group.parent, group.members, stretch, byEndpoint));
    }
  }
  return found.filter((f) => !explainedDeeper(f, found, topology.dependants)).map((f) => f.warning);
}

interface Found {
  warning: InsightWarning;
  /** The members whose warnings overlap the stretch. */
  contributors: readonly string[];
}

/**
 * Whether a group warning on a dependant Q of this parent overlaps it in time and every contributor
 * is Q or behind Q: then the evidence points at Q, not at the parent above it.
 */
function explainedDeeper(
  found: Found,
  all: readonly Found[],
  dependants: ReadonlyMap<string, readonly string[]>,
): boolean {
  const parentId = found.warning.endpointId;
  const below = dependants.get(parentId) ?? [];
  return all.some((other) => {
    const q = other.warning.endpointId;
    if (q === parentId || !below.includes(q) || !overlaps(found.warning, other.warning)) return false;
    const subtree = new Set([q, ...(dependants.get(q) ?? [])]);
    return found.contributors.every((id) => subtree.has(id));
  });
}

const overlaps = (a: InsightWarning, b: InsightWarning): boolean =>
  a.startedAt < (b.endedAt ?? Infinity) && b.startedAt < (a.endedAt ?? Infinity);

interface Stretch extends Span {
  peak: number;
}

/** Sweep over the members' warning spans: the stretches with `needed` or more members degraded. */
function stretches(
  members: readonly string[],
  byEndpoint: ReadonlyMap<string, readonly InsightWarning[]>,
  needed: number,
): Stretch[] {
  const events: { at: number; delta: number }[] = [];
  for (const member of members) {
    for (const span of mergedSpans(byEndpoint.get(member) ?? [])) {
      events.push({ at: span.start, delta: 1 }, { at: span.end, delta: -1 });
    }
  }
  // Ends before starts at one instant: spans are [start, end), touching ones do not overlap.
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  const found: Stretch[] = [];
  let active = 0;
  let open: Stretch | null = null;
  for (const event of events) {
    active += event.delta;
    if (open === null && active >= needed) open = { start: event.at, end: Infinity, peak: active };
    else if (open !== null && active < needed) {
      found.push({ ...open, end: event.at });
      open = null;
    } else if (open !== null) open.peak = Math.max(open.peak, active);
  }
  if (open !== null) found.push(open);
  return found;
}

/** One endpoint's warnings as disjoint spans (an active warning runs to Infinity). */
function mergedSpans(warnings: readonly InsightWarning[]): Span[] {
  const spans = warnings
    .map((w) => ({ start: w.startedAt, end: w.endedAt ?? Infinity }))
    .sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

function groupWarning(
  parent: EndpointConfig,
  members: readonly string[],
  stretch: Stretch,
  byEndpoint: ReadonlyMap<string, readonly InsightWarning[]>,
): Found {
  const overlapping: InsightWarning[] = [];
  const bestByMember: number[] = [];
  const contributors: string[] = [];
  for (const member of members) {
    const during = (byEndpoint.get(member) ?? []).filter(
      (w) => w.startedAt < stretch.end && (w.endedAt ?? Infinity) > stretch.start,
    );
    if (during.length === 0) continue;
    overlapping.push(...during);
    contributors.push(member);
    bestByMember.push(Math.max(...during.map((w) => w.score)));
  }
  const meanScore = bestByMember.reduce((s, v) => s + v, 0) / Math.max(1, bestByMember.length);
  const figures = (pick: (w: InsightWarning) => WarningFigures): WarningFigures => ({
    rttMs: median(overlapping.map((w) => pick(w).rttMs)),
    loss: median(overlapping.map((w) => pick(w).loss)),
  });
  const kinds = [...new Set(overlapping.map((w) => w.kind))].sort();
  const names = kinds.map((k) => k.replace('_', ' ')).join(', ');
  const warning: InsightWarning = {
    endpointId: parent.id,
    lineId: parent.lineId,
    kind: 'group_degradation',
    score: Math.min(1, meanScore * (stretch.peak / members.length)),
    startedAt: stretch.start,
    endedAt: stretch.end === Infinity ? null : stretch.end,
    baseline: figures((w) => w.baseline),
    observed: figures((w) => w.observed),
    reason:
      `${formatCount(stretch.peak)} of ${formatCount(members.length)} devices behind ` +
      `${parent.name} degraded at once (${names}): ` +
      `points at it or its uplink`,
  };
  return { warning, contributors };
}

function median(values: readonly (number | null)[]): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? upper) + upper) / 2;
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
