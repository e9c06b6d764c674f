// Numbers and times as people read them in the console: availability to one decimal (two above
// 99 %, where the difference matters), durations in the largest sensible units, times in the
// site's zone. Null always reads as "no data", never as 0 or 100 %.
export const NO_DATA = '—';

export function formatPercent(availability: number | null): string {
  if (availability === null) return NO_DATA;
  const percent = availability * 100;
  // 99.95 % must not round up to a "100 %" that hides real downtime.
  const digits = percent >= 99 && percent < 100 ? 2 : 1;
  const factor = 10 ** digits;
  return `${(Math.floor(percent * factor) / factor).toFixed(digits)} %`;
}

/** "2h 05m", "4m 10s", "12s"; a week-long figure does not need seconds. */
export function formatSeconds(seconds: number | null): string {
  if (seconds === null) return NO_DATA;
  const total = Math.max(0, Math.round(seconds));
  const days = Math.floor(total / 86_400);
  const hours = Math.floor((total % 86_400) / 3_600);
  const minutes = Math.floor((total % 3_600) / 60);
  const secs = total % 60;
  const pad = (n: number): string => String(n).padStart(2, '0');
  if (days > 0) return `${days}d ${pad(hours)}h`;
  if (hours > 0) return `${hours}h ${pad(minutes)}m`;
  if (minutes > 0) return `${minutes}m ${pad(secs)}s`;
  return `${secs}s`;
}

export function formatCost(cost: number | null): string {
  if (cost === null) return NO_DATA;
  return Math.round(cost).toLocaleString('en-US');
}

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
