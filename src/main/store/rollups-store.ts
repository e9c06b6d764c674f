// Reads the minute/hour/day buckets that insertMany keeps current (rollups-writer.ts). Charts use
// these instead of raw checks: a 30-day minute chart is 720 small blobs, a year of days 365 rows.
import type Database from 'better-sqlite3';
import { HOUR_MS, MINUTE_MS } from '../../shared/time';
import { createEndpointKeys } from './check-chunks-endpoint-keys';
import { hourStartOf } from './check-chunks-reader';
import { RTT_UNITS_PER_MS } from './check-chunks-codec';
import { decodeSlots, firstPresentSlot, type Aggregate } from './rollups-codec';
import { dayStartOf } from './rollups-writer';

export type RollupResolution = 'minute' | 'hour' | 'day';

export interface RollupBucket {
  /** Epoch ms of the bucket start (UTC-aligned). */
  start: number;
  count: number;
  /** Loss = 1 - okCount / count. */
  okCount: number;
  /** Checks that measured an RTT; the weight of rttAvgMs when buckets are combined. */
  rttCount: number;
  rttMinMs: number | null;
  rttAvgMs: number | null;
  rttMaxMs: number | null;
}

export interface RollupStore {
  /** Non-empty buckets of one endpoint whose start lies in [fromMs, toMs), oldest first. */
  series(endpointId: string, resolution: RollupResolution, fromMs: number, toMs: number): RollupBucket[];
  /**
   * The start of the endpoint's first non-empty hour bucket in [fromMs, toMs), or null: when its
   * data begins, without decoding every day in between (reads at most a few rows).
   */
  firstHourStart(endpointId: string, fromMs: number, toMs: number): number | null;
}

interface BlobRow {
  period_start: number;
  data: Uint8Array;
}

interface DayRow {
  day_start: number;
  count: number;
  ok_count: number;
  rtt_count: number;
  rtt_min: number | null;
  rtt_sum: number;
  rtt_max: number | null;
}

const toMs = (units: number | null): number | null => (units === null ? null : units / RTT_UNITS_PER_MS);

export function toBucket(start: number, a: Aggregate): RollupBucket {
  return {
    start,
    count: a.count,
    okCount: a.okCount,
    rttCount: a.rttCount,
    rttMinMs: toMs(a.rttMin),
    rttAvgMs: a.rttCount > 0 ? a.rttSum / a.rttCount / RTT_UNITS_PER_MS : null,
    rttMaxMs: toMs(a.rttMax),
  };
}

export function createRollupStore(db: Database.Database): RollupStore {
  const keys = createEndpointKeys(db);
  const selectMinuteRows = db.prepare<[number, number, number], BlobRow>(
    `SELECT hour_start AS period_start, data FROM rollup_minute
     WHERE endpoint_key = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start`,
  );
  const selectHourRows = db.prepare<[number, number, number], BlobRow>(
    `SELECT day_start AS period_start, data FROM rollup_hour
     WHERE endpoint_key = ? AND day_start >= ? AND day_start < ? ORDER BY day_start`,
  );
  const selectDayRows = db.prepare<[number, number, number], DayRow>(
    `SELECT day_start, count, ok_count, rtt_count, rtt_min, rtt_sum, rtt_max FROM rollup_day
     WHERE endpoint_key = ? AND day_start >= ? AND day_start < ? ORDER BY day_start`,
  );

  // The first two days with hour buckets from a day on: where an endpoint's data begins.
  const selectHourRowsFrom = db.prepare<[number, number, number], BlobRow>(
    `SELECT day_start AS period_start, data FROM rollup_hour
     WHERE endpoint_key = ? AND day_start >= ? AND day_start < ? ORDER BY day_start LIMIT 2`,
  );

  const unpack = (rows: BlobRow[], slotCount: number, slotMs: number, fromMs: number, untilMs: number) =>
    rows.flatMap((row) =>
      decodeSlots(row.data, slotCount).flatMap((slot, index) => {
        const start = row.period_start + index * slotMs;
        return slot && start >= fromMs && start < untilMs ? [toBucket(start, slot)] : [];
      }),
    );

  return {
    firstHourStart(endpointId, fromMs, untilMs) {
      const key = keys.find(endpointId);
      if (key === undefined) return null;
      // Only the first day row can hold hours before fromMs, so two rows always answer.
      for (const row of selectHourRowsFrom.all(key, dayStartOf(fromMs), untilMs)) {
        const index = firstPresentSlot(row.data, 24, Math.ceil((fromMs - row.period_start) / HOUR_MS));
        const start = row.period_start + index * HOUR_MS;
        if (index >= 0) return start < untilMs ? start : null;
      }
      return null;
    },
    series(endpointId, resolution, fromMs, untilMs) {
      const key = keys.find(endpointId);
      if (key === undefined || !(untilMs > fromMs)) return [];
      switch (resolution) {
        case 'minute':
          return unpack(
            selectMinuteRows.all(key, hourStartOf(fromMs), untilMs),
            60,
            MINUTE_MS,
            fromMs,
            untilMs,
          );
        case 'hour':
          return unpack(selectHourRows.all(key, dayStartOf(fromMs), untilMs), 24, HOUR_MS, fromMs, untilMs);
        case 'day':
          return selectDayRows.all(key, fromMs, untilMs).map((row) =>
            toBucket(row.day_start, {
              count: row.count,
              okCount: row.ok_count,
              rttCount: row.rtt_count,
              rttMin: row.rtt_min,
              rttSum: row.rtt_sum,
              rttMax: row.rtt_max,
            }),
          );
      }
    },
  };
}
