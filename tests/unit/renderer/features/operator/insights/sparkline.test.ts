// The Insights sparkline: the usual band from the minutes before the first warning, a broken line
// where a bucket has no RTT, nothing to draw without any RTT.
import { describe, expect, it } from 'vitest';
import { shapeSparkline } from '@src/renderer/features/operator/insights/sparkline';

const T0 = Date.parse('2026-01-05T00:00:00Z');
const bucket = (minute: number, rtt: number | null) => ({
  start: new Date(T0 + minute * 60_000).toISOString(),
  count: 2,
  okCount: rtt === null ? 0 : 2,
  loss: rtt === null ? 1 : 0,
  rttMinMs: rtt,
  rttAvgMs: rtt,
  rttMaxMs: rtt,
});
const WINDOW = { from: T0, to: T0 + 20 * 60_000 };
const SIZE = { width: 200, height: 22 };

describe('shapeSparkline', () => {
  it('draws the usual band from before the first warning and the rise above it', () => {
    const buckets = [...Array.from({ length: 10 }, (_, m) => bucket(m, 1)), bucket(10, 20), bucket(11, 20)];
    const spark = shapeSparkline(buckets, WINDOW, T0 + 10 * 60_000, 1, SIZE);
    expect(spark.peakMs).toBe(20);
    // 1 ms of a 22 ms scale sits near the bottom; the band and the baseline are there.
    expect(spark.band?.bottom).toBeCloseTo(1 + 20 * (1 - 1 / 22), 5);
    expect(spark.baselineY).toBeCloseTo(spark.band?.top ?? 0, 5);
    expect(spark.path.startsWith('M0.0 ')).toBe(true);
    expect(spark.path.split('M')).toHaveLength(2);
  });

  it('breaks the line at a bucket without RTT, and draws nothing without any RTT', () => {
    const spark = shapeSparkline([bucket(0, 1), bucket(1, null), bucket(2, 1)], WINDOW, null, null, SIZE);
    expect(spark.path.split('M')).toHaveLength(3);
    expect(spark.baselineY).toBeNull();
    expect(shapeSparkline([bucket(0, null)], WINDOW, null, null, SIZE)).toEqual({
      path: '',
      band: null,
      baselineY: null,
      peakMs: null,
    });
  });
});
