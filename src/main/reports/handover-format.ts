// Text helpers of the printed handover: HTML escaping, site-local times and spelled-out durations.
// Its figures read as on every screen (src/shared/format).
import type { Severity } from '../../shared/contract';
import { formatDuration } from '../../shared/format';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every piece of text that reaches the page goes through here (names and notes are user input). */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** Site-local date and time formatting; the handover is read in the plant, not in UTC. */
export function siteClock(timezone: string) {
  const date = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
  });
  const shortDate = new Intl.DateTimeFormat('en-GB', { timeZone: timezone, day: '2-digit', month: 'short' });
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const dayKey = (ms: number): string => shortDate.format(ms);
  return {
    date: (ms: number): string => date.format(ms),
    time: (ms: number): string => time.format(ms),
    /** "14:10", or "04 Jan 22:15" when the instant is on another local day than `referenceMs`. */
    timeNear: (ms: number, referenceMs: number): string =>
      dayKey(ms) === dayKey(referenceMs) ? time.format(ms) : `${dayKey(ms)} ${time.format(ms)}`,
  };
}

/** Paper has room to spell units out: "45 s", "10 min 5 s", "2 h 05 min" (the screens say "2h 05m"). */
export const formatPrintedDuration = (seconds: number): string => formatDuration(seconds, { units: 'long' });

/** A CSS class for the availability figure; the number is always printed too (grey print). */
export function availabilityClass(availability: number | null): string {
  if (availability === null) return 'na';
  if (availability >= 0.99) return 'good';
  return availability >= 0.95 ? 'warn' : 'bad';
}

/**
 * An alarm's severity on paper: a shape and a word, never colour alone (handovers are often printed
 * in grey). The same words as the screens.
 */
export const SEVERITY_PRINT: Record<Severity, { mark: string; text: string }> = {
  critical: { mark: '◆', text: 'CRITICAL' },
  high: { mark: '▲', text: 'HIGH' },
  medium: { mark: '●', text: 'MEDIUM' },
  low: { mark: '○', text: 'LOW' },
};
