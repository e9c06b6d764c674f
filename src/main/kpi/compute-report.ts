// The report of spec §3 "Report JSON", computed from state changes, progress and outages only
// (never raw checks). Pure: the same input always gives the same report.
import type { Interval, MaintenanceCalendar } from '../calendar';
import type { LinewatchConfig } from '../config';
import { GAP_FACTOR } from '../monitor';
import type { KpiOutageRecord } from '../store';
import type { EndpointFigures, LineFigures, Report, ReportOutage } from '../../shared/report/report-schema';
import { endpointFigures, seconds } from './endpoint-figures';
import { isoTime as iso } from '../../shared/time';
import { lineFailures, lineFigures, siteFigures, type LineFailure } from './line-figures';
import {
  buildStates,
  lineTimeline,
  overlayWindows,
  packedTotals,
  TimelineBuilder,
  type PackedTimeline,
} from './packed-timeline';
import { shiftFigures, type LineTimeline } from './shift-figures';
import { covers, type EndpointStateName } from './timeline';

export interface EndpointTimelineInput {
  /**
   * State changes ordered by since (then id): at least the last one at or before `fromMs - 1` and
   * every later one with since <= `toMs` (a longer history is fine, only slower).
   */
  changes: readonly { state: EndpointStateName; since: number }[];
  lastCheckTs: number | null;
  intervalMs: number;
}

export interface KpiInput {
  config: LinewatchConfig;
  fromMs: number;
  toMs: number;
  /** The wall clock, for the live extension of the current state (spec §3 "Segments"). */
  nowMs: number;
  timelines: ReadonlyMap<string, EndpointTimelineInput>;
  /** At least every outage with started_at in [fromMs, toMs); others are ignored. */
  outages: readonly KpiOutageRecord[];
  maintenance: MaintenanceCalendar;
}

/**
 * Where the last state interval ends (spec §3 "Segments"): [z, z + I) keeps the state after the last
 * check z; while live (now - z <= 2.5 I) the state extends to now. Without progress the last state
 * has no evidenced duration at all.
 */
function lastIntervalEnd(timeline: EndpointTimelineInput, nowMs: number): number {
  const { lastCheckTs, intervalMs, changes } = timeline;
  if (lastCheckTs === null) return changes[changes.length - 1]?.since ?? -Infinity;
  const end = lastCheckTs + intervalMs;
  return nowMs - lastCheckTs <= GAP_FACTOR * intervalMs ? Math.max(end, nowMs) : end;
}

function reportOutage(o: KpiOutageRecord, inMaintenance: boolean): ReportOutage {
  return {
    endpoint: o.endpointId,
    started_at: iso(o.startedAt),
    detected_at: iso(o.detectedAt),
    ended_at: o.endedAt === null ? null : iso(o.endedAt),
    duration_s: o.endedAt === null ? null : seconds(o.endedAt - o.startedAt),
    ended_by_gap: o.endedByGap,
    in_maintenance: inMaintenance,
    secondary_of: o.secondaryOfEndpoint,
    acknowledged_at: o.acknowledgedAt === null ? null : iso(o.acknowledgedAt),
    failure_kind: o.failureKind,
    failure_message: o.failureMessage,
  };
}

const byStart = (a: KpiOutageRecord, b: KpiOutageRecord): number => a.startedAt - b.startedAt || a.id - b.id;

/** Per input outage: not listed (0), listed, or listed and inside maintenance. */
const LISTED = 1;
const IN_MAINTENANCE = 2;

/**
 * The report's outage list: those of configured endpoints started in the window, by started_at then
 * id (the loader's order; sorted only if not). Flags indexed like `all`: no per-outage map entry.
 */
function listOutages(all: readonly KpiOutageRecord[], flags: Uint8Array): ReportOutage[] {
  const listed: number[] = [];
  for (let i = 0; i < all.length; i++) if (flags[i]) listed.push(i);
  const at = (i: number): KpiOutageRecord => all[i] as KpiOutageRecord;
  for (let k = 1; k < listed.length; k++) {
    if (byStart(at(listed[k - 1] ?? 0), at(listed[k] ?? 0)) > 0) {
      listed.sort((a, b) => byStart(at(a), at(b)));
      break;
    }
  }
  return listed.map((i) => reportOutage(at(i), ((flags[i] ?? 0) & IN_MAINTENANCE) !== 0));
}

export function computeReport(input: KpiInput): Report {
  const { config, fromMs, toMs, nowMs } = input;
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || toMs < fromMs) {
    throw new RangeError(`report window must satisfy from <= to, got ${fromMs}..${toMs}`);
  }
  // Timelines span one millisecond either side of the window: the class just before `from` decides
  // whether a line-down interval starts in the window, the class at `to` whether it ended by `to`.
  const lo = fromMs - 1;
  const hi = toMs + 1;

  // Indices into input.outages per configured endpoint, of those started in the window.
  const outagesOf = new Map<string, number[]>();
  for (const line of config.lines) for (const ep of line.endpoints) outagesOf.set(ep.id, []);
  input.outages.forEach((o, i) => {
    if (o.startedAt >= fromMs && o.startedAt < toMs) outagesOf.get(o.endpointId)?.push(i);
  });
  const flags = new Uint8Array(input.outages.length);

  const window = [{ start: fromMs, end: toMs }];
  // Reused for every endpoint: only critical endpoints' timelines are copied out, for the sweep.
  const states = new TimelineBuilder();
  const classes = new TimelineBuilder();
  const endpoints: EndpointFigures[] = [];
  const lines: LineFigures[] = [];
  const lineTimelines: LineTimeline[] = [];
  const allFailures: LineFailure[] = [];
  for (const line of config.lines) {
    const anyCritical = line.endpoints.some((e) => e.critical);
    const critical: PackedTimeline[] = [];
    for (const ep of line.endpoints) {
      const timeline = input.timelines.get(ep.id);
      if (timeline) buildStates(states, timeline.changes, lastIntervalEnd(timeline, nowMs), lo, hi);
      else buildStates(states, [], -Infinity, lo, hi);
      // Memoised per set of applicable entries: a line's endpoints share one computation.
      const windows: readonly Interval[] = input.maintenance.windowsFor(
        { endpointId: ep.id, lineId: line.id },
        lo,
        hi,
      );
      overlayWindows(states, windows, classes);
      // Spec: an outage counts if started_at is in the window and not inside maintenance; judged
      // with the very windows that make up maintenance_s, so the report agrees with itself.
      const counted: KpiOutageRecord[] = [];
      for (const i of outagesOf.get(ep.id) ?? []) {
        const outage = input.outages[i] as KpiOutageRecord;
        const inMaintenance = covers(windows, outage.startedAt);
        if (!inMaintenance) counted.push(outage);
        flags[i] = inMaintenance ? LISTED | IN_MAINTENANCE : LISTED;
      }
      endpoints.push(endpointFigures(ep.id, line.id, packedTotals(classes, window), counted, toMs));
      // Spec "Line state": the critical endpoints, or all of them when none is marked.
      if (ep.critical || !anyCritical) critical.push(classes.snapshot());
    }
    const timeline = lineTimeline(critical, lo, hi);
    const failures = lineFailures(timeline, fromMs, toMs);
    allFailures.push(...failures);
    lines.push(lineFigures(line.id, line.downtimeCostPerMinute, packedTotals(timeline, window), failures));
    lineTimelines.push({ id: line.id, costPerMinute: line.downtimeCostPerMinute, timeline, failures });
  }

  return {
    from: iso(fromMs),
    to: iso(toMs),
    endpoints,
    lines,
    site: siteFigures(config.site.id, lines, allFailures),
    shifts: shiftFigures(config, fromMs, toMs, lineTimelines),
    outages: listOutages(input.outages, flags),
  };
}
