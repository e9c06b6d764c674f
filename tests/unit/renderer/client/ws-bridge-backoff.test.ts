import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConnectionStatus } from '@src/renderer/client/connection-status';
import { createWsBridge, type ContractSocket } from '@src/renderer/client/ws-bridge';

/** A socket whose connection attempt is always refused, the way a stopped host looks. */
function refusedSocket(): ContractSocket {
  const errorListeners: ((event: { data: unknown }) => void)[] = [];
  queueMicrotask(() => errorListeners.forEach((listener) => listener({ data: undefined })));
  return {
    readyState: 0,
    send: () => undefined,
    close: () => undefined,
    addEventListener(type: string, listener: (event: { data: unknown }) => void) {
      if (type === 'error') errorListeners.push(listener);
    },
  };
}

describe('WebSocket bridge backoff', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits 1 s, then doubles up to 10 s between attempts, and injects the socket factory', async () => {
    vi.useFakeTimers();
    const urls: string[] = [];
    const delays: number[] = [];
    const bridge = createWsBridge({
      url: 'ws://wall.test/contract',
      createSocket: (url) => {
        urls.push(url);
        return refusedSocket();
      },
    });
    bridge.connection.subscribe((status: ConnectionStatus) => {
      if (status.nextAttemptAt !== null) delays.push(status.nextAttemptAt - Date.now());
    });
    await vi.advanceTimersByTimeAsync(60_000);
    bridge.close();
    expect(urls[0]).toBe('ws://wall.test/contract');
    expect(delays.slice(0, 7)).toEqual([1_000, 2_000, 4_000, 8_000, 10_000, 10_000, 10_000]);
  });
});
