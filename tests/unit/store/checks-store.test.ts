import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type CheckRecord, type Store } from '../../../src/main/store';
import { useTempDataDirs } from './temp-data-dir';

const upCheck = (endpointId: string, ts: number, rttMs = 1.5): CheckRecord => ({
  endpointId,
  ts,
  ok: true,
  rttMs,
  errorKind: null,
  error: null,
});
const downCheck = (endpointId: string, ts: number): CheckRecord => ({
  endpointId,
  ts,
  ok: false,
  rttMs: null,
  errorKind: 'timeout',
  error: 'no reply within 1000 ms',
});

describe('check store', () => {
  const newTempDir = useTempDataDirs();
  let store: Store;
  beforeEach(() => {
    store = openStore(path.join(newTempDir(), 'data'));
  });
  afterEach(() => store.close());

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
    expect(store.checks.listForEndpoint('ep-3', 0, Number.MAX_SAFE_INTEGER)).toHaveLength(200);
    expect(store.checks.latestPerEndpoint().size).toBe(50);
  });

  it('rolls the whole batch back when one check is invalid', () => {
    const invalid = { ...upCheck('plc-1', 3), ts: 'not a time' } as unknown as CheckRecord;
    expect(() => store.checks.insertMany([upCheck('plc-1', 1), upCheck('plc-1', 2), invalid])).toThrow();
    expect(store.checks.count()).toBe(0);
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

  it('replaces a repeated (endpoint, ts) instead of failing', () => {
    store.checks.insertMany([upCheck('plc-1', 1000), downCheck('plc-1', 1000)]);
    store.checks.insertMany([upCheck('plc-1', 1000, 4)]);
    expect(store.checks.count()).toBe(1);
    expect(store.checks.listForEndpoint('plc-1', 0, 2000)).toEqual([upCheck('plc-1', 1000, 4)]);
  });

  it('lists one endpoint in [from, to) oldest first', () => {
    store.checks.insertMany([
      upCheck('plc-1', 300),
      upCheck('plc-1', 100),
      upCheck('plc-1', 200),
      upCheck('plc-2', 150),
    ]);
    expect(store.checks.listForEndpoint('plc-1', 100, 300).map((c) => c.ts)).toEqual([100, 200]);
    expect(store.checks.listForEndpoint('nobody', 0, 1000)).toEqual([]);
  });

  it('accepts an empty batch and reports an empty store', () => {
    store.checks.insertMany([]);
    expect(store.checks.count()).toBe(0);
    expect(store.checks.latestPerEndpoint().size).toBe(0);
  });
});
