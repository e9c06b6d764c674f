// Shift occurrences in real time (spec §3 "Shifts"). A shift is a pair of local wall-clock times in
// the site zone, so a night shift 22:00-06:00 is 8 real hours most nights, 7 across spring-forward
// and 9 across fall-back. A shift whose end is not after its start ("22:00"-"06:00", or
// "06:00"-"06:00" = a whole day) crosses midnight: it ends on the next local date.
//
// Start and end are resolved independently with the zoned-time DST conventions (gap -> shifted
// forward, overlap -> first occurrence), so back-to-back shifts that share a clock time share the
// same instant and never leave a hole or overlap between them.
import { addDays, atLocal, localDateOf, parseClock, type LocalDate } from './zoned-time';

/** A shift as the config and the contract write it: local "HH:MM" start and end. */
export interface ShiftTimes {
  start: string;
  end: string;
}

/** A shift's clock times parsed once, for code that resolves many occurrences. */
export interface ShiftRule {
  start: { hh: number; mm: number };
  end: { hh: number; mm: number };
  crossesMidnight: boolean;
}

/** Half-open [start, end) in epoch ms. */
export interface ShiftSpan {
  start: number;
  end: number;
}

export function shiftRule(shift: ShiftTimes): ShiftRule {
  const start = parseClock(shift.start);
  const end = parseClock(shift.end);
  return { start, end, crossesMidnight: end.hh * 60 + end.mm <= start.hh * 60 + start.mm };
}

/** True when the shift ends on the local date after the one it starts on. */
export function crossesMidnight(shift: ShiftTimes): boolean {
  return shiftRule(shift).crossesMidnight;
}

/** The occurrence of the shift that starts on local `date` (unclipped). */
export function shiftOccurrenceOn(rule: ShiftRule, date: LocalDate, zone: string): ShiftSpan {
  const start = atLocal(date, rule.start, zone);
  const end = atLocal(rule.crossesMidnight ? addDays(date, 1) : date, rule.end, zone);
  return { start, end };
}

/** The occurrence of the shift that contains `ms`, or null when the shift is not on then. */
export function shiftOccurrenceAt(rule: ShiftRule, ms: number, zone: string): ShiftSpan | null {
  const today = localDateOf(ms, zone);
  // It started today or, crossing midnight, yesterday.
  for (const date of [today, addDays(today, -1)]) {
    const occurrence = shiftOccurrenceOn(rule, date, zone);
    if (occurrence.start <= ms && ms < occurrence.end) return occurrence;
  }
  return null;
}
