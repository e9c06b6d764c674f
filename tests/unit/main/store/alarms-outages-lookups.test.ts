import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openStore, type OutageRecord, type Store } from '@src/main/store';
import { IDS_PER_STATEMENT } from '@src/main/store/rows-by-ids';
import { useTempDirs, useTempStores } from '../../../support/temp-store';

const T = Date.UTC(2026, 0, 5, 21); // the instant a handover looks back from
const MINUTE = 60_000;

const outage = (id: number, startedAt: number): Omit<OutageRecord, 'acknowledgedAt'> => ({
  id,
  endpointId: `ep-${id % 7}`,
  startedAt,
  detectedAt: startedAt,
  endedAt: null,
  endedByGap: false,
  inMaintenance: false,
  secondaryOfEndpoint: null,
  secondaryOfOutage: null,
  failureKind: 'timeout',
  failureMessage: `no reply ${id}`,
});

describe('alarm and outage lookups for the handover and the outage list', () => {
  const tempStore = useTempStores();
  let store: Store;
  beforeEach(() => {
    ({ store } = tempStore());
  });

  /** An outage with its alarm raised at `raisedAt`; optionally acknowledged and cleared. */
  const alarmAt = (
    id: number,
    raisedAt: number,
    ack: number | null = null,
    cleared: number | null = null,
  ) => {
    store.outages.insert(outage(id, raisedAt));
    store.alarms.insert({ id, outageId: id, endpointId: `ep-${id % 7}`, raisedAt });
    if (ack !== null) store.alarms.acknowledge(id, ack, 'Anna', `note ${id}`);
    if (cleared !== null) store.alarms.clearForOutage(id, cleared);
  };

  it('finds the alarm of every outage that has one, across more ids than one statement binds', () => {
    const count = 2 * IDS_PER_STATEMENT + 201;
    store.transaction(() => {
      for (let id = 1; id <= count; id++) {
        // Every third outage is a secondary one and raises no alarm.
        if (id % 3 === 0) store.outages.insert(outage(id, T - id * MINUTE));
        else alarmAt(id, T - id * MINUTE);
      }
    });
    const ids = Array.from({ length: count + 5 }, (_, i) => i + 1); // the last five do not exist
    const byOutage = store.alarms.byOutage(ids);
    const expected = ids.filter((id) => id <= count && id % 3 !== 0);
    expect(byOutage.size).toBe(expected.length);
    expect([...byOutage.keys()].sort((a, b) => a - b)).toEqual(expected);
    expect(byOutage.get(count)).toEqual({
      id: count,
      outageId: count,
      endpointId: `ep-${count % 7}`,
      raisedAt: T - count * MINUTE,
      clearedAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
      note: null,
    });
    expect(store.alarms.byOutage([]).size).toBe(0);

    const briefs = store.outages.briefs(ids);
    expect(briefs.size).toBe(count);
    expect(briefs.get(IDS_PER_STATEMENT + 1)).toEqual({
      startedAt: T - (IDS_PER_STATEMENT + 1) * MINUTE,
      failureMessage: `no reply ${IDS_PER_STATEMENT + 1}`,
    });
    expect(store.outages.briefs([]).size).toBe(0);
  });

  it('lists the alarms still open at a past instant: raised before it, not both acknowledged and cleared by it', () => {
    alarmAt(1, T - 60 * MINUTE); // never acknowledged, never cleared: open
    alarmAt(2, T - 50 * MINUTE, T - 40 * MINUTE, T - 30 * MINUTE); // dealt with before T
    alarmAt(3, T - 45 * MINUTE, T, T - MINUTE); // acknowledged exactly at T counts as acknowledged
    alarmAt(4, T - 40 * MINUTE, T + MINUTE, T - MINUTE); // acknowledged only after T: open
    alarmAt(5, T - 35 * MINUTE, T - 30 * MINUTE, T + MINUTE); // cleared only after T: open
    alarmAt(6, T - 35 * MINUTE, T - 30 * MINUTE); // acknowledged, outage still running: open
    alarmAt(7, T); // raised exactly at T belongs to the next shift
    alarmAt(8, T + MINUTE);

    const open = store.alarms.openAt(T);
    expect(open.map((a) => a.id)).toEqual([1, 4, 5, 6]); // oldest first, then by id
    expect(open.find((a) => a.id === 4)).toMatchObject({ acknowledgedAt: T + MINUTE, clearedAt: T - MINUTE });
    // "Now" the acknowledged-and-cleared ones are gone from the operator's list as well.
    expect(store.alarms.openAt(T + 10 * MINUTE).map((a) => a.id)).toEqual([1, 6, 7, 8]);
  });
});

describe('the store aggregate', () => {
  const newTempDir = useTempDirs();

  it('offers settings, consent, transactions, retention and storage size without the raw database', () => {
    const dataDir = path.join(newTempDir(), 'data');
    const store = openStore(dataDir);
    try {
      store.settings.set('kiosk.rotationSeconds', 30, T);
      expect(store.settings.get('kiosk.rotationSeconds')).toBe(30);
      expect(store.consent.get()).toBeNull();
      const choice = { error_diagnostics: true, performance: false, usage_analytics: false };
      expect(store.consent.save(choice, T, '1.2.3')).toMatchObject({ choice, decidedAt: T });

      // A throw inside `transaction` rolls back everything written in it.
      expect(() =>
        store.transaction(() => {
          store.settings.set('kiosk.displayIndex', 1, T);
          throw new Error('abort');
        }),
      ).toThrow('abort');
      expect(store.settings.get('kiosk.displayIndex')).toBeUndefined();
      expect(store.transaction(() => 42)).toBe(42);

      const policy = { rawDays: 1, minuteDays: 2, hourDays: 3, dayDays: 4 };
      const retention = store.retention(policy);
      expect(retention.policy).toEqual(policy);
      expect(retention.prune(T)).toMatchObject({ deletedChunks: 0, complete: true });

      const check = { endpointId: 'plc-1', ts: T, ok: true, rttMs: 2, errorKind: null, error: null };
      store.checks.insertMany([check, { ...check, ts: T + MINUTE }]);
      store.storage.checkpoint();
      // Both checks share one raw chunk and one minute row (one per endpoint-hour).
      expect([store.storage.tierRows('raw'), store.storage.tierRows('minute')]).toEqual([1, 1]);
      expect(store.storage.tierBytes('raw')).toBeGreaterThan(0);
      expect(store.storage.freeBytes()).toBeGreaterThanOrEqual(0);
    } finally {
      store.close();
    }
    const reopened = openStore(dataDir);
    try {
      expect(reopened.settings.get('kiosk.rotationSeconds')).toBe(30);
      expect(reopened.consent.get()?.appVersion).toBe('1.2.3');
    } finally {
      reopened.close();
    }
  });
});
