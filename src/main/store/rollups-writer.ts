// Keeps the minute, hour and day buckets current as checks are written, inside the caller's write
// transaction: charts and retention never need a batch job, and a crash cannot leave rollups that
// disagree with the raw chunks. Buckets are aligned to UTC; whole-hour time zones can build local
// days from hour buckets.
import type Database from 'better-sqlite3';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../shared/time';
import { addCheck, emptyAggregate, mergeAggregate, mergeIntoBlob, type Aggregate } from './rollups-codec';

export const dayStartOf = (ts: number): number => Math.floor(ts / DAY_MS) * DAY_MS;

export interface RollupInput {
  ts: number;
  ok: boolean;
  rttUnits: number | null;
}

export interface RollupWriter {
  /** Adds checks that all fall in the hour starting at `hourStart` to all three tiers. */
  addChecks(key: number, hourStart: number, checks: readonly RollupInput[]): void;
  /** Folds per-minute aggregates (minute index 0..59 -> aggregate) into one endpoint-hour row. */
  addToMinutes(key: number, hourStart: number, minutes: ReadonlyMap<number, Aggregate>): void;
  addToHour(key: number, hourStart: number, aggregate: Aggregate): void;
  addToDay(key: number, dayStart: number, aggregate: Aggregate): void;
}

export function createRollupWriter(db: Database.Database): RollupWriter {
  const selectMinutes = db.prepare<[number, number], { data: Uint8Array }>(
    'SELECT data FROM rollup_minute WHERE endpoint_key = ? AND hour_start = ?',
  );
  const upsertMinutes = db.prepare<[number, number, Buffer]>(
    `INSERT INTO rollup_minute (endpoint_key, hour_start, data) VALUES (?, ?, ?)
     ON CONFLICT (endpoint_key, hour_start) DO UPDATE SET data = excluded.data`,
  );
  const selectHours = db.prepare<[number, number], { data: Uint8Array }>(
    'SELECT data FROM rollup_hour WHERE endpoint_key = ? AND day_start = ?',
  );
  const upsertHours = db.prepare<[number, number, Buffer]>(
    `INSERT INTO rollup_hour (endpoint_key, day_start, data) VALUES (?, ?, ?)
     ON CONFLICT (endpoint_key, day_start) DO UPDATE SET data = excluded.data`,
  );
  // SQLite's two-argument min()/max() return NULL if either side is NULL, hence the coalesce.
  const upsertDay = db.prepare<
    [number, number, number, number, number, number | null, number, number | null]
  >(
    `INSERT INTO rollup_day (endpoint_key, day_start, count, ok_count, rtt_count, rtt_min, rtt_sum, rtt_max)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (endpoint_key, day_start) DO UPDATE SET
       count = count + excluded.count,
       ok_count = ok_count + excluded.ok_count,
       rtt_count = rtt_count + excluded.rtt_count,
       rtt_min = min(coalesce(rtt_min, excluded.rtt_min), coalesce(excluded.rtt_min, rtt_min)),
       rtt_sum = rtt_sum + excluded.rtt_sum,
       rtt_max = max(coalesce(rtt_max, excluded.rtt_max), coalesce(excluded.rtt_max, rtt_max))`,
  );

  const addToMinutes = (key: number, hourStart: number, minutes: ReadonlyMap<number, Aggregate>): void => {
    if (minutes.size === 0) return;
    const data = selectMinutes.get(key, hourStart)?.data;
    upsertMinutes.run(key, hourStart, mergeIntoBlob(data, 60, minutes));
  };
  const addToHour = (key: number, hourStart: number, aggregate: Aggregate): void => {
    if (aggregate.count === 0) return;
    const dayStart = dayStartOf(hourStart);
    const data = selectHours.get(key, dayStart)?.data;
    const slot = (hourStart - dayStart) / HOUR_MS;
    upsertHours.run(key, dayStart, mergeIntoBlob(data, 24, new Map([[slot, aggregate]])));
  };
  const addToDay = (key: number, dayStart: number, a: Aggregate): void => {
    if (a.count === 0) return;
    upsertDay.run(key, dayStart, a.count, a.okCount, a.rttCount, a.rttMin, a.rttSum, a.rttMax);
  };

  return {
    addToMinutes,
    addToHour,
    addToDay,
    addChecks(key, hourStart, checks) {
      const minutes = new Map<number, Aggregate>();
      for (const check of checks) {
        const minute = Math.floor((check.ts - hourStart) / MINUTE_MS);
        let bucket = minutes.get(minute);
        if (!bucket) minutes.set(minute, (bucket = emptyAggregate()));
        addCheck(bucket, check.ok, check.rttUnits);
      }
      let hour: Aggregate = emptyAggregate();
      for (const bucket of minutes.values()) hour = mergeAggregate(hour, bucket);
      addToMinutes(key, hourStart, minutes);
      addToHour(key, hourStart, hour);
      addToDay(key, dayStartOf(hourStart), hour);
    },
  };
}
