// Shift occurrences in real time (spec §3 "Shifts"). Shifts are local wall-clock times in the site
// zone, so a night shift 22:00-06:00 is 8 real hours most nights, 7 across spring-forward and 9
// across fall-back. Pure: no clock reads.
//
// A shift whose end is not after its start ("22:00"-"06:00", or "06:00"-"06:00" = a whole day)
// ends on the next local date. Start and end are resolved independently with the zoned-time DST
// conventions (gap -> shifted forward, overlap -> first occurrence), so back-to-back shifts that
// share a clock time share the same instant and never leave a hole or overlap between them.
import type { ShiftConfig } from '../config';
import { addDays, atLocal, daysBetween, localDateOf, parseClock, type LocalDate } from './zoned-time';

export interface ShiftOccurrence {
  shiftId: string;
  start: number;
  end: number;
}

interface ParsedShift {
  id: string;
  start: { hh: number; mm: number };
  end: { hh: number; mm: number };
  crossesMidnight: boolean;
}

function parseShifts(shifts: readonly ShiftConfig[]): ParsedShift[] {
  return shifts.map((s) => {
    const start = parseClock(s.start);
    const end = parseClock(s.end);
    const crossesMidnight = end.hh * 60 + end.mm <= start.hh * 60 + start.mm;
    return { id: s.id, start, end, crossesMidnight };
  });
}

/** The (unclipped) occurrence of `shift` that starts on local `date`. */
function occurrenceOn(shift: ParsedShift, date: LocalDate, zone: string): ShiftOccurrence {
  const start = atLocal(date, shift.start, zone);
  const end = atLocal(shift.crossesMidnight ? addDays(date, 1) : date, shift.end, zone);
  return { shiftId: shift.id, start, end };
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
      const occ = occurrenceOn(shift, date, zone);
      const start = Math.max(occ.start, fromMs);
      const end = Math.min(occ.end, toMs);
      if (end > start) out.push({ occ: { shiftId: occ.shiftId, start, end }, order });
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
  const today = localDateOf(ts, zone);
  // A shift covering `ts` started today or (crossing midnight) yesterday.
  const dates = [addDays(today, -1), today];
  for (const shift of parseShifts(shifts)) {
    for (const date of dates) {
      const occ = occurrenceOn(shift, date, zone);
      if (occ.start <= ts && ts < occ.end) return shift.id;
    }
  }
  return null;
}
