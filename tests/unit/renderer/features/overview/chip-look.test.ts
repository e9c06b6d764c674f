import { describe, expect, it } from 'vitest';
import { lookOf } from '@src/renderer/features/overview/chip-look';
import { live } from '../../../../support/renderer-fixtures';

// A chip's store selector returns its look; React re-renders the chip only when that object
// changes, so every check (1 Hz, 2,000 chips) must give the very same object back.
describe('overview chip look', () => {
  it('is the same object while only the check time, RTT or error changes', () => {
    const first = lookOf(live('plc-1'));
    const later = lookOf(
      live('plc-1', { lastCheckAt: '2025-01-01T08:00:11.000Z', lastRttMs: 9.7, lastError: null }),
    );
    expect(later).toBe(first);
    expect(first).toEqual({ state: 'up', flapping: false, failureKind: null });
  });

  it('changes with the state and with flapping', () => {
    const up = lookOf(live('plc-1'));
    const down = lookOf(live('plc-1', { state: 'down', lastOk: false, lastError: 'timeout' }));
    const flapping = lookOf(live('plc-1', { state: 'down', flapping: true }));
    expect(down).toEqual({ state: 'down', flapping: false, failureKind: null });
    expect(flapping).toEqual({ state: 'down', flapping: true, failureKind: null });
    expect(new Set([up, down, flapping]).size).toBe(3);
  });

  it('carries why a down device is down, and forgets it once the device is up', () => {
    const exception = lookOf(live('plc-1', { state: 'down', lastOk: false, lastFailureKind: 'protocol' }));
    expect(exception).toEqual({ state: 'down', flapping: false, failureKind: 'protocol' });
    expect(lookOf(live('plc-1', { state: 'down', lastOk: false, lastFailureKind: 'protocol' }))).toBe(
      exception,
    );
    expect(lookOf(live('plc-1', { state: 'up', lastFailureKind: 'protocol' })).failureKind).toBeNull();
  });

  it('is unknown for a device the live state does not know yet', () => {
    expect(lookOf(undefined)).toEqual({ state: 'unknown', flapping: false, failureKind: null });
  });
});
