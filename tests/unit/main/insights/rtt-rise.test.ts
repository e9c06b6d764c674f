import { describe, expect, it } from 'vitest';
import type { MinuteSample } from '@src/main/insights/baseline';
import { detectRttRise } from '@src/main/insights/rtt-rise';
import { HOUR, MIN, minutes, T0 } from '../../../support/minute-samples';

const input = (samples: MinuteSample[], judgeFrom = T0) => ({
  endpointId: 'plc',
  lineId: 'press-1',
  timezone: 'UTC',
  samples,
  judgeFrom,
});

describe('detectRttRise', () => {
  it('raises nothing on a day of jitter, spikes included', () => {
    const samples = minutes(T0, 3 * 24 * 60, (i) => (i % 97 === 0 ? 6 : 1), { jitter: 0.3, seed: 7 });
    expect(detectRttRise(input(samples))).toEqual([]);
  });

  it('raises on a sustained rise, from where the sum left zero, with the evidence and a plain reason', () => {
    const healthy = minutes(T0, 12 * 60, () => 1, { seed: 2 });
    const risen = minutes(T0 + 12 * HOUR, 60, () => 4, { seed: 3 });
    const [warning, ...rest] = detectRttRise(input([...healthy, ...risen]));
    expect(rest).toEqual([]);
    expect(warning?.kind).toBe('rtt_rise');
    expect(warning?.startedAt).toBe(T0 + 12 * HOUR);
    expect(warning?.endedAt).toBeNull();
    expect(warning?.baseline.rttMs).toBeCloseTo(1, 1);
    expect(warning?.observed.rttMs).toBeCloseTo(4, 1);
    expect(warning?.score).toBe(1);
    expect(warning?.reason).toBe('RTT 4 ms against 1 ± 0.1 ms usual since 12:00');
  });

  it('clears with hysteresis once the RTT is back to usual for a while', () => {
    const samples = [
      ...minutes(T0, 12 * 60, () => 1, { seed: 2 }),
      ...minutes(T0 + 12 * HOUR, 30, () => 3, { seed: 3 }),
      ...minutes(T0 + 12 * HOUR + 30 * MIN, 180, () => 1, { seed: 4 }),
    ];
    const [warning, ...rest] = detectRttRise(input(samples));
    expect(rest).toEqual([]);
    expect(warning?.endedAt).not.toBeNull();
    const endedAt = warning?.endedAt ?? 0;
    // Not the first calm minute (the sum must come down first), but well within the calm stretch.
    expect(endedAt).toBeGreaterThan(T0 + 12 * HOUR + 30 * MIN);
    expect(endedAt).toBeLessThan(T0 + 15 * HOUR);
    expect(warning?.observed.rttMs).toBeCloseTo(3, 1);
  });

  it('accepts a step to a new steady level as usual: the warning ends and none follows', () => {
    // A reconfiguration: 1 ms for a day, then 5 ms for a day.
    const samples = [
      ...minutes(T0, 24 * 60, () => 1, { seed: 5 }),
      ...minutes(T0 + 24 * HOUR, 24 * 60, () => 5, { jitter: 0.5, seed: 6 }),
    ];
    const warnings = detectRttRise(input(samples));
    expect(warnings).toHaveLength(1);
    const [step] = warnings;
    expect(step?.startedAt).toBe(T0 + 24 * HOUR);
    expect(step?.endedAt).not.toBeNull();
    expect((step?.endedAt ?? Infinity) - T0 - 24 * HOUR).toBeLessThanOrEqual(4 * HOUR);
    expect(step?.reason).toContain('accepted as usual');
  });

  it('keeps warning on a ramp (never steady) until the data ends', () => {
    const samples = [
      ...minutes(T0, 24 * 60, () => 1, { seed: 8 }),
      ...minutes(T0 + 24 * HOUR, 8 * 60, (i) => 1 + i * 0.05, { seed: 9 }),
    ];
    const warnings = detectRttRise(input(samples));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.endedAt).toBeNull();
    expect(warnings[0]?.startedAt).toBeLessThan(T0 + 24 * HOUR + 30 * MIN);
  });

  it('judges nothing without six hours of history', () => {
    const samples = [...minutes(T0, 5 * 60, () => 1), ...minutes(T0 + 5 * HOUR, 60, () => 9)];
    expect(detectRttRise(input(samples))).toEqual([]);
  });
});
