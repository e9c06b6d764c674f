import { describe, expect, it } from 'vitest';
import { IDENTITY_SEEN_REFRESH_MS, IdentityTracker } from '@src/main/monitor/identity-tracker';
import type { DeviceIdentity } from '@src/shared/domain/identity';

const PLC: DeviceIdentity = {
  source: 'enip',
  vendor: 'vendor 1',
  product: '1756-EN2T/D',
  firmware: 'rev 11.2',
  serialHash: '0123456789ab',
  details: {},
};

describe('IdentityTracker', () => {
  it('lets through the first identity, a change and a refresh, not the same answer every check', () => {
    const tracker = new IdentityTracker(new Map());
    const up = { ok: true as const, rttMs: 1, identity: PLC };
    expect(tracker.observe('plc', 0, up)).toEqual({ endpointId: 'plc', ts: 0, identity: PLC, note: null });
    expect(tracker.observe('plc', 10_000, up)).toBeNull();
    expect(tracker.observe('plc', 20_000, { ...up, note: 'minor recoverable fault' })).toMatchObject({
      note: 'minor recoverable fault',
    });
    expect(tracker.observe('plc', 30_000, { ...up, note: 'minor recoverable fault' })).toBeNull();
    expect(tracker.observe('plc', 40_000, up)).toMatchObject({ note: null });
    expect(tracker.observe('plc', 40_000 + IDENTITY_SEEN_REFRESH_MS, up)).toMatchObject({
      ts: 40_000 + IDENTITY_SEEN_REFRESH_MS,
    });
    expect(
      tracker.observe('plc', 50_000 + IDENTITY_SEEN_REFRESH_MS, {
        ok: false,
        kind: 'timeout',
        message: 'no answer',
        rttMs: null,
      }),
    ).toBeNull();
  });

  it('starts from what the store holds, so a restart writes nothing for the same device', () => {
    const tracker = new IdentityTracker(
      new Map([
        [
          'plc',
          {
            endpointId: 'plc',
            identity: PLC,
            firstSeen: 0,
            lastSeen: 1_000,
            note: null,
            previous: null,
            changedAt: null,
          },
        ],
      ]),
    );
    expect(tracker.observe('plc', 2_000, { ok: true, rttMs: 1, identity: PLC })).toBeNull();
    expect(
      tracker.observe('plc', 3_000, { ok: true, rttMs: 1, identity: { ...PLC, firmware: 'rev 12.1' } }),
    ).not.toBeNull();
  });
});
