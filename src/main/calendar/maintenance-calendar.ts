// Maintenance windows per endpoint, from the config's `maintenance` entries (spec §1 and §3
// "Maintenance"). Pure: everything is computed from the config and the instants passed in.
//
// Recurring entries are resolved in the site timezone on each local date, so "02:00 for 4h" is
// always 4 real hours starting at local 02:00 — or, on a spring-forward day where 02:00 does not
// exist, at 03:00 (src/shared/time/zoned-time.ts shifts gap times forward; overlap times take the
// first occurrence). One-off `from`/`to` are site-local unless written with an offset.
import {
  addDays,
  atLocal,
  localDateOf,
  parseClock,
  parseSiteDateTime,
  siteDateTimeToEpochMs,
  weekdayOf,
  type LocalDate,
} from '../../shared/time';
import type { LinewatchConfig, MaintenanceConfig } from '../config';
import { clipAndMerge, type Interval } from './intervals';

export type { Interval } from './intervals';

export interface MaintenanceTarget {
  endpointId: string;
  lineId: string;
}

export interface MaintenanceWindow {
  /** The maintenance entry's id. */
  id: string;
  start: number;
  end: number;
}

export interface MaintenanceCalendar {
  /**
   * Maintenance time of `target` inside [fromMs, toMs): merged, sorted, clipped. Memoised per
   * (set of entries that apply, fromMs, toMs), so every endpoint with the same applicable entries
   * (typically a whole line) gets the very same frozen array; compute once, share.
   */
  windowsFor(target: MaintenanceTarget, fromMs: number, toMs: number): readonly Interval[];
  isInMaintenance(target: MaintenanceTarget, ts: number): boolean;
  /**
   * The unclipped occurrence covering `ts`, or null. When several overlap, the one ending last
   * (the answer to "in maintenance until when?"); ties go to the entry listed first in the config.
   */
  windowAt(target: MaintenanceTarget, ts: number): MaintenanceWindow | null;
}

interface Rule {
  id: string;
  targets: ReadonlySet<string>;
  /** Unclipped occurrences overlapping [fromMs, toMs), in start order. */
  occurrences(fromMs: number, toMs: number): MaintenanceWindow[];
}

const WINDOW_MEMO_MAX = 4096;
const DAY_MEMO_MAX = 4096;

export function createMaintenanceCalendar(config: LinewatchConfig): MaintenanceCalendar {
  const zone = config.site.timezone;
  const siteId = config.site.id;
  const rules = config.maintenance.map((entry) => buildRule(entry, zone));
  const memo = new Map<string, readonly Interval[]>();

  /** Indexes into `rules` of the entries that apply to `target`, in config order. */
  function applicable(target: MaintenanceTarget): number[] {
    const out: number[] = [];
    rules.forEach((r, i) => {
      if (r.targets.has(siteId) || r.targets.has(target.lineId) || r.targets.has(target.endpointId))
        out.push(i);
    });
    return out;
  }

  function windowAt(target: MaintenanceTarget, ts: number): MaintenanceWindow | null {
    let best: MaintenanceWindow | null = null;
    for (const i of applicable(target)) {
      for (const occ of rules[i]?.occurrences(ts, ts + 1) ?? []) {
        if (occ.start <= ts && ts < occ.end && (best === null || occ.end > best.end)) best = occ;
      }
    }
    // A copy: the occurrence objects are shared by the per-day memo.
    return best === null ? null : { ...best };
  }

  return {
    windowsFor(target, fromMs, toMs) {
      const applying = applicable(target);
      // Keyed by WHICH entries apply, not by endpoint or line: 2,000 endpoints on 40 lines with
      // line/site-level maintenance make ~40 computations per window, not 2,000.
      const key = `${applying.join(',')}|${fromMs}|${toMs}`;
      const hit = memo.get(key);
      if (hit !== undefined) return hit;
      const raw = applying.flatMap((i) => rules[i]?.occurrences(fromMs, toMs) ?? []);
      const merged = Object.freeze(clipAndMerge(raw, fromMs, toMs).map((i) => Object.freeze(i)));
      // Oldest-first eviction keeps a long-running monitor's memo bounded.
      if (memo.size >= WINDOW_MEMO_MAX) memo.delete(memo.keys().next().value ?? '');
      memo.set(key, merged);
      return merged;
    },
    // Closures, not `this`, so callers may pass the methods around detached.
    isInMaintenance: (target, ts) => windowAt(target, ts) !== null,
    windowAt,
  };
}

function buildRule(entry: MaintenanceConfig, zone: string): Rule {
  const targets = new Set(entry.targets);
  if (entry.kind === 'once') {
    const start = instantOf(entry.from, zone, entry.id);
    const end = instantOf(entry.to, zone, entry.id);
    return {
      id: entry.id,
      targets,
      occurrences: (fromMs, toMs) =>
        start < toMs && end > fromMs && end > start ? [{ id: entry.id, start, end }] : [],
    };
  }
  if (entry.every === 'week' && entry.weekday === null) {
    throw new Error(`maintenance ${entry.id}: every: week needs a weekday`);
  }
  const clock = parseClock(entry.start);
  const { durationMs, weekday, id } = entry;
  // Per local date, so repeated queries (live checks, overlapping report windows) reuse the DST
  // resolution instead of asking Intl again.
  const byDay = new Map<number, MaintenanceWindow | null>();
  const onDate = (date: LocalDate): MaintenanceWindow | null => {
    const dayKey = Date.UTC(date.y, date.m - 1, date.d);
    const cached = byDay.get(dayKey);
    if (cached !== undefined) return cached;
    let occ: MaintenanceWindow | null = null;
    if (entry.every === 'day' || weekdayOf(date) === weekday) {
      const start = atLocal(date, clock, zone);
      occ = { id, start, end: start + durationMs };
    }
    if (byDay.size >= DAY_MEMO_MAX) byDay.clear();
    byDay.set(dayKey, occ);
    return occ;
  };
  return {
    id,
    targets,
    occurrences(fromMs, toMs) {
      // Start one local day before the date of (from - duration): a window that began that long ago
      // can still overlap `from`, and the extra day absorbs a gap-shifted start.
      let date = addDays(localDateOf(fromMs - durationMs, zone), -1);
      const last = localDateOf(toMs, zone);
      const out: MaintenanceWindow[] = [];
      for (;;) {
        const occ = onDate(date);
        if (occ !== null && occ.start < toMs && occ.end > fromMs) out.push(occ);
        if (date.y === last.y && date.m === last.m && date.d === last.d) break;
        date = addDays(date, 1);
      }
      return out;
    },
  };
}

/** A one-off `from`/`to`: its own offset when written with one, else site-local. */
function instantOf(text: string, zone: string, id: string): number {
  const dt = parseSiteDateTime(text);
  if (dt === null) throw new Error(`maintenance ${id}: expected "YYYY-MM-DDTHH:MM[:SS]", got "${text}"`);
  return siteDateTimeToEpochMs(dt, zone);
}
