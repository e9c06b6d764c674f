import { beforeEach, describe, expect, it } from 'vitest';
import type { NearMissRecord, Store } from '@src/main/store';
import { useTempStores } from '../../../support/temp-store';

describe('near-miss store', () => {
  const tempStore = useTempStores();
  let store: Store;
  beforeEach(() => {
    ({ store } = tempStore());
  });

  const miss = (
    endpointId: string,
    startedAt: number,
    endedAt: number,
    failedChecks = 1,
  ): NearMissRecord => ({
    endpointId,
    startedAt,
    endedAt,
    failedChecks,
  });

  it('reads a window [from, to) by end time, per endpoint in end order, and one endpoint alone', () => {
    store.nearMisses.insertMany([
      miss('plc-1', 300, 310),
      miss('plc-1', 100, 110),
      miss('hmi-2', 150, 160, 2),
      miss('plc-1', 500, 510),
    ]);
    store.nearMisses.insertMany([]);
    expect(store.nearMisses.listForWindow(110, 510)).toEqual(
      new Map([
        ['plc-1', [miss('plc-1', 100, 110), miss('plc-1', 300, 310)]],
        ['hmi-2', [miss('hmi-2', 150, 160, 2)]],
      ]),
    );
    expect(store.nearMisses.listForEndpoint('plc-1', 0, 1000)).toEqual([
      miss('plc-1', 100, 110),
      miss('plc-1', 300, 310),
      miss('plc-1', 500, 510),
    ]);
    expect(store.nearMisses.listForEndpoint('nobody', 0, 1000)).toEqual([]);
  });

  it('writes a batch all or nothing', () => {
    expect(() => store.nearMisses.insertMany([miss('plc-1', 1, 2), miss('plc-1', 5, 4)])).toThrow(
      /CHECK constraint failed/,
    );
    expect(store.nearMisses.listForEndpoint('plc-1', 0, 10)).toEqual([]);
  });
});
