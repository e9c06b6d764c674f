// Durations in the config file: "500ms", "10s", "5m", "4h", "1d", or a plain number of seconds
// (a YAML number like 30 or 1.5, or the same written as a string). Everything else is rejected,
// because a silently misread interval would make the monitor probe at the wrong rate.

export const DURATION_EXPECTED = 'expected a duration like 500ms, 10s, 5m, 4h, 1d or a number of seconds';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

const DURATION_RE = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?$/;

export type DurationResult = { ok: true; ms: number } | { ok: false; message: string };

/** Parses a duration to whole milliseconds. Negative, non-finite and unit-less-but-odd values fail. */
export function parseDuration(value: unknown): DurationResult {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) return { ok: false, message: DURATION_EXPECTED };
    return { ok: true, ms: Math.round(value * 1000) };
  }
  if (typeof value !== 'string') return { ok: false, message: DURATION_EXPECTED };
  const match = value.trim().match(DURATION_RE);
  if (!match) return { ok: false, message: DURATION_EXPECTED };
  const amount = Number(match[1]);
  const unit = match[2] ?? 's';
  const factor = UNIT_MS[unit];
  if (factor === undefined || !Number.isFinite(amount)) return { ok: false, message: DURATION_EXPECTED };
  return { ok: true, ms: Math.round(amount * factor) };
}

/** Renders milliseconds back in the config's own notation, for messages ("5s", "1500ms", "4h"). */
export function formatDuration(ms: number): string {
  for (const unit of ['d', 'h', 'm', 's'] as const) {
    const factor = UNIT_MS[unit] ?? 1;
    if (ms >= factor && ms % factor === 0) return `${ms / factor}${unit}`;
  }
  return `${ms}ms`;
}
