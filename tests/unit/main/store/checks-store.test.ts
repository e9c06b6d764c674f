import { beforeEach, describe, expect, it } from 'vitest';
import type { CheckRecord, Store } from '@src/main/store';
import { useTempStores, type TempStore } from '../../../support/temp-store';

const HOUR = 3_600_000;
const T0 = Date.UTC(2025, 0, 6, 8); // an hour boundary

const upCheck = (endpointId: string, ts: number, rttMs = 1.5): CheckRecord => ({
  endpointId,
  ts,
  ok: true,
  rttMs,
  errorKind: null,
  error: null,
});
const downCheck = (endpointId: string, ts: number, error = 'no reply within 1000 ms'): CheckRecord => ({
  endpointId,
  ts,
  ok: false,
  rttMs: null,
  errorKind: 'timeout',
  error,
});

describe('check store', () => {
  const tempStore = useTempStores();
  let temp: TempStore;
  let store: Store;
  beforeEach(() => {
    temp = tempStore();
    store = temp.store;
  });

  it('round-trips checks, both up and down, including nulls and booleans', () => {
    const checks = [upCheck('plc-1', 1000, 0.25), downCheck('plc-1', 2000)];
    store.checks.insertMany(checks);
    expect(store.checks.listForEndpoint('plc-1', 0, 10_000)).toEqual(checks);
  });

  it('inserts 10,000 checks in one call', () => {
    const base = 1_700_000_000_000;
    const checks = Array.from({ length: 10_000 }, (_, i) =>
      i % 7 === 0 ? downCheck(`ep-${i % 50}`, base + i) : upCheck(`ep-${i % 50}`, base + i, i / 10),
    );
    store.checks.insertMany(checks);
    expect(store.checks.count()).toBe(10_000);
    const ep3 = store.checks.listForEndpoint('ep-3', 0, Number.MAX_SAFE_INTEGER);
    expect(ep3).toEqual(checks.filter((c) => c.endpointId === 'ep-3'));
    expect(store.checks.latestPerEndpoint().size).toBe(50);
  });

  it('round-trips across hour boundaries, batches and a reopen, keeping 0.01 ms RTT resolution', () => {
    const checks: CheckRecord[] = [];
    for (let i = 0; i < 1000; i++) {
      const ts = T0 - HOUR + i * 10_000 + (i % 3); // 2.8 hours with a little scheduler jitter
      if (i % 97 === 0) checks.push(downCheck('robot-7', ts, i % 2 === 0 ? 'ECONNREFUSED' : 'timeout'));
      else
        checks.push({
          ...upCheck('robot-7', ts, (i % 500) / 100),
          rttMs: i % 50 === 0 ? null : (i % 500) / 100,
        });
    }
    for (let start = 0; start < checks.length; start += 25)
      store.checks.insertMany(checks.slice(start, start + 25));
    store = temp.reopen();
    expect(store.checks.count()).toBe(1000);
    expect(store.checks.listForEndpoint('robot-7', 0, Number.MAX_SAFE_INTEGER)).toEqual(checks);
    expect(store.checks.listForEndpoint('robot-7', T0, T0 + HOUR)).toEqual(
      checks.filter((c) => c.ts >= T0 && c.ts < T0 + HOUR),
    );
    expect(store.checks.latestPerEndpoint().get('robot-7')).toEqual(checks.at(-1));
    const chunks = store.db.prepare('SELECT COUNT(*) AS n FROM check_chunks').get() as { n: number };
    expect(chunks.n).toBe(3);
  });

  it('stores a repeated failure text once per chunk, and each change of text', () => {
    const outage = Array.from({ length: 300 }, (_, i) =>
      downCheck('cam-3', T0 + i * 10_000, i < 200 ? 'timeout' : 'host unreachable'),
    );
    for (let start = 0; start < outage.length; start += 10)
      store.checks.insertMany(outage.slice(start, start + 10));
    expect(store.checks.listForEndpoint('cam-3', T0, T0 + HOUR)).toEqual(outage);
    const texts = store.db.prepare('SELECT ts, error FROM check_failures ORDER BY ts').all();
    expect(texts).toEqual([
      { ts: T0, error: 'timeout' },
      { ts: T0 + 200 * 10_000, error: 'host unreachable' },
    ]);
  });

  it('keeps a steady 10 s check under 4 bytes in its chunk', () => {
    const checks = Array.from({ length: 360 }, (_, i) =>
      upCheck('plc-1', T0 + i * 10_000 + (i % 5), 2 + (i % 9) / 10),
    );
    for (let start = 0; start < checks.length; start += 3)
      store.checks.insertMany(checks.slice(start, start + 3));
    const row = store.db.prepare('SELECT length(data) AS bytes FROM check_chunks').get() as { bytes: number };
    expect(row.bytes / checks.length).toBeLessThan(4);
  });

  it('rolls the whole batch back when one check is invalid', () => {
    const invalid = { ...upCheck('plc-1', 3), ts: 'not a time' } as unknown as CheckRecord;
    expect(() => store.checks.insertMany([upCheck('plc-1', 1), upCheck('plc-1', 2), invalid])).toThrow();
    expect(store.checks.count()).toBe(0);
  });

  it('rolls everything back (chunks, keys, texts, rollups) when the database fails mid-batch', () => {
    store.db.exec(`CREATE TEMP TRIGGER fail_second_hour BEFORE INSERT ON main.check_chunks
      WHEN NEW.hour_start = ${T0 + HOUR} BEGIN SELECT RAISE(ABORT, 'disk says no'); END`);
    const batch = [downCheck('new-ep', T0), upCheck('plc-1', T0 + 5), upCheck('plc-1', T0 + HOUR + 5)];
    expect(() => store.checks.insertMany(batch)).toThrow(/disk says no/);
    for (const table of [
      'check_chunks',
      'check_failures',
      'endpoint_keys',
      'rollup_minute',
      'rollup_hour',
      'rollup_day',
    ]) {
      expect(store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
    }
    store.db.exec('DROP TRIGGER temp.fail_second_hour');
    store.checks.insertMany(batch);
    expect(store.checks.listForEndpoint('new-ep', 0, T0 + 2 * HOUR)).toEqual([downCheck('new-ep', T0)]);
    expect(store.checks.count()).toBe(3);
  });

  it('returns the newest check of every endpoint', () => {
    store.checks.insertMany([
      upCheck('plc-1', 1000),
      downCheck('plc-1', 3000),
      upCheck('plc-1', 2000),
      upCheck('hmi-2', 500, 9),
    ]);
    const latest = store.checks.latestPerEndpoint();
    expect([...latest.keys()].sort()).toEqual(['hmi-2', 'plc-1']);
    expect(latest.get('plc-1')).toEqual(downCheck('plc-1', 3000));
    expect(latest.get('hmi-2')).toEqual(upCheck('hmi-2', 500, 9));
  });

  it('ignores a repeated (endpoint, ts): the first write wins, in one batch and across batches', () => {
    store.checks.insertMany([upCheck('plc-1', 1000), downCheck('plc-1', 1000)]);
    store.checks.insertMany([upCheck('plc-1', 1000, 4), upCheck('plc-1', 500, 3)]);
    expect(store.checks.count()).toBe(2);
    expect(store.checks.listForEndpoint('plc-1', 0, 2000)).toEqual([
      upCheck('plc-1', 500, 3),
      upCheck('plc-1', 1000),
    ]);
    const day = store.rollups.series('plc-1', 'day', 0, HOUR);
    expect(day.map((b) => [b.count, b.okCount, b.rttMinMs, b.rttMaxMs])).toEqual([[2, 2, 1.5, 3]]);
  });

  it('merges late (out-of-order) checks into an existing chunk, keeping failure texts', () => {
    store.checks.insertMany([upCheck('plc-1', T0 + 20_000), downCheck('plc-1', T0 + 40_000, 'late text')]);
    store.checks.insertMany([
      downCheck('plc-1', T0 + 10_000, 'early'),
      downCheck('plc-1', T0 + 30_000, 'late text'),
    ]);
    expect(store.checks.listForEndpoint('plc-1', T0, T0 + HOUR)).toEqual([
      downCheck('plc-1', T0 + 10_000, 'early'),
      upCheck('plc-1', T0 + 20_000),
      downCheck('plc-1', T0 + 30_000, 'late text'),
      downCheck('plc-1', T0 + 40_000, 'late text'),
    ]);
    store.checks.insertMany([downCheck('plc-1', T0 + 50_000, 'late text')]);
    expect(store.checks.latestPerEndpoint().get('plc-1')).toEqual(
      downCheck('plc-1', T0 + 50_000, 'late text'),
    );
  });

  it('lists one endpoint in [from, to) oldest first', () => {
    store.checks.insertMany([
      upCheck('plc-1', 300),
      upCheck('plc-1', 100),
      upCheck('plc-1', 200),
      upCheck('plc-2', 150),
    ]);
    expect(store.checks.listForEndpoint('plc-1', 100, 300).map((c) => c.ts)).toEqual([100, 200]);
    expect(store.checks.listForEndpoint('plc-1', 300, 100)).toEqual([]);
    expect(store.checks.listForEndpoint('nobody', 0, 1000)).toEqual([]);
  });

  it('accepts an empty batch and reports an empty store', () => {
    store.checks.insertMany([]);
    expect(store.checks.count()).toBe(0);
    expect(store.checks.latestPerEndpoint().size).toBe(0);
  });
});
