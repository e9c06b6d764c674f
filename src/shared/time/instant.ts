// Instants are epoch milliseconds everywhere; these are the fixed lengths and the one ISO formatter.
// A local calendar day is NOT always DAY_MS long (23-25 h across DST, and Lord Howe shifts by 30
// minutes): use local-day.ts for "the plant's day" and DAY_MS only for UTC days and rough spans.

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

// `Date#toISOString` for the report's times, ~4x faster: a 90-day report of 2,000 endpoints lists
// ~80 K outages with 3-4 times each, and toISOString alone cost ~1 µs a call. The date part is
// cached per UTC day; the output is identical ("YYYY-MM-DDTHH:MM:SS.mmmZ", spec "Report JSON").
// The time part is one String.fromCharCode: a template of padded pieces built a tree of ~6 small
// strings per time, which made the garbage collector the main cost of listing the outages.
/** Years 0000-9999 only; outside them toISOString's extended-year form is used as is. */
const MAX_MS = 253_402_300_800_000;
const MIN_MS = -62_167_219_200_000;
const MAX_CACHED_DAYS = 20_000;

const dayPrefix = new Map<number, string>();
const ZERO = 48;
const tens = (n: number): number => ZERO + Math.floor(n / 10);
const ones = (n: number): number => ZERO + (n % 10);

/** The instant as "YYYY-MM-DDTHH:MM:SS.mmmZ", exactly what `new Date(ms).toISOString()` returns. */
export function isoTime(ms: number): string {
  if (!Number.isInteger(ms) || ms < MIN_MS || ms >= MAX_MS) return new Date(ms).toISOString();
  const day = Math.floor(ms / DAY_MS);
  let prefix = dayPrefix.get(day);
  if (prefix === undefined) {
    prefix = new Date(day * DAY_MS).toISOString().slice(0, 11); // "YYYY-MM-DDT"
    if (dayPrefix.size >= MAX_CACHED_DAYS) dayPrefix.clear();
    dayPrefix.set(day, prefix);
  }
  let rest = ms - day * DAY_MS;
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  rest -= m * 60_000;
  const s = Math.floor(rest / 1000);
  const f = rest - s * 1000;
  const fh = Math.floor(f / 100);
  // "HH:MM:SS.mmmZ" (58 ':', 46 '.', 90 'Z').
  const time = String.fromCharCode(
    tens(h),
    ones(h),
    58,
    tens(m),
    ones(m),
    58,
    tens(s),
    ones(s),
    46,
    ZERO + fh,
    tens(f - fh * 100),
    ones(f),
    90,
  );
  return prefix + time;
}

/** `isoTime`, with null (a time not known yet, a state still in force) passed through. */
export function isoTimeOrNull(ms: number | null): string | null {
  return ms === null ? null : isoTime(ms);
}
