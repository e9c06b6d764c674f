import { describe, expect, it } from 'vitest';
import type { ConnectionStatus } from '@src/renderer/client/connection-status';
import { createClient } from '@src/renderer/client/linewatch-client';
import { createWallStore } from '@src/renderer/live/wall-store';
import { startWallSync } from '@src/renderer/live/wall-sync';
import type { EventName, EventPayload, LinewatchBridge } from '@src/shared/contract';
import { unstubbedRequests } from '../../../support/fake-bridge';
import { appInfo, live, snapshot } from '../../../support/renderer-fixtures';

function fakeServices() {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let snapshotCalls = 0;
  const bridge: LinewatchBridge = {
    ...unstubbedRequests(),
    getAppInfo: () => Promise.resolve({ ok: true, value: appInfo }),
    getWallSnapshot: () => {
      snapshotCalls++;
      return Promise.resolve({ ok: true, value: snapshot });
    },
    getConfigStatus: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'unused' } }),
    getEngineStatus: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'unused' } }),
    listAlarms: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'unused' } }),
    acknowledgeAlarm: () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'unused' } }),
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const listener of listeners.get(event) ?? []) (listener as (p: EventPayload<E>) => void)(payload);
  };
  return { bridge, emit, snapshotCalls: () => snapshotCalls };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('wall sync', () => {
  it('loads the wall, applies live batches and refetches the snapshot when the config is applied', async () => {
    const services = fakeServices();
    const statusListeners = new Set<(status: ConnectionStatus) => void>();
    const client = createClient(services.bridge, {
      current: () => ({ state: 'open', nextAttemptAt: null }),
      subscribe: (listener) => {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
    });
    const store = createWallStore();
    const stop = startWallSync(client, store);
    await flush();
    expect(store.getState().appInfo).toEqual(appInfo);
    expect(store.getState().site?.name).toBe('Plant One');

    const down = live('cam-1', { state: 'down', lastCheckAt: '2025-01-01T08:01:00.000Z', lastOk: false });
    services.emit('endpointStates', { states: [down] });
    expect(store.getState().live['cam-1']).toBe(down);

    services.emit('configApplied', {
      source: 'demo',
      path: null,
      appliedAt: '2025-01-01T08:02:00.000Z',
      hash: 'abc',
      endpointCount: 3,
      errors: [],
    });
    await flush();
    expect(services.snapshotCalls()).toBe(2);

    // Coming back after a drop: the snapshot is the catch-up for events missed meanwhile.
    for (const listener of statusListeners) listener({ state: 'reconnecting', nextAttemptAt: null });
    expect(store.getState().connection.state).toBe('reconnecting');
    for (const listener of statusListeners) listener({ state: 'open', nextAttemptAt: null });
    await flush();
    expect(services.snapshotCalls()).toBe(3);
    stop();
  });
});
