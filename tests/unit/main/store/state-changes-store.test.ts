import { beforeEach, describe, expect, it } from 'vitest';
import type { StateChangeRecord, Store } from '@src/main/store';
import { useTempStores } from '../../../support/temp-store';

describe('state change store', () => {
  const tempStore = useTempStores();
  let store: Store;
  beforeEach(() => {
    ({ store } = tempStore());
  });

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
