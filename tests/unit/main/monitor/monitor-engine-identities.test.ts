// The engine records what the protocol probes say about the device with its other writes, and only
// what differs from the last write: a thousand checks of the same drive are one row write, not a
// thousand.
import { describe, expect, it, vi } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { createMonitorEngine } from '@src/main/monitor/monitor-engine';
import type { DeviceIdentity } from '@src/shared/domain/identity';
import { aPlc } from '../../../support/kpi-fixture';
import { useTempStores } from '../../../support/temp-store';

const T0 = Date.parse('2026-01-05T06:00:00Z');
const DRIVE: DeviceIdentity = {
  source: 'enip',
  vendor: 'Rockwell Automation/Allen-Bradley',
  product: 'PowerFlex 755',
  firmware: 'rev 10.1',
  serialHash: '0123456789ab',
  details: {},
};

const setup = useTempStores('engine-identities');

describe('monitor engine: device identities', () => {
  it('writes the first identity, a swap and a note, not the same answer on every check', () => {
    const { store } = setup();
    const recordMany = vi.spyOn(store.identities, 'recordMany');
    const clock = new ManualClock(T0);
    const engine = createMonitorEngine({
      endpoints: [aPlc('drive')],
      maintenance: { isInMaintenance: () => false },
      clock,
      store,
      flushEveryMs: 0,
    });
    for (let i = 0; i < 1000; i++)
      engine.ingest('drive', T0 + i * 10, { ok: true, rttMs: 1, identity: DRIVE });
    engine.flush();
    const written = () => recordMany.mock.calls.flatMap(([observations]) => observations);
    expect(written()).toEqual([{ endpointId: 'drive', ts: T0, identity: DRIVE, note: null }]);

    const swapped = { ...DRIVE, serialHash: 'ba9876543210' };
    engine.ingest('drive', T0 + 20_000, {
      ok: true,
      rttMs: 1,
      identity: swapped,
      note: 'minor recoverable fault',
    });
    engine.ingest('drive', T0 + 20_010, { ok: false, kind: 'timeout', message: 'no answer', rttMs: null });
    engine.ingest('drive', T0 + 20_020, {
      ok: true,
      rttMs: 1,
      identity: swapped,
      note: 'minor recoverable fault',
    });
    engine.stop();
    expect(written()).toHaveLength(2);
    expect(store.identities.get('drive')).toMatchObject({
      identity: swapped,
      note: 'minor recoverable fault',
      previous: DRIVE,
      changedAt: T0 + 20_000,
    });
    expect(store.auditLog.recent(5)).toMatchObject([{ actor: 'probe', subject: 'drive' }]);
  });
});
