import { beforeEach, describe, expect, it } from 'vitest';
import type { NewConfigVersion, Store } from '@src/main/store';
import { useTempStores, type TempStore } from '../../../support/temp-store';

describe('config version store', () => {
  const tempStore = useTempStores();
  let temp: TempStore;
  let store: Store;
  beforeEach(() => {
    temp = tempStore();
    store = temp.store;
  });

  const fileVersion: NewConfigVersion = {
    hash: 'a1b2',
    appliedAt: 1_700_000_000_000,
    source: 'file',
    path: '/etc/linewatch/plant.yaml',
    text: 'lines:\n  - name: Line 1\n',
    endpointCount: 12,
    diff: null,
  };
  const demoVersion: NewConfigVersion = {
    hash: 'c3d4',
    appliedAt: 1_700_000_100_000,
    source: 'demo',
    path: null,
    text: '# demo plant',
    endpointCount: 30,
    diff: { added: ['press1-plc'], changed: [], removed: ['old-hmi'] },
  };

  it('has no latest version on a fresh database', () => {
    expect(store.configVersions.latest()).toBeNull();
  });

  it('records versions with increasing ids and returns the last one as latest, also after reopening', () => {
    const recordedFile = store.configVersions.record(fileVersion);
    const recordedDemo = store.configVersions.record(demoVersion);
    expect(recordedFile).toEqual({ ...fileVersion, id: 1 });
    expect(recordedDemo).toEqual({ ...demoVersion, id: 2 });
    expect(store.configVersions.latest()).toEqual(recordedDemo);

    store = temp.reopen();
    expect(store.configVersions.latest()).toEqual(recordedDemo);
  });

  it('treats the most recently recorded version as latest even if its clock went backwards', () => {
    store.configVersions.record(demoVersion);
    const earlierClock = store.configVersions.record({ ...fileVersion, appliedAt: 1 });
    expect(store.configVersions.latest()).toEqual(earlierClock);
  });
});
