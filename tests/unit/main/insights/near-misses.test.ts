import { describe, expect, it } from 'vitest';
import {
  detectNearMisses,
  NEAR_MISS_HISTORY_MS,
  nearMissTrend,
  poissonTail,
  type NearMissEvent,
} from '@src/main/insights/near-misses';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@src/shared/time';

const T0 = Date.UTC(2026, 0, 5);
const miss = (endedAt: number): NearMissEvent => ({ startedAt: endedAt - 10_000, endedAt, failedChecks: 1 });
/** One near miss every `everyMs` in [from, to). */
const every = (from: number, to: number, everyMs: number): NearMissEvent[] => {
  const out: NearMissEvent[] = [];
  for (let t = from; t < to; t += everyMs) out.push(miss(t));
  return out;
};
const base = { endpointId: 'press1-plc', lineId: 'press-1' };

describe('near-miss detector', () => {
  it('computes the Poisson tail', () => {
    expect(poissonTail(0, 1)).toBe(1);
    expect(poissonTail(1, 1)).toBeCloseTo(1 - Math.exp(-1), 12);
    expect(poissonTail(5, 0.5)).toBeCloseTo(1.7212e-4, 7);
    // Beyond the exact factorials: P(X >= 100 | 80) = 0.0171 (R: ppois(99, 80, lower.tail = FALSE)).
    expect(poissonTail(100, 80)).toBeCloseTo(0.01711, 4);
  });

  it('stays quiet on the usual rate of occasional single failures', () => {
    // About one near miss a day for three weeks: usual, never a warning.
    const history = every(T0, T0 + 21 * DAY_MS, DAY_MS - 7 * MINUTE_MS);
    const warnings = detectNearMisses({
      ...base,
      nearMisses: history,
      from: T0 + 14 * DAY_MS,
      to: T0 + 21 * DAY_MS,
      monitoredSince: T0,
    });
    expect(warnings).toEqual([]);
  });

  it('stays quiet, and quick, on a busy endpoint whose high rate is its usual one', () => {
    // 200 near misses a day for three weeks (a lossy but steady radio link): usual, never a warning.
    const history = every(T0, T0 + 21 * DAY_MS, 7.2 * MINUTE_MS);
    const started = performance.now();
    const warnings = detectNearMisses({
      ...base,
      nearMisses: history,
      from: T0 + 14 * DAY_MS,
      to: T0 + 21 * DAY_MS,
      monitoredSince: T0,
    });
    expect(warnings).toEqual([]);
    // About 10 ms here; the bound only catches a return to per-moment sums that grow with the rate.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('raises on a burst against the usual rate, at the near miss that tipped it, and clears after', () => {
    const quiet = every(T0, T0 + 10 * DAY_MS, 2 * DAY_MS);
    const burstStart = T0 + 10 * DAY_MS;
    const burst = every(burstStart, burstStart + 6 * HOUR_MS, HOUR_MS); // 6 in six hours
    const warnings = detectNearMisses({
      ...base,
      nearMisses: [...burst, ...quiet],
      from: T0 + 9 * DAY_MS,
      to: T0 + 13 * DAY_MS,
      monitoredSince: T0,
    });
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning?.kind).toBe('near_misses');
    // Against 0.5 a day, 5 in a day is still p = 1.7e-4; the sixth (p = 1.4e-5) raises it.
    expect(warning?.startedAt).toBe(burstStart + 5 * HOUR_MS);
    expect(warning?.score).toBeGreaterThan(0.3);
    expect(warning?.score).toBeLessThanOrEqual(1);
    expect(warning?.reason).toMatch(/^6 short failed streaks in the last 24 h against 0\.4 a day usual$/);
    // Hysteresis: it holds well below the raise level and clears when, a day on, the burst has aged
    // into the usual rate (3 left against 6 in the week before: p = 0.056 > 0.05).
    expect(warning?.endedAt).toBe(burstStart + 2 * HOUR_MS + DAY_MS);
    expect(warning?.baseline).toEqual({ rttMs: null, loss: null });
  });

  it('gives the same warning whatever window is asked, as long as it overlaps', () => {
    const nearMisses = [...every(T0 + 10 * DAY_MS, T0 + 10 * DAY_MS + 5 * HOUR_MS, 30 * MINUTE_MS)];
    const wide = detectNearMisses({ ...base, nearMisses, from: T0 + 9 * DAY_MS, to: T0 + 12 * DAY_MS });
    const narrow = detectNearMisses({
      ...base,
      nearMisses,
      from: T0 + 10 * DAY_MS + 20 * HOUR_MS,
      to: T0 + 10 * DAY_MS + 21 * HOUR_MS,
    });
    expect(wide).toHaveLength(1);
    expect(narrow).toEqual(wide.map((w) => ({ ...w, endedAt: null })));
    const after = detectNearMisses({ ...base, nearMisses, from: T0 + 12 * DAY_MS, to: T0 + 13 * DAY_MS });
    expect(after).toEqual([]);
  });

  it('does not judge before the minimum history, and ignores near misses in maintenance', () => {
    const nearMisses = every(T0, T0 + 6 * HOUR_MS, 30 * MINUTE_MS);
    const window = { from: T0, to: T0 + DAY_MS };
    expect(detectNearMisses({ ...base, nearMisses, ...window, monitoredSince: T0 })).toEqual([]);
    expect(detectNearMisses({ ...base, nearMisses, ...window })).toHaveLength(1);
    expect(detectNearMisses({ ...base, nearMisses, ...window, isInMaintenance: () => true })).toEqual([]);
  });

  it('names a week-over-week growth in the reason, and nearMissTrend reports it', () => {
    const at = T0 + 21 * DAY_MS;
    const nearMisses = [
      ...every(T0, T0 + 7 * DAY_MS, 3 * DAY_MS), // 3
      ...every(T0 + 7 * DAY_MS, T0 + 14 * DAY_MS, DAY_MS), // 7
      ...every(T0 + 20 * DAY_MS, at, 2 * HOUR_MS), // 12 in the last day
    ];
    expect(nearMissTrend(nearMisses, at - 1)).toEqual({ weeklyCounts: [3, 7, 12], growing: true });
    expect(nearMissTrend(nearMisses.slice(0, 10), at - 1)).toEqual({
      weeklyCounts: [3, 7, 0],
      growing: false,
    });
    const [warning] = detectNearMisses({ ...base, nearMisses, from: T0 + 20 * DAY_MS, to: at });
    expect(warning?.reason).toMatch(/; growing week over week \(3, 7, 12\)$/);
    // An unmonitored first week is no evidence of growth.
    expect(nearMissTrend(nearMisses, at - 1, T0 + 1).growing).toBe(false);
    expect(NEAR_MISS_HISTORY_MS).toBeGreaterThanOrEqual(21 * DAY_MS);
  });

  it('is deterministic and does not depend on the order of its input', () => {
    const nearMisses = every(T0, T0 + 3 * HOUR_MS, 20 * MINUTE_MS);
    const input = { ...base, from: T0, to: T0 + 2 * DAY_MS };
    expect(detectNearMisses({ ...input, nearMisses: [...nearMisses].reverse() })).toEqual(
      detectNearMisses({ ...input, nearMisses }),
    );
  });
});
