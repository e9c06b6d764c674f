import { describe, expect, it } from 'vitest';
import { expectedRtt, learnBaseline, MIN_HISTORY_MINUTES, rttLevel } from '@src/main/insights/baseline';
import { HOUR, MIN, minutes, T0 } from '../../../support/minute-samples';

describe('rttLevel', () => {
  it('is the median and 1.4826 × MAD, floored at 10 % of the median', () => {
    expect(rttLevel([1, 2, 3, 4, 100])).toEqual({ medianMs: 3, spreadMs: 1.4826 });
    expect(rttLevel([10, 10, 10])).toEqual({ medianMs: 10, spreadMs: 1 });
    expect(rttLevel([])).toBeNull();
  });
});

describe('learnBaseline', () => {
  it('judges nothing before six hours of minute samples', () => {
    expect(
      learnBaseline(
        minutes(T0, MIN_HISTORY_MINUTES - 1, () => 1),
        'UTC',
      ),
    ).toBeNull();
    expect(
      learnBaseline(
        minutes(T0, MIN_HISTORY_MINUTES, () => 1),
        'UTC',
      )?.rtt.medianMs,
    ).toBeCloseTo(1, 1);
  });

  it('counts failed checks as loss, but not fully failed minutes (an outage)', () => {
    const samples = minutes(T0, 400, () => 1, { failedAt: (i) => (i % 100 === 0 ? 1 : i >= 390 ? 6 : 0) });
    // 4 failed checks among the 390 minutes with an answer (6 checks each).
    expect(learnBaseline(samples, 'UTC')?.loss).toBeCloseTo(4 / (390 * 6), 9);
  });

  it('gives an hour of day its own level only where a daily pattern shows', () => {
    // Two days: 1 ms, except 3 ms every day from 08:00 to 09:00 UTC (a load peak).
    const samples = minutes(T0, 2 * 24 * 60, (i) =>
      Math.floor(((i * MIN) % (24 * HOUR)) / HOUR) === 8 ? 3 : 1,
    );
    const baseline = learnBaseline(samples, 'UTC');
    if (!baseline) throw new Error('expected a baseline');
    expect(expectedRtt(baseline, T0 + 8 * HOUR + 30 * MIN, 'UTC').medianMs).toBeCloseTo(3, 1);
    expect(expectedRtt(baseline, T0 + 12 * HOUR, 'UTC')).toBe(baseline.rtt);
    expect(baseline.rttByHour.filter((h) => h !== null)).toHaveLength(1);
    // In Berlin (UTC+1 in January) the same peak is the local hour 9.
    const berlin = learnBaseline(samples, 'Europe/Berlin');
    expect(berlin?.rttByHour[9]?.medianMs).toBeCloseTo(3, 1);
  });
});
