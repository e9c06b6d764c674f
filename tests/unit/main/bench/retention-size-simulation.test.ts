import { describe, expect, it } from 'vitest';
import { simulateStoreSize } from '@src/main/bench/size-simulation';
import { useTempDirs } from '../../../support/temp-store';

describe('store size simulation', () => {
  const newTempDir = useTempDirs();

  it('reaches the raw steady state under pruning and extrapolates a year of 1,000 endpoints under 1 GB', () => {
    const result = simulateStoreSize({ dir: newTempDir(), endpoints: 3, days: 8, yearEndpoints: 2 });
    expect(result.checksWritten).toBe(3 * 8 * 8640);
    // Pruning kept 7 days (plus the current hour at most) of the 8 written.
    expect(result.tiers.raw.endpointDays).toBeGreaterThanOrEqual(3 * 7);
    expect(result.tiers.raw.endpointDays).toBeLessThanOrEqual(3 * (7 + 1 / 24));
    expect(result.tiers.minute.endpointDays).toBe(3 * 8);
    expect(result.tiers.hour.endpointDays).toBe(2 * 365);
    expect(result.tiers.raw.bytesPerEndpointDay).toBeLessThan(8640 * 6);
    expect(result.extrapolatedYear.endpoints).toBe(1000);
    expect(result.extrapolatedYear.bytes).toBeLessThan(1e9);
    expect(result.bytesOnDisk).toBeGreaterThan(0);
  }, 60_000);
});
