import { describe, expect, it } from 'vitest';
import type { MinuteSample } from '@src/main/insights/baseline';
import { detectThresholds } from '@src/main/insights/threshold';
import { HOUR, MIN, minutes, T0 } from '../../../support/minute-samples';

const input = (samples: MinuteSample[]) => ({
  endpointId: 'plc',
  lineId: 'press-1',
  timezone: 'UTC',
  samples,
  judgeFrom: T0,
});

describe('detectThresholds', () => {
  it('needs a warn: config', () => {
    expect(detectThresholds(input(minutes(T0, 60, () => 100)), undefined)).toEqual([]);
  });

  it('raises after 5 minutes over rtt_ms (from the first), clears after 10 under (at the first)', () => {
    const samples = [
      ...minutes(T0, 30, () => 10, { jitter: 0 }),
      ...minutes(T0 + 30 * MIN, 4, () => 80, { jitter: 0 }), // too short: nothing
      ...minutes(T0 + 34 * MIN, 30, () => 10, { jitter: 0 }),
      ...minutes(T0 + HOUR + 4 * MIN, 20, () => 75, { jitter: 0 }),
      ...minutes(T0 + HOUR + 24 * MIN, 30, () => 10, { jitter: 0 }),
    ];
    expect(detectThresholds(input(samples), { rttMs: 50, loss: null })).toEqual([
      {
        endpointId: 'plc',
        lineId: 'press-1',
        kind: 'threshold',
        score: 0.75,
        startedAt: T0 + HOUR + 4 * MIN,
        endedAt: T0 + HOUR + 24 * MIN,
        baseline: { rttMs: 50, loss: null },
        observed: { rttMs: 75, loss: null },
        reason: 'RTT 75 ms above the configured 50 ms since 01:04',
      },
    ]);
  });

  it('raises on the loss of the last 15 minutes over loss_pct, still active at the end', () => {
    const samples = minutes(T0, 120, () => 1, { failedAt: (i) => (i >= 60 ? 1 : 0) });
    const [warning, ...rest] = detectThresholds(input(samples), { rttMs: null, loss: 0.02 });
    expect(rest).toEqual([]);
    expect(warning?.endedAt).toBeNull();
    expect(warning?.baseline.loss).toBe(0.02);
    expect(warning?.observed.loss).toBeCloseTo(1 / 6, 5);
    // At 01:00 the last 15 minutes hold 1 failure in 90 checks (1.1 %), at 01:01 two (2.2 %).
    expect(warning?.startedAt).toBe(T0 + HOUR + MIN);
    expect(warning?.reason).toBe('Loss 17 % above the configured 2 % since 01:01');
  });
});
