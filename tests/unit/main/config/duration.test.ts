import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '@src/main/config';

describe('parseDuration', () => {
  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['4h', 14_400_000],
    ['1d', 86_400_000],
    ['1.5s', 1_500],
    ['30', 30_000],
    ['0.25', 250],
    [30, 30_000],
    [2.5, 2_500],
  ])('parses %j as %d ms', (input, ms) => {
    expect(parseDuration(input)).toEqual({ ok: true, ms });
  });

  it.each(['10 parsecs', '', '5x', '-5s', '1e3', 's', '10sec', 'PT10S'])('rejects %j', (input) => {
    const result = parseDuration(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain('expected a duration like 500ms, 10s, 5m, 4h, 1d');
  });

  it.each([null, undefined, true, -1, Number.NaN, Number.POSITIVE_INFINITY, [], {}])(
    'rejects %j',
    (input) => {
      expect(parseDuration(input).ok).toBe(false);
    },
  );

  it('formats milliseconds back in config notation', () => {
    expect(formatDuration(5_000)).toBe('5s');
    expect(formatDuration(1_500)).toBe('1500ms');
    expect(formatDuration(14_400_000)).toBe('4h');
    expect(formatDuration(90_000)).toBe('90s');
  });
});
