import { describe, expect, it } from 'vitest';
import { shapeRttBand } from '@src/renderer/features/operator/endpoint/rtt-band';
import { availabilityDelta, weekTrend } from '@src/renderer/features/operator/kpis/kpi-periods';
import { formatAvailability as formatPercent, formatDuration as formatSeconds } from '@src/shared/format';
import { currentShift } from '@src/renderer/features/operator/site-time';
import { startOfLocalDay } from '@src/shared/time';

const bucket = (start: string, min: number | null, avg: number | null, max: number | null, loss = 0) => ({
  start,
  count: 6,
  okCount: Math.round(6 * (1 - loss)),
  loss,
  rttMinMs: min,
  rttAvgMs: avg,
  rttMaxMs: max,
});
const t = (iso: string): number => Date.parse(iso);

describe('RTT band shaping', () => {
  it('stacks the spread on the minimum and converts loss to percent', () => {
    const band = shapeRttBand(
      [bucket('2026-01-05T14:01:00Z', 1, 2, 5, 0.5), bucket('2026-01-05T14:00:00Z', 2, 3, 4)],
      60_000,
    );
    expect(band.min).toEqual([
      [t('2026-01-05T14:00:00Z'), 2],
      [t('2026-01-05T14:01:00Z'), 1],
    ]);
    expect(band.spread.map((p) => p[1])).toEqual([2, 4]);
    expect(band.avg.map((p) => p[1])).toEqual([3, 2]);
    expect(band.lossPercent.map((p) => p[1])).toEqual([0, 50]);
    expect(band.peakMs).toBe(5);
    expect(band.bucketCount).toBe(2);
  });
  it('breaks the lines across a monitoring gap instead of bridging it', () => {
    const band = shapeRttBand(
      [bucket('2026-01-05T14:00:00Z', 1, 1, 1), bucket('2026-01-05T14:10:00Z', 1, 1, 1)],
      60_000,
    );
    expect(band.avg).toEqual([
      [t('2026-01-05T14:00:00Z'), 1],
      [t('2026-01-05T14:01:00Z'), null],
      [t('2026-01-05T14:10:00Z'), 1],
    ]);
  });
  it('draws no band for a bucket without replies (all lost) but keeps its loss', () => {
    const band = shapeRttBand([bucket('2026-01-05T14:00:00Z', null, null, null, 1)], 60_000);
    expect(band.spread[0]?.[1]).toBeNull();
    expect(band.lossPercent[0]?.[1]).toBe(100);
    expect(band.peakMs).toBeNull();
  });
});

describe('KPI trends', () => {
  it('folds day buckets into weeks from times, not by averaging percentages', () => {
    const day = (start: string, up: number, down: number) => ({
      start,
      availability: null,
      up_s: up,
      down_s: down,
    });
    const weeks = [t('2026-01-05T00:00:00Z'), t('2026-01-12T00:00:00Z')];
    const points = weekTrend(
      [
        day('2026-01-05T00:00:00Z', 900, 100),
        day('2026-01-06T00:00:00Z', 100, 0),
        day('2026-01-12T00:00:00Z', 0, 0),
      ],
      weeks,
      'UTC',
    );
    expect(points[0]?.value).toBeCloseTo((1000 / 1100) * 100);
    // No monitored time is no data, never 0 % or 100 %.
    expect(points[1]?.value).toBeNull();
  });
  it('states the change against the previous period in points', () => {
    expect(availabilityDelta(0.995, 0.99)).toEqual({ text: '▲ +0.50 pts', direction: 'up' });
    expect(availabilityDelta(0.98, 0.99)?.direction).toBe('down');
    expect(availabilityDelta(null, 0.99)).toBeNull();
  });
});

describe('formatting and site calendar', () => {
  it('never rounds real downtime up to 100 %', () => {
    expect(formatPercent(0.99999)).toBe('99.99 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(null)).toBe('—');
    expect(formatSeconds(3725)).toBe('1h 02m');
  });
  it('finds the local day and the shift on now, across midnight', () => {
    const now = t('2026-01-05T23:30:00Z'); // 00:30 on the 6th in Berlin
    expect(new Date(startOfLocalDay(now, 'Europe/Berlin')).toISOString()).toBe('2026-01-05T23:00:00.000Z');
    const night = { id: 'night', name: 'Night', start: '22:00', end: '06:00' };
    const early = { id: 'early', name: 'Early', start: '06:00', end: '14:00' };
    const found = currentShift([early, night], now, 'Europe/Berlin');
    expect(found?.shift.id).toBe('night');
    expect(new Date(found?.fromMs ?? 0).toISOString()).toBe('2026-01-05T21:00:00.000Z');
    expect(new Date(found?.toMs ?? 0).toISOString()).toBe('2026-01-06T05:00:00.000Z');
  });
});
