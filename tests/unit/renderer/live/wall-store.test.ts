import { describe, expect, it } from 'vitest';
import { createWallStore } from '@src/renderer/live/wall-store';
import { live, snapshot } from '../../../support/renderer-fixtures';

describe('wall store', () => {
  it('replaces only the entries that changed, keeping the identity of the others', () => {
    const store = createWallStore();
    store.getState().setSnapshot(snapshot);
    const before = store.getState().live;
    const down = live('hmi-1', {
      state: 'down',
      since: '2025-01-01T08:00:11.000Z',
      lastCheckAt: '2025-01-01T08:00:11.000Z',
      lastOk: false,
      lastRttMs: null,
      lastError: 'timeout',
    });

    store.getState().applyStates([down, live('plc-1')]);

    const after = store.getState().live;
    expect(after).not.toBe(before);
    expect(after['hmi-1']).toBe(down);
    expect(after['plc-1']).toBe(before['plc-1']);
    expect(after['cam-1']).toBe(before['cam-1']);
  });

  it('does not notify subscribers when a batch changes nothing', () => {
    const store = createWallStore();
    store.getState().setSnapshot(snapshot);
    let notifications = 0;
    store.subscribe(() => notifications++);
    store.getState().applyStates([live('plc-1'), live('cam-1')]);
    expect(notifications).toBe(0);
  });

  it('never goes back in time: an older batch is ignored, a snapshot does not undo a newer event', () => {
    const store = createWallStore();
    store.getState().setSnapshot(snapshot);
    const newer = live('plc-1', { state: 'down', lastCheckAt: '2025-01-01T08:00:20.000Z', lastOk: false });
    store.getState().applyStates([newer]);
    store.getState().applyStates([live('plc-1', { lastCheckAt: '2025-01-01T08:00:15.000Z' })]);
    expect(store.getState().live['plc-1']).toBe(newer);

    store.getState().setSnapshot(snapshot);
    expect(store.getState().live['plc-1']).toBe(newer);
  });

  it('keeps unchanged entries across a snapshot refetch and drops endpoints no longer configured', () => {
    const store = createWallStore();
    store.getState().setSnapshot(snapshot);
    const hmi = store.getState().live['hmi-1'];
    store.getState().setSnapshot({ ...snapshot, states: snapshot.states.filter((s) => s.id !== 'cam-1') });
    expect(store.getState().live['hmi-1']).toBe(hmi);
    expect(store.getState().live['cam-1']).toBeUndefined();
  });
});
