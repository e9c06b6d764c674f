import { describe, expect, it } from 'vitest';
import { isoTime } from '@src/shared/time';

describe('isoTime', () => {
  it('is exactly Date#toISOString', () => {
    const samples = [0, -1, 1, 999, 1_767_225_600_000, 1_767_225_599_999, 1_767_225_600_123, 951_782_400_000];
    // Spread over years 1970-2100, with odd milliseconds.
    for (let i = 0; i < 2000; i++) samples.push(((i * 7_919_000_003_171) % 4_102_444_800_000) + (i % 1000));
    samples.push(253_402_300_800_000, -62_167_219_200_001, 8.64e15);
    for (const ms of samples) expect(isoTime(ms)).toBe(new Date(ms).toISOString());
  });
});
