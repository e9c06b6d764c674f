import { describe, expect, it } from 'vitest';
import type { MinuteSample } from '@src/main/insights/baseline';
import { detectLossRise } from '@src/main/insights/loss-rise';
import { HOUR, minutes, random, T0 } from '../../../support/minute-samples';

const input = (samples: MinuteSample[]) => ({
  endpointId: 'plc',
  lineId: 'press-1',
  timezone: 'UTC',
  samples,
  judgeFrom: T0,
});

describe('detectLossRise', () => {
  it('raises nothing on occasional single failures over days', () => {
    const samples = minutes(T0, 3 * 24 * 60, () => 1, { failedAt: (i) => (i % 700 === 0 ? 1 : 0) });
    expect(detectLossRise(input(samples))).toEqual([]);
  });

  it('raises nothing for an outage alone (fully failed minutes are the outage alarm’s business)', () => {
    const samples = minutes(T0, 24 * 60, () => 1, { failedAt: (i) => (i >= 12 * 60 && i < 13 * 60 ? 6 : 0) });
    expect(detectLossRise(input(samples))).toEqual([]);
  });

  it('raises on a loss onset of about 10 %, with usual and observed loss and a plain reason', () => {
    const rand = random(3);
    const healthy = minutes(T0, 12 * 60, () => 1);
    const lossy = minutes(T0 + 12 * HOUR, 2 * 60, () => 1, { failedAt: () => (rand() < 0.5 ? 1 : 0) });
    const [warning, ...rest] = detectLossRise(input([...healthy, ...lossy]));
    expect(rest).toEqual([]);
    expect(warning?.kind).toBe('loss_rise');
    expect(warning?.startedAt).toBeGreaterThanOrEqual(T0 + 12 * HOUR);
    expect(warning?.startedAt).toBeLessThan(T0 + 12.5 * HOUR);
    expect(warning?.endedAt).toBeNull();
    expect(warning?.baseline.loss).toBe(0);
    expect(warning?.observed.loss).toBeGreaterThan(0.05);
    expect(warning?.reason).toMatch(/^Loss \d+(\.\d+)? % against 0 % usual since 12:\d\d$/);
  });
});
