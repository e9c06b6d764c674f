// Deletes what each tier no longer needs, so the database stops growing: raw chunks after a week,
// minute buckets after a month, hour and day buckets after years. Outages and state changes are
// never pruned here (KPIs are computed from them).
//
// A row goes once its whole period ended at or before `now - days`: a raw chunk or minute row when
// its hour is over by then, an hour or day row when its day is. Deletes run in bounded batches,
// each its own short transaction, so a large backlog never holds the write lock for long.
//
// The policy is the config's (`retention:`, in days); its one default lives there too.
import type Database from 'better-sqlite3';
import { DAY_MS, HOUR_MS } from '../../shared/time';
import type { Clock } from '../clock/clock';
import type { RetentionPolicy } from '../config';
import { hourStartOf } from './check-chunks-reader';

export interface PruneResult {
  deletedChunks: number;
  deletedMinute: number;
  deletedHour: number;
  deletedDay: number;
  /** False when `maxRows` ran out first; call again to continue. */
  complete: boolean;
}

export interface Retention {
  readonly policy: RetentionPolicy;
  /** Deletes expired rows, at most about `maxRows` of them (failure texts not counted). */
  prune(nowMs: number, maxRows?: number): PruneResult;
}

const BATCH_ROWS = 2_000;

export function createRetention(db: Database.Database, policy: RetentionPolicy): Retention {
  for (const [name, days] of Object.entries(policy)) {
    if (typeof days !== 'number' || !Number.isFinite(days) || days <= 0)
      throw new RangeError(`retention ${name} must be a positive number of days, got ${String(days)}`);
  }
  const batch = (sql: string) => db.prepare<[number, number]>(sql);
  const deleteChunks = batch(
    `DELETE FROM check_chunks WHERE rowid IN (SELECT rowid FROM check_chunks WHERE hour_start <= ? LIMIT ?)`,
  );
  const deleteFailures = batch(
    `DELETE FROM check_failures WHERE (endpoint_key, ts) IN
       (SELECT endpoint_key, ts FROM check_failures WHERE ts < ? LIMIT ?)`,
  );
  const deleteMinutes = batch(
    `DELETE FROM rollup_minute WHERE (endpoint_key, hour_start) IN
       (SELECT endpoint_key, hour_start FROM rollup_minute WHERE hour_start <= ? LIMIT ?)`,
  );
  const deleteHours = batch(
    `DELETE FROM rollup_hour WHERE (endpoint_key, day_start) IN
       (SELECT endpoint_key, day_start FROM rollup_hour WHERE day_start <= ? LIMIT ?)`,
  );
  const deleteDays = batch(
    `DELETE FROM rollup_day WHERE (endpoint_key, day_start) IN
       (SELECT endpoint_key, day_start FROM rollup_day WHERE day_start <= ? LIMIT ?)`,
  );

  return {
    policy: { ...policy },
    prune(nowMs, maxRows = Number.POSITIVE_INFINITY) {
      let budget = maxRows;
      // drain() clears it; `as boolean` keeps TypeScript from narrowing it to true for good.
      let complete = true as boolean;
      /** Deletes with `statement` until nothing is left below `bound` or the budget is spent. */
      const drain = (statement: Database.Statement<[number, number]>, bound: number, counted = true) => {
        let deleted = 0;
        for (;;) {
          if (counted && budget <= 0) {
            complete = false;
            return deleted;
          }
          const limit = counted ? Math.min(BATCH_ROWS, budget) : BATCH_ROWS;
          const { changes } = statement.run(bound, limit);
          deleted += changes;
          if (counted) budget -= changes;
          if (changes < limit) return deleted;
        }
      };
      const cutoff = (days: number): number => nowMs - days * DAY_MS;
      const rawCutoff = cutoff(policy.rawDays);
      const deletedChunks = drain(deleteChunks, rawCutoff - HOUR_MS);
      // Failure texts belong to the chunks just deleted: everything before the first kept hour.
      if (complete) drain(deleteFailures, hourStartOf(rawCutoff), false);
      return {
        deletedChunks,
        deletedMinute: drain(deleteMinutes, cutoff(policy.minuteDays) - HOUR_MS),
        deletedHour: drain(deleteHours, cutoff(policy.hourDays) - DAY_MS),
        deletedDay: drain(deleteDays, cutoff(policy.dayDays) - DAY_MS),
        complete,
      };
    },
  };
}

/**
 * Prunes soon after start and then every `everyMs`, on the injected clock. A backlog (first start
 * after a long shutdown) is worked off `rowsPerStep` at a time with a zero-delay pause in between,
 * so the monitor's writes keep flowing. Returns a function that stops the schedule.
 */
export function schedulePruning(
  clock: Pick<Clock, 'now' | 'after'>,
  retention: Retention,
  everyMs = 10 * 60_000,
  options: { rowsPerStep?: number; onError?: (error: unknown) => void } = {},
): () => void {
  let stopped = false;
  // Read through a function: onError may stop the schedule, which narrowing in run() cannot see.
  const isStopped = (): boolean => stopped;
  const run = (): void => {
    if (stopped) return;
    let complete = true;
    try {
      complete = retention.prune(clock.now(), options.rowsPerStep ?? 10_000).complete;
    } catch (error) {
      // A busy database (another process holding the lock) is retried at the next period.
      options.onError?.(error);
    }
    if (!isStopped()) timer = clock.after(complete ? everyMs : 0, run);
  };
  let timer = clock.after(0, run);
  return () => {
    stopped = true;
    timer.cancel();
  };
}
