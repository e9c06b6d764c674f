// Times as people read them in the console, in the site's zone. Figures (availability, durations,
// cost) read the same on every screen through src/shared/format; null is "no data" there too.
import { NO_DATA } from '../../../shared/format';

function formatter(timeZone: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
  } catch {
    // An unknown zone must not break a page; local time is the next best thing.
    return new Intl.DateTimeFormat('en-GB', options);
  }
}

/** "05 Jan 14:03:07" in the site's zone. */
export function formatDateTime(iso: string | null, timeZone: string | undefined, seconds = false): string {
  if (iso === null) return NO_DATA;
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return NO_DATA;
  return formatter(timeZone, {
    day: '2-digit',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    ...(seconds ? { second: '2-digit' } : {}),
    hour12: false,
  }).format(at);
}

/** "2026-01-05 14:03:07" in the site's zone: sortable, for CSV files. */
export function formatIsoLocal(iso: string | null, timeZone: string | undefined): string {
  if (iso === null) return '';
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return '';
  const parts = formatter(timeZone, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  // en-GB may print midnight as 24 in some engines; normalise.
  const hour = get('hour') === '24' ? '00' : get('hour');
  return `${get('year')}-${get('month')}-${get('day')} ${hour}:${get('minute')}:${get('second')}`;
}

export function formatRttMs(ms: number | null): string {
  if (ms === null) return NO_DATA;
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}
