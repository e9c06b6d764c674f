import { describe, expect, it } from 'vitest';
import { formatDuration } from '@src/shared/format';

describe('formatDuration', () => {
  it('shows the two largest units on screens, the second padded', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(12)).toBe('12s');
    expect(formatDuration(250)).toBe('4m 10s');
    expect(formatDuration(600)).toBe('10m 00s');
    expect(formatDuration(3725)).toBe('1h 02m');
    expect(formatDuration(3 * 86_400 + 4 * 3_600 + 59)).toBe('3d 04h');
  });

  it('rounds a recorded duration to the nearest second, a ticking clock down', () => {
    expect(formatDuration(600.4)).toBe('10m 00s');
    expect(formatDuration(59.6)).toBe('1m 00s');
    expect(formatDuration(59.6, { rounding: 'down' })).toBe('59s');
  });

  it('never shows a negative duration, and null as no data', () => {
    expect(formatDuration(-5)).toBe('0s');
    expect(formatDuration(null)).toBe('—');
  });

  it('drops the seconds past the first minute when coarse', () => {
    expect(formatDuration(45, { coarse: true })).toBe('45s');
    expect(formatDuration(5 * 60 + 59, { coarse: true })).toBe('5m');
    expect(formatDuration(3 * 3_600 + 12 * 60 + 41, { coarse: true })).toBe('3h 12m');
  });

  it('spells units out for print', () => {
    const long = { units: 'long' } as const;
    expect(formatDuration(0, long)).toBe('0 s');
    expect(formatDuration(45, long)).toBe('45 s');
    expect(formatDuration(600, long)).toBe('10 min');
    expect(formatDuration(605, long)).toBe('10 min 5 s');
    expect(formatDuration(7_200, long)).toBe('2 h 00 min');
    expect(formatDuration(30 * 3_600 + 300, long)).toBe('30 h 05 min');
  });
});
