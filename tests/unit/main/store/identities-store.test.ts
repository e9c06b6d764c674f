import { beforeEach, describe, expect, it } from 'vitest';
import type { DeviceIdentity } from '@src/shared/domain/identity';
import { IDENTITY_CHANGED_ACTION, type Store } from '@src/main/store';
import { useTempStores } from '../../../support/temp-store';

const DRIVE: DeviceIdentity = {
  source: 'enip',
  vendor: 'Rockwell Automation/Allen-Bradley',
  product: 'PowerFlex 755',
  firmware: 'rev 10.1',
  serialHash: 'a1b2c3d4e5f6',
  details: { 'device type': 'device type 143', 'product code': '2192' },
};

describe('identity store', () => {
  const tempStore = useTempStores();
  let store: Store;
  beforeEach(() => {
    ({ store } = tempStore());
  });

  it('keeps the first and last time the same device was seen, with its latest note, unaudited', () => {
    expect(store.identities.get('drive')).toBeNull();
    store.identities.recordMany([{ endpointId: 'drive', ts: 1_000, identity: DRIVE, note: null }]);
    store.identities.recordMany([
      { endpointId: 'drive', ts: 5_000, identity: DRIVE, note: 'minor recoverable fault' },
    ]);
    expect(store.identities.get('drive')).toEqual({
      endpointId: 'drive',
      identity: DRIVE,
      firstSeen: 1_000,
      lastSeen: 5_000,
      note: 'minor recoverable fault',
      previous: null,
      changedAt: null,
    });
    expect(store.auditLog.recent(10)).toEqual([]);
  });

  it('keeps the previous device on a swap and audits it with actor "probe"', () => {
    const swapped = { ...DRIVE, firmware: 'rev 11.2', serialHash: 'ffffeeeedddd' };
    store.identities.recordMany([{ endpointId: 'drive', ts: 1_000, identity: DRIVE, note: null }]);
    const changed = store.identities.recordMany([
      { endpointId: 'drive', ts: 9_000, identity: swapped, note: null },
    ]);
    expect(changed).toEqual(['drive']);
    expect(store.identities.get('drive')).toMatchObject({
      identity: swapped,
      firstSeen: 9_000,
      lastSeen: 9_000,
      previous: DRIVE,
      changedAt: 9_000,
    });
    expect(store.auditLog.recent(10)).toEqual([
      {
        id: expect.any(Number) as unknown,
        ts: 9_000,
        actor: 'probe',
        action: IDENTITY_CHANGED_ACTION,
        subject: 'drive',
        details: { previous: DRIVE, current: swapped },
      },
    ]);
  });

  it('does not count other details alone as a change, and keeps the previous device', () => {
    const swapped = { ...DRIVE, serialHash: 'ffffeeeedddd' };
    store.identities.recordMany([
      { endpointId: 'drive', ts: 1_000, identity: DRIVE, note: null },
      { endpointId: 'drive', ts: 2_000, identity: swapped, note: null },
      { endpointId: 'drive', ts: 3_000, identity: { ...swapped, details: {} }, note: null },
    ]);
    expect(store.identities.get('drive')).toMatchObject({
      previous: DRIVE,
      changedAt: 2_000,
      lastSeen: 3_000,
    });
    expect(store.auditLog.recent(10)).toHaveLength(1);
    expect([...store.identities.all().keys()]).toEqual(['drive']);
  });
});
