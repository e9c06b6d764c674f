// Which configured shift is on at an instant, in the site's own calendar (a plant's "night shift"
// is its own, whatever zone the screen's PC is set to). The DST arithmetic of a shift occurrence
// and of local day starts lives in src/shared/time.
import type { ShiftView } from '../../../shared/contract';
import { shiftOccurrenceAt, shiftRule } from '../../../shared/time';

/** The first shift (in config order) on at `ms`, with its occurrence; null when none is. */
export function currentShift(
  shifts: readonly ShiftView[],
  ms: number,
  timeZone: string,
): { shift: ShiftView; fromMs: number; toMs: number } | null {
  for (const shift of shifts) {
    const occurrence = shiftOccurrenceAt(shiftRule(shift), ms, timeZone);
    if (occurrence) return { shift, fromMs: occurrence.start, toMs: occurrence.end };
  }
  return null;
}
