// Time windows the pages offer: presets relative to now, or a custom range typed as local
// date-times of the site (a plant's "06:00" is its own, whatever zone the screen's PC uses).
import { atLocal, DAY_MS, HOUR_MS, isoTime, localDateOf } from '../../../shared/time';

export const RANGE_PRESETS = {
  '8h': { label: 'Last 8 hours', spanMs: 8 * HOUR_MS },
  '24h': { label: 'Last 24 hours', spanMs: DAY_MS },
  '7d': { label: 'Last 7 days', spanMs: 7 * DAY_MS },
  '30d': { label: 'Last 30 days', spanMs: 30 * DAY_MS },
} as const;
export type RangePreset = keyof typeof RANGE_PRESETS;

export type RangeChoice =
  { kind: 'preset'; preset: RangePreset } | { kind: 'custom'; from: string; to: string };

export interface Window {
  from: string;
  to: string;
}

/** The site's today as a custom range of `<input type="datetime-local">` values, 00:00 to 23:59. */
export function siteTodayInputs(nowMs: number, timeZone: string): { from: string; to: string } {
  const { y, m, d } = localDateOf(nowMs, timeZone);
  const day = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return { from: `${day}T00:00`, to: `${day}T23:59` };
}

/** "2026-01-05T06:00" (an <input type="datetime-local"> value) in the site zone, to epoch ms. */
export function parseLocalInput(value: string, timeZone: string): number | null {
  const match = value.match(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  if (y === undefined || mo === undefined || d === undefined || h === undefined || mi === undefined)
    return null;
  return atLocal({ y, m: mo, d }, { hh: h, mm: mi }, timeZone);
}

/** The window to ask for, or a sentence saying why the custom range cannot be used. */
export function resolveRange(
  choice: RangeChoice,
  nowMs: number,
  timeZone: string,
): Window | { error: string } {
  if (choice.kind === 'preset') {
    const { spanMs } = RANGE_PRESETS[choice.preset];
    // A minute past now, so an outage that starts while the page is open is inside the window.
    return { from: isoTime(nowMs - spanMs), to: isoTime(nowMs + 60_000) };
  }
  const from = parseLocalInput(choice.from, timeZone);
  const to = parseLocalInput(choice.to, timeZone);
  if (from === null || to === null) return { error: 'Enter both a start and an end time.' };
  if (from >= to) return { error: 'The end must be after the start.' };
  return { from: isoTime(from), to: isoTime(to) };
}
