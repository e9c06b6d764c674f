// Shapes RTT buckets into a SmokePing-style band for ECharts: an invisible series at the minimum
// with the spread (max - min) stacked on top of it draws the band, the average is a line through
// it and loss is a bar series on its own axis. Where buckets are missing (no checks: a gap in
// monitoring) a null point is inserted so lines break instead of bridging the gap.
import type { RttSeries } from '../../../../shared/contract';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../../../shared/time';

export type Point = [time: number, value: number | null];

export interface RttBand {
  min: Point[];
  spread: Point[];
  avg: Point[];
  max: Point[];
  /** Loss in percent (0-100) per bucket. */
  lossPercent: Point[];
  /** Buckets that held any check; zero means there is nothing to draw. */
  bucketCount: number;
  /** Highest max RTT, to size the axis; null when no bucket had a reply. */
  peakMs: number | null;
}

type Bucket = RttSeries['buckets'][number];

/** A gap is more than this many bucket lengths between two bucket starts. */
const GAP_BUCKETS = 1.5;

export function shapeRttBand(buckets: readonly Bucket[], bucketMs: number): RttBand {
  const band: RttBand = {
    min: [],
    spread: [],
    avg: [],
    max: [],
    lossPercent: [],
    bucketCount: 0,
    peakMs: null,
  };
  const sorted = [...buckets].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  let previous: number | null = null;
  for (const bucket of sorted) {
    const at = Date.parse(bucket.start);
    if (Number.isNaN(at) || bucket.count === 0) continue;
    if (previous !== null && at - previous > GAP_BUCKETS * bucketMs) {
      const gapAt = previous + bucketMs;
      for (const series of [band.min, band.spread, band.avg, band.max, band.lossPercent])
        series.push([gapAt, null]);
    }
    previous = at;
    band.bucketCount++;
    const { rttMinMs: min, rttAvgMs: avg, rttMaxMs: max } = bucket;
    const hasRtt = min !== null && max !== null;
    band.min.push([at, hasRtt ? min : null]);
    band.spread.push([at, hasRtt ? Math.max(0, max - min) : null]);
    band.avg.push([at, avg]);
    band.max.push([at, max]);
    band.lossPercent.push([at, Math.round(bucket.loss * 1000) / 10]);
    if (max !== null) band.peakMs = Math.max(band.peakMs ?? 0, max);
  }
  return band;
}

export const RTT_RANGES = {
  '1h': { label: 'Last hour', spanMs: HOUR_MS, resolution: 'minute', bucketMs: MINUTE_MS },
  '24h': { label: 'Last 24 hours', spanMs: DAY_MS, resolution: 'minute', bucketMs: MINUTE_MS },
  '7d': { label: 'Last 7 days', spanMs: 7 * DAY_MS, resolution: 'hour', bucketMs: HOUR_MS },
} as const;
export type RttRange = keyof typeof RTT_RANGES;
