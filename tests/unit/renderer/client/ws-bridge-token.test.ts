// The operator token of a LAN wall travels as a WebSocket subprotocol, offered on every connect:
// the first, a reconnect asked for after sign-in, and the bridge's own reconnects after a drop.
import { afterEach, describe, expect, it } from 'vitest';
import { createWsBridge } from '@src/renderer/client/ws-bridge';
import { wsSubprotocols } from '@src/shared/contract/ws-protocol';
import { startContractTestServer, waitFor } from '../../../support/contract-test-server';

describe('WebSocket bridge and the operator token', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('offers the token subprotocol from the next connect on, including reconnects after a drop', async () => {
    const server = await startContractTestServer();
    cleanups.push(() => server.close());
    let token: string | null = null;
    const bridge = createWsBridge({
      url: server.url,
      initialBackoffMs: 20,
      protocols: () => wsSubprotocols(token),
    });
    cleanups.push(() => bridge.close());
    await waitFor(() => bridge.connection.current().state === 'open');
    expect(server.offeredProtocols).toEqual([['linewatch.v1']]);

    token = 'secret-operator-token';
    const states: string[] = [];
    bridge.connection.subscribe((status) => states.push(status.state));
    await expect(bridge.reconnect()).resolves.toBe(true);
    expect(server.offeredProtocols[1]).toEqual(['linewatch.v1', 'linewatch.token.secret-operator-token']);
    // Through 'reconnecting', so the wall and alarm stores reload on the new connection.
    expect(states).toEqual(['reconnecting', 'open']);

    server.sockets.at(-1)?.terminate();
    await waitFor(() => server.offeredProtocols.length === 3 && bridge.connection.current().state === 'open');
    expect(server.offeredProtocols[2]).toEqual(['linewatch.v1', 'linewatch.token.secret-operator-token']);
  });

  it('fails calls pending on the old socket, and says when the new one could not open', async () => {
    const server = await startContractTestServer();
    const bridge = createWsBridge({ url: server.url, initialBackoffMs: 20, maxBackoffMs: 40 });
    cleanups.push(() => bridge.close());
    await waitFor(() => bridge.connection.current().state === 'open');
    const pending = bridge.getAppInfo({});
    await server.nextRequest();
    const reconnected = bridge.reconnect();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    await expect(reconnected).resolves.toBe(true);

    await server.close();
    await waitFor(() => bridge.connection.current().state === 'reconnecting');
    await expect(bridge.reconnect()).resolves.toBe(false);
  });

  it('offers no subprotocol at all when there is none to offer', async () => {
    const server = await startContractTestServer();
    cleanups.push(() => server.close());
    const bridge = createWsBridge({ url: server.url, protocols: () => [] });
    cleanups.push(() => bridge.close());
    await waitFor(() => bridge.connection.current().state === 'open');
    expect(server.offeredProtocols).toEqual([[]]);
  });
});
