import { describe, expect, it } from 'vitest';
import { formatAvailability } from '@src/shared/format';

describe('formatAvailability', () => {
  it('never reads 100 % while any down time exists', () => {
    expect(formatAvailability(0.99996)).toBe('99.99 %');
    expect(formatAvailability(0.9996)).toBe('99.96 %');
    expect(formatAvailability(0.99995)).toBe('99.99 %');
    expect(formatAvailability(0.999999999999)).toBe('99.99 %');
    expect(formatAvailability(1 - Number.EPSILON)).toBe('99.99 %');
  });

  it('reads 100 % only for exactly 1 and 0 % only for exactly 0', () => {
    expect(formatAvailability(1)).toBe('100.0 %');
    expect(formatAvailability(0)).toBe('0.0 %');
    expect(formatAvailability(0.000001)).toBe('0.01 %');
    expect(formatAvailability(0.004)).toBe('0.40 %');
    expect(formatAvailability(Number.MIN_VALUE)).toBe('0.01 %');
  });

  it('shows one decimal, two near 100 %, and never rounds up', () => {
    expect(formatAvailability(0.6666666666666666)).toBe('66.6 %');
    expect(formatAvailability(0.5458)).toBe('54.5 %');
    expect(formatAvailability(0.99)).toBe('99.00 %');
    expect(formatAvailability(0.98999)).toBe('98.9 %');
  });

  it('does not let floating point noise take a step off an exact figure', () => {
    // 0.29 * 100 is 28.999999999999996 and 0.58 * 100 is 57.99999999999999.
    expect(formatAvailability(0.29)).toBe('29.0 %');
    expect(formatAvailability(0.58)).toBe('58.0 %');
    expect(formatAvailability(29 / 100)).toBe('29.0 %');
    expect(formatAvailability(0.9929)).toBe('99.29 %');
  });

  it('reads no data as a dash, never as a number', () => {
    expect(formatAvailability(null)).toBe('—');
    expect(formatAvailability(undefined)).toBe('—');
  });
});
