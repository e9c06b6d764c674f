// A scriptable LinewatchBridge for store tests: stub only the requests a test needs (the rest fail
// with `internal`), emit events by hand, and drive the connection status.
import { vi } from 'vitest';
import type { ConnectionStatus, ConnectionStatusSource } from '@src/renderer/client/connection-status';
import { createClient, type LinewatchClient } from '@src/renderer/client/linewatch-client';
import type { BridgeRequests } from '@src/renderer/client/request-methods';
import { REQUEST_NAMES, type EventName, type EventPayload, type LinewatchBridge } from '@src/shared/contract';

export interface FakeServices {
  client: LinewatchClient;
  bridge: LinewatchBridge;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  setConnection(status: ConnectionStatus['state']): void;
  listenerCount(event: EventName): number;
}

/** Every contract request, failing with `internal` until a test stubs it. */
export function unstubbedRequests(): BridgeRequests {
  return Object.fromEntries(
    REQUEST_NAMES.map((name) => [
      name,
      vi.fn(() =>
        Promise.resolve({ ok: false, error: { code: 'internal', message: `${name} not stubbed` } }),
      ),
    ]),
  ) as unknown as BridgeRequests;
}

export function fakeServices(stubs: Partial<BridgeRequests> = {}): FakeServices {
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  let status: ConnectionStatus = { state: 'open', nextAttemptAt: null };
  const unstubbed = unstubbedRequests();
  const bridge: LinewatchBridge = {
    ...unstubbed,
    ...stubs,
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  };
  const connection: ConnectionStatusSource = {
    current: () => status,
    subscribe: (listener) => {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
  };
  return {
    client: createClient(bridge, connection),
    bridge,
    emit: (event, payload) => {
      for (const listener of listeners.get(event) ?? []) (listener as (p: typeof payload) => void)(payload);
    },
    setConnection: (state) => {
      status = { state, nextAttemptAt: null };
      for (const listener of statusListeners) listener(status);
    },
    listenerCount: (event) => listeners.get(event)?.size ?? 0,
  };
}

export const flush = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));
