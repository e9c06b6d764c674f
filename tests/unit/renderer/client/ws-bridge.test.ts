import { afterEach, describe, expect, it } from 'vitest';
import { createWsBridge, type WsBridge } from '@src/renderer/client/ws-bridge';
import type { EndpointStatesEvent } from '@src/shared/contract';
import {
  startContractTestServer,
  waitFor,
  type ContractTestServer,
} from '../../../support/contract-test-server';
import { appInfo, live, snapshot } from '../../../support/renderer-fixtures';

describe('WebSocket bridge', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function setup(): Promise<{ server: ContractTestServer; bridge: WsBridge }> {
    const server = await startContractTestServer();
    cleanups.push(() => server.close());
    const bridge = createWsBridge({ url: server.url, initialBackoffMs: 50, maxBackoffMs: 200 });
    cleanups.push(() => bridge.close());
    return { server, bridge };
  }

  it('matches responses to requests by id, whatever the order they arrive in', async () => {
    const { server, bridge } = await setup();
    const infoCall = bridge.getAppInfo({});
    const snapshotCall = bridge.getWallSnapshot({});
    const first = await server.nextRequest();
    const second = await server.nextRequest();
    expect(first.frame.method).toBe('getAppInfo');
    expect(second.frame.method).toBe('getWallSnapshot');
    expect(first.frame.id).not.toBe(second.frame.id);

    server.send(second.socket, {
      type: 'response',
      id: second.frame.id,
      result: { ok: true, value: snapshot },
    });
    server.send(first.socket, { type: 'response', id: first.frame.id, result: { ok: true, value: appInfo } });

    await expect(infoCall).resolves.toEqual({ ok: true, value: appInfo });
    await expect(snapshotCall).resolves.toEqual({ ok: true, value: snapshot });
    expect(bridge.connection.current().state).toBe('open');
  });

  it('passes error results through and rejects responses that break the contract', async () => {
    const { server, bridge } = await setup();
    const failing = bridge.getConfigStatus({});
    const malformed = bridge.getAppInfo({});
    const a = await server.nextRequest();
    const b = await server.nextRequest();
    server.send(a.socket, {
      type: 'response',
      id: a.frame.id,
      result: { ok: false, error: { code: 'bad_request', message: 'nope' } },
    });
    server.send(b.socket, { type: 'response', id: b.frame.id, result: { ok: true, value: { name: 1 } } });
    await expect(failing).resolves.toEqual({ ok: false, error: { code: 'bad_request', message: 'nope' } });
    await expect(malformed).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('delivers events to listeners, and not after they unsubscribe', async () => {
    const { server, bridge } = await setup();
    const received: EndpointStatesEvent[] = [];
    const unsubscribe = bridge.on('endpointStates', (payload) => received.push(payload));
    await waitFor(() => server.sockets.length === 1 && bridge.connection.current().state === 'open');

    server.broadcast({ type: 'event', event: 'endpointStates', payload: { states: [live('plc-1')] } });
    await waitFor(() => received.length === 1);
    expect(received[0]).toEqual({ states: [live('plc-1')] });

    unsubscribe();
    server.broadcast({ type: 'event', event: 'endpointStates', payload: { states: [live('hmi-1')] } });
    // A request round trip proves the second event has been processed before we look.
    const call = bridge.getAppInfo({});
    const request = await server.nextRequest();
    server.send(request.socket, {
      type: 'response',
      id: request.frame.id,
      result: { ok: true, value: appInfo },
    });
    await call;
    expect(received).toHaveLength(1);
  });

  it('fails pending requests with a transport error when the connection drops', async () => {
    const { server, bridge } = await setup();
    const call = bridge.getWallSnapshot({});
    const request = await server.nextRequest();
    request.socket.terminate();
    await expect(call).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    await waitFor(() => bridge.connection.current().state === 'reconnecting');
  });

  it('reconnects with backoff after the server restarts', async () => {
    const server = await startContractTestServer();
    const port = server.port;
    const bridge = createWsBridge({ url: server.url, initialBackoffMs: 50, maxBackoffMs: 200 });
    cleanups.push(() => bridge.close());
    const states: string[] = [];
    bridge.connection.subscribe((status) => states.push(status.state));
    await waitFor(() => bridge.connection.current().state === 'open');

    await server.close();
    await waitFor(() => bridge.connection.current().state === 'reconnecting');
    await expect(bridge.getAppInfo({})).resolves.toMatchObject({ ok: false, error: { code: 'transport' } });
    await new Promise((resolve) => setTimeout(resolve, 300)); // let a few attempts fail

    const restarted = await startContractTestServer(port);
    cleanups.push(() => restarted.close());
    await waitFor(() => bridge.connection.current().state === 'open');
    const call = bridge.getAppInfo({});
    const request = await restarted.nextRequest();
    restarted.send(request.socket, {
      type: 'response',
      id: request.frame.id,
      result: { ok: true, value: appInfo },
    });
    await expect(call).resolves.toEqual({ ok: true, value: appInfo });
    expect(states).toContain('reconnecting');
    expect(states.at(-1)).toBe('open');
  });
});
