// Shift occurrences of the config's shifts over a window (spec §3 "Shifts"). The DST arithmetic of
// one occurrence lives in src/shared/time/shifts.ts; this adds the window, clipping and order.
// Pure: no clock reads.
import {
  addDays,
  daysBetween,
  localDateOf,
  shiftOccurrenceAt,
  shiftOccurrenceOn,
  shiftRule,
  type ShiftRule,
} from '../../shared/time';
import type { ShiftConfig } from '../config';

export interface ShiftOccurrence {
  shiftId: string;
  start: number;
  end: number;
}

interface ParsedShift {
  id: string;
  rule: ShiftRule;
}

function parseShifts(shifts: readonly ShiftConfig[]): ParsedShift[] {
  return shifts.map((s) => ({ id: s.id, rule: shiftRule(s) }));
}

/**
 * Every occurrence of every shift overlapping [fromMs, toMs), clipped to it, sorted by start (ties
 * in config order). Occurrences starting the local day before `fromMs` are included when they
 * reach into the window (a night shift that began yesterday evening).
 */
export function shiftOccurrences(
  shifts: readonly ShiftConfig[],
  zone: string,
  fromMs: number,
  toMs: number,
): ShiftOccurrence[] {
  if (toMs <= fromMs || shifts.length === 0) return [];
  const parsed = parseShifts(shifts);
  const first = addDays(localDateOf(fromMs, zone), -1);
  const days = daysBetween(first, localDateOf(toMs, zone));
  const out: { occ: ShiftOccurrence; order: number }[] = [];
  for (let n = 0; n <= days; n++) {
    const date = addDays(first, n);
    parsed.forEach((shift, order) => {
      const occ = shiftOccurrenceOn(shift.rule, date, zone);
      const start = Math.max(occ.start, fromMs);
      const end = Math.min(occ.end, toMs);
      if (end > start) out.push({ occ: { shiftId: shift.id, start, end }, order });
    });
  }
  out.sort((a, b) => a.occ.start - b.occ.start || a.order - b.order);
  return out.map((o) => o.occ);
}

/**
 * The id of the shift covering instant `ts`, or null when no shift does (shifts need not cover the
 * whole day). If misconfigured shifts overlap, the first in config order wins.
 */
export function shiftAt(shifts: readonly ShiftConfig[], zone: string, ts: number): string | null {
  return parseShifts(shifts).find((shift) => shiftOccurrenceAt(shift.rule, ts, zone) !== null)?.id ?? null;
}
