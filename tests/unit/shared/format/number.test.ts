import { describe, expect, it } from 'vitest';
import { formatCost, formatCount } from '@src/shared/format';

describe('counts and cost', () => {
  it('separates thousands', () => {
    expect(formatCount(7)).toBe('7');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(1_234_567)).toBe('1,234,567');
  });

  it('shows cost in whole units of the configured rate, null as no data', () => {
    expect(formatCost(8500)).toBe('8,500');
    expect(formatCost(162_137.5)).toBe('162,138');
    expect(formatCost(0)).toBe('0');
    expect(formatCost(null)).toBe('—');
  });
});
