import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore, type StateChangeRecord, type Store } from '@src/main/store';
import { useTempDataDirs } from '../../../support/temp-data-dir';

describe('state change store', () => {
  const newTempDir = useTempDataDirs();
  let store: Store;
  beforeEach(() => {
    store = openStore(path.join(newTempDir(), 'data'));
  });
  afterEach(() => store.close());

  const change = (
    endpointId: string,
    state: StateChangeRecord['state'],
    since: number,
    decidedAt: number,
  ) => ({
    endpointId,
    state,
    since,
    decidedAt,
  });

  it('round-trips the changes of one endpoint in decision order', () => {
    const history = [
      change('plc-1', 'unknown', 0, 0),
      change('plc-1', 'up', 100, 150),
      change('plc-1', 'down', 900, 3000),
    ];
    for (const c of history) store.stateChanges.insert(c);
    store.stateChanges.insert(change('plc-2', 'up', 10, 20));
    expect(store.stateChanges.listForEndpoint('plc-1')).toEqual(history);
    expect(store.stateChanges.listForEndpoint('nobody')).toEqual([]);
  });

  it('returns the latest decision of every endpoint; same-millisecond ties go to the later insert', () => {
    store.stateChanges.insert(change('plc-1', 'up', 100, 150));
    store.stateChanges.insert(change('plc-1', 'down', 900, 3000));
    store.stateChanges.insert(change('robot-7', 'down', 40, 50));
    store.stateChanges.insert(change('robot-7', 'up', 45, 50));
    const latest = store.stateChanges.latestPerEndpoint();
    expect(latest).toEqual(
      new Map([
        ['plc-1', change('plc-1', 'down', 900, 3000)],
        ['robot-7', change('robot-7', 'up', 45, 50)],
      ]),
    );
  });

  it('rejects a state outside unknown/up/down', () => {
    const bogus = { ...change('plc-1', 'up', 1, 1), state: 'flapping' } as unknown as StateChangeRecord;
    expect(() => store.stateChanges.insert(bogus)).toThrow(/CHECK constraint failed/);
  });
});
