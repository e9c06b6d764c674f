import { describe, expect, it } from 'vitest';
import { createFaultLocator, type FaultSite } from '@src/shared/telemetry/fault-context';

// Europe/Berlin: 2026-03-02 is winter time (UTC+1).
const site: FaultSite = {
  timeZone: 'Europe/Berlin',
  shifts: [
    { start: '06:00', end: '14:00' },
    { start: '14:00', end: '22:00' },
    { start: '22:00', end: '06:00' },
  ],
  lines: [
    {
      id: 'press-1',
      hash: 'a1b2c3d4e5f6',
      costBucket: '100-999',
      endpoints: [
        { id: 'press1-plc', type: 'plc', critical: true },
        { id: 'press1-hmi', type: 'hmi', critical: false },
      ],
    },
  ],
};
const at = (iso: string): number => Date.parse(iso);

describe('fault locator', () => {
  const locate = createFaultLocator(site);

  it('describes a device fault by its line hash, type, criticality, cost bucket and the shift on', () => {
    expect(locate('probe_engine', { endpointId: 'press1-plc' }, at('2026-03-02T13:30:00Z'))).toEqual({
      errorKind: 'probe_engine',
      lineHash: 'a1b2c3d4e5f6',
      costBucket: '100-999',
      endpointType: 'plc',
      critical: true,
      shift: '14:00-22:00',
    });
  });

  it('finds the night shift after midnight, and the line alone for a line fault', () => {
    expect(locate('handler.getLinePage', { lineId: 'press-1' }, at('2026-03-02T02:00:00Z'))).toEqual({
      errorKind: 'handler.getLinePage',
      lineHash: 'a1b2c3d4e5f6',
      costBucket: '100-999',
      shift: '22:00-06:00',
    });
  });

  it('says only the kind and shift for an unknown place, and no shift for a site without shifts', () => {
    expect(locate('handler.getReport', { endpointId: 'gone' }, at('2026-03-02T06:00:00Z'))).toEqual({
      errorKind: 'handler.getReport',
      shift: '06:00-14:00',
    });
    const noShifts = createFaultLocator({ ...site, shifts: [] });
    expect(noShifts('x', {}, at('2026-03-02T06:00:00Z'))).toEqual({ errorKind: 'x', shift: null });
  });
});
