import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckRecord, RollupBucket, Store } from '@src/main/store';
import { useTempStores } from '../../../support/temp-store';

const MIN = 60_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const T0 = Date.UTC(2025, 2, 3); // midnight UTC: a minute, hour and day boundary

const check = (ts: number, ok: boolean, rttMs: number | null): CheckRecord => ({
  endpointId: 'plc-1',
  ts,
  ok,
  rttMs,
  errorKind: ok ? null : 'http',
  error: ok ? null : 'status 500',
});

const bucket = (
  start: number,
  count: number,
  okCount: number,
  rtt: [number, number, number] | null,
  rttCount = count,
): RollupBucket => ({
  start,
  count,
  okCount,
  rttCount,
  rttMinMs: rtt?.[0] ?? null,
  rttAvgMs: rtt?.[1] ?? null,
  rttMaxMs: rtt?.[2] ?? null,
});

describe('rollups', () => {
  const tempStore = useTempStores();
  let store: Store;
  beforeEach(() => {
    ({ store } = tempStore());
    // Written in small batches, out of order across batches, so every bucket is merged more than once.
    store.checks.insertMany([check(T0, true, 1), check(T0 + 10_000, true, 3)]);
    store.checks.insertMany([check(T0 + 20_000, false, null), check(T0 + MIN, true, 2.5)]);
    store.checks.insertMany([check(T0 + HOUR + 15_000, false, 20)]);
    store.checks.insertMany([check(T0 + HOUR + 5_000, true, 10), check(T0 + DAY + 1_000, true, 0.3)]);
    // A repeat of a stored check changes nothing (first write wins).
    store.checks.insertMany([check(T0 + 10_000, true, 99)]);
  });

  it('builds minute buckets: count, loss and RTT min/avg/max over the checks that had an RTT', () => {
    expect(store.rollups.series('plc-1', 'minute', T0, T0 + 2 * DAY)).toEqual([
      bucket(T0, 3, 2, [1, 2, 3], 2),
      bucket(T0 + MIN, 1, 1, [2.5, 2.5, 2.5]),
      bucket(T0 + HOUR, 2, 1, [10, 15, 20]),
      bucket(T0 + DAY, 1, 1, [0.3, 0.3, 0.3]),
    ]);
  });

  it('finds the first hour with data in a span, as the hour series would, reading only its first days', () => {
    const first = (from: number, to: number) =>
      store.rollups.series('plc-1', 'hour', from, to)[0]?.start ?? null;
    for (const [from, to] of [
      [T0 - DAY, T0 + 3 * DAY],
      [T0 + 1, T0 + 3 * DAY],
      [T0 + HOUR + 1, T0 + 3 * DAY],
      [T0 + HOUR + 1, T0 + DAY],
      [T0 + 2 * DAY, T0 + 3 * DAY],
    ] as const) {
      expect(store.rollups.firstHourStart('plc-1', from, to)).toBe(first(from, to));
    }
    expect(store.rollups.firstHourStart('plc-1', T0 + 1, T0 + 3 * DAY)).toBe(T0 + HOUR);
    expect(store.rollups.firstHourStart('unknown', T0, T0 + DAY)).toBeNull();
  });

  it('builds hour buckets from the same checks', () => {
    const hours = store.rollups.series('plc-1', 'hour', T0, T0 + 2 * DAY);
    expect(hours).toEqual([
      bucket(T0, 4, 3, [1, 6.5 / 3, 3], 3),
      bucket(T0 + HOUR, 2, 1, [10, 15, 20]),
      bucket(T0 + DAY, 1, 1, [0.3, 0.3, 0.3]),
    ]);
    const first = hours[0];
    expect(first && 1 - first.okCount / first.count).toBeCloseTo(0.25, 12);
  });

  it('builds day buckets from the same checks', () => {
    expect(store.rollups.series('plc-1', 'day', T0, T0 + 2 * DAY)).toEqual([
      bucket(T0, 6, 4, [1, 36.5 / 5, 20], 5),
      bucket(T0 + DAY, 1, 1, [0.3, 0.3, 0.3]),
    ]);
  });

  it('returns the buckets whose start lies in [from, to), and nothing for unknown endpoints', () => {
    expect(store.rollups.series('plc-1', 'minute', T0 + MIN, T0 + HOUR).map((b) => b.start)).toEqual([
      T0 + MIN,
    ]);
    expect(store.rollups.series('plc-1', 'minute', T0 + 1, T0 + MIN)).toEqual([]);
    expect(store.rollups.series('plc-1', 'hour', T0 + HOUR, T0 + DAY + 1).map((b) => b.start)).toEqual([
      T0 + HOUR,
      T0 + DAY,
    ]);
    expect(store.rollups.series('plc-1', 'day', T0 + 1, T0 + DAY + 1).map((b) => b.start)).toEqual([
      T0 + DAY,
    ]);
    expect(store.rollups.series('nobody', 'day', 0, T0 + 2 * DAY)).toEqual([]);
    expect(store.rollups.series('plc-1', 'day', T0 + DAY, T0)).toEqual([]);
  });

  it('keeps a month of healthy minute buckets compact (one small blob per endpoint-hour)', () => {
    const checks = Array.from({ length: 360 }, (_, i) => ({
      ...check(T0 + 2 * DAY + i * 10_000, true, 5 + (i % 7) / 10),
      endpointId: 'hmi-9',
    }));
    for (let start = 0; start < checks.length; start += 6)
      store.checks.insertMany(checks.slice(start, start + 6));
    const row = store.db
      .prepare(
        "SELECT length(data) AS bytes FROM rollup_minute JOIN endpoint_keys USING (endpoint_key) WHERE endpoint_id = 'hmi-9'",
      )
      .get() as { bytes: number };
    expect(row.bytes).toBeLessThan(60 * 7 + 8);
    expect(store.rollups.series('hmi-9', 'minute', 0, T0 + 3 * DAY)).toHaveLength(60);
  });
});
