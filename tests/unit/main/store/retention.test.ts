import { beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import {
  createRetention,
  schedulePruning,
  type CheckRecord,
  type PruneResult,
  type Retention,
  type Store,
} from '@src/main/store';
import { useTempStores } from '../../../support/temp-store';

const HOUR = 3_600_000;
const DAY = 86_400_000;
const BASE = Date.UTC(2025, 0, 1);
const NOW = BASE + 6 * DAY;
const policy = { rawDays: 1, minuteDays: 2, hourDays: 3, dayDays: 4 };

const hourly = (i: number): CheckRecord => ({
  endpointId: 'plc-1',
  ts: BASE + i * HOUR + 1_000,
  ok: i !== 119 && i !== 120,
  rttMs: 2,
  errorKind: i === 119 || i === 120 ? 'timeout' : null,
  error: i === 119 || i === 120 ? `failure ${i}` : null,
});

describe('retention', () => {
  const tempStore = useTempStores();
  let store: Store;
  const rows = (table: string): number =>
    (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  beforeEach(() => {
    ({ store } = tempStore());
    // One check an hour for 6 days: 144 chunks, 144 minute rows, 6 hour rows, 6 day rows.
    store.checks.insertMany(Array.from({ length: 144 }, (_, i) => hourly(i)));
  });

  it('deletes exactly the rows whose whole period ended before now - days, tier by tier', () => {
    const retention = createRetention(store.db, policy);
    // One millisecond early, the last hour of the raw tier is not over yet.
    expect(retention.prune(NOW - 1)).toEqual({
      deletedChunks: 119,
      deletedMinute: 95,
      deletedHour: 2,
      deletedDay: 1,
      complete: true,
    });
    const result: PruneResult = retention.prune(NOW);
    expect(result).toEqual({
      deletedChunks: 1,
      deletedMinute: 1,
      deletedHour: 1,
      deletedDay: 1,
      complete: true,
    });
    expect(retention.prune(NOW + HOUR - 1)).toEqual({
      deletedChunks: 0,
      deletedMinute: 0,
      deletedHour: 0,
      deletedDay: 0,
      complete: true,
    });

    expect([rows('check_chunks'), rows('rollup_minute'), rows('rollup_hour'), rows('rollup_day')]).toEqual([
      24, 48, 3, 4,
    ]);
    const kept = store.checks.listForEndpoint('plc-1', 0, Number.MAX_SAFE_INTEGER);
    expect(kept.map((c) => c.ts)).toEqual(Array.from({ length: 24 }, (_, i) => hourly(120 + i).ts));
    expect(kept[0]).toEqual(hourly(120)); // its failure text survived, the one of hour 119 did not
    expect(store.db.prepare('SELECT error FROM check_failures').all()).toEqual([{ error: 'failure 120' }]);
    expect(store.rollups.series('plc-1', 'minute', 0, NOW)[0]?.start).toBe(BASE + 96 * HOUR);
    expect(store.rollups.series('plc-1', 'hour', 0, NOW)[0]?.start).toBe(BASE + 3 * DAY);
    expect(store.rollups.series('plc-1', 'day', 0, NOW).map((b) => b.start)).toEqual(
      [2, 3, 4, 5].map((d) => BASE + d * DAY),
    );
  });

  it('works in bounded steps when given a row budget', () => {
    const retention = createRetention(store.db, policy);
    const first = retention.prune(NOW, 50);
    expect(first).toMatchObject({ deletedChunks: 50, complete: false });
    let total = first.deletedChunks + first.deletedMinute + first.deletedHour + first.deletedDay;
    for (let step = 0; step < 10; step++) {
      const next = retention.prune(NOW, 50);
      total += next.deletedChunks + next.deletedMinute + next.deletedHour + next.deletedDay;
      if (next.complete) break;
    }
    expect(total).toBe(120 + 96 + 3 + 2);
    expect(rows('check_failures')).toBe(1);
  });

  it('refuses a policy with a non-positive tier', () => {
    expect(() => createRetention(store.db, { ...policy, minuteDays: 0 })).toThrow(/minuteDays/);
  });

  it('schedules itself: at start, stepping through a backlog, then every period until stopped', () => {
    const clock = new ManualClock(NOW);
    const calls: number[] = [];
    const fake: Retention = {
      policy,
      prune(nowMs) {
        calls.push(nowMs);
        const complete = calls.length !== 1; // the first run finds a backlog
        return { deletedChunks: 0, deletedMinute: 0, deletedHour: 0, deletedDay: 0, complete };
      },
    };
    const stop = schedulePruning(clock, fake, 10 * 60_000);
    clock.advance(0);
    expect(calls).toEqual([NOW, NOW]);
    clock.advance(10 * 60_000);
    expect(calls).toEqual([NOW, NOW, NOW + 10 * 60_000]);
    stop();
    clock.advance(60 * 60_000);
    expect(calls).toHaveLength(3);
  });

  it('prunes the real store on the schedule', () => {
    const clock = new ManualClock(NOW);
    const stop = schedulePruning(clock, createRetention(store.db, policy));
    clock.advance(0);
    stop();
    expect(rows('check_chunks')).toBe(24);
  });
});
