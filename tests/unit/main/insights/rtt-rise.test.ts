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

  // A production line: 1 ms at night, up to 2 ms at the 14:00 peak of a 06-22 sine, every day.
  const load = (ms: number) => {
    const hour = (ms % (24 * HOUR)) / HOUR;
    return hour >= 6 && hour < 22 ? Math.sin((Math.PI * (hour - 6)) / 16) : 0;
  };
  const daily = (start: number, count: number, factorAt: (ms: number) => number, seed: number) =>
    minutes(start, count, (i) => (1 + load(start + i * MIN)) * factorAt(start + i * MIN), { seed });
  const STEP = T0 + 8 * 24 * HOUR + 2 * HOUR;

  it('accepts a step under a daily load: the next days’ load ramps at the new level raise nothing', () => {
    // A week of the daily pattern, then a reconfiguration at 02:00 triples the RTT for four days.
    const samples = daily(T0, 12 * 24 * 60, (ms) => (ms < STEP ? 1 : 3), 11);
    const warnings = detectRttRise(input(samples, T0 + 7 * 24 * HOUR));
    expect(warnings).toHaveLength(1);
    const [step] = warnings;
    expect(step?.startedAt).toBe(STEP);
    expect(step?.endedAt).not.toBeNull();
    expect((step?.endedAt ?? Infinity) - STEP).toBeLessThanOrEqual(4 * HOUR);
    expect(step?.reason).toContain('accepted as usual');
  });

  it('still warns of a ramp at the new level after an accepted step, until the outage', () => {
    // Two days after the step a ramp from 03:00 to 5x over 6 h; the device is down from 09:00.
    const rampFrom = STEP + 2 * 24 * HOUR + HOUR;
    const outageAt = rampFrom + 6 * HOUR;
    const factor = (ms: number) => (ms < STEP ? 1 : 3 * (1 + (4 * Math.max(0, ms - rampFrom)) / (6 * HOUR)));
    const samples = [
      ...daily(T0, (outageAt - T0) / MIN, factor, 12),
      ...minutes(outageAt, 60, () => 0, { failedAt: () => 6 }),
    ];
    const warnings = detectRttRise(input(samples, T0 + 7 * 24 * HOUR));
    expect(warnings).toHaveLength(2);
    const [step, ramp] = warnings;
    expect(step?.endedAt).not.toBeNull();
    expect(ramp?.endedAt).toBeNull();
    // Caught hours ahead: at night this load pattern's baseline expects its all-day level (the
    // night is within one spread of it), so the ramp must first climb past that.
    expect(ramp?.startedAt).toBeGreaterThanOrEqual(rampFrom);
    expect(ramp?.startedAt).toBeLessThan(outageAt - 2 * HOUR);
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
