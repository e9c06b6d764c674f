// A database that refuses commits (full disk, read-only remount) must not take the engine down:
// the timed flush keeps the writes buffered, says why in commitHealth, and commits them all once
// the database takes writes again (issue 14).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { createMonitorEngine, type EngineStore } from '@src/main/monitor';
import { aPlc } from '../../../support/kpi-fixture';
import { useTempStores } from '../../../support/temp-store';

const setup = useTempStores('commit-failures');
const START = Date.parse('2026-01-05T14:00:00Z');

/** The real store, with a switch that makes every transaction fail as SQLite does on a full disk. */
function refusingStore(store: EngineStore): { store: EngineStore; refuse: (on: boolean) => void } {
  let refusing = false;
  return {
    store: {
      ...store,
      transaction: <T>(work: () => T): T => {
        if (refusing) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        return store.transaction(work);
      },
    },
    refuse: (on) => {
      refusing = on;
    },
  };
}

describe('monitor engine: refused commits', () => {
  it('keeps checks buffered while commits fail, reports it, and commits them when writes work again', () => {
    const temp = setup();
    const clock = new ManualClock(START);
    const { store, refuse } = refusingStore(temp.store);
    const engine = createMonitorEngine({
      endpoints: [aPlc('plc-1', { intervalMs: 1000 })],
      maintenance: { isInMaintenance: () => false },
      clock,
      store,
      flushEveryMs: 250,
    });
    refuse(true);
    for (let i = 0; i < 5; i++) {
      engine.ingest('plc-1', clock.now(), { ok: true, rttMs: 1 });
      clock.advance(1000);
    }
    expect(engine.commitHealth()).toMatchObject({
      lastError: 'database or disk is full',
      failingSince: START + 250,
      bufferedChecks: 5,
      newestCheckTs: START + 4000,
    });
    expect(engine.tryFlush()).toBe(false);
    expect(temp.store.checks.listForEndpoint('plc-1', START, START + 10_000)).toHaveLength(0);

    refuse(false);
    // No new check needed: the timed retry commits what was kept.
    clock.advance(250);
    expect(engine.commitHealth()).toMatchObject({ lastError: null, failingSince: null, bufferedChecks: 0 });
    expect(temp.store.checks.listForEndpoint('plc-1', START, START + 10_000)).toHaveLength(5);
    engine.stop();
  });
});
