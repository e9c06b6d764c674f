// A real `ws` server speaking the contract frames, driven step by step by the ws-bridge tests.
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { ClientFrame, WS_PATH, WS_SUBPROTOCOL, type ServerFrame } from '@src/shared/contract/ws-protocol';
import { wsText } from './ws-text';

export interface ReceivedRequest {
  socket: WebSocket;
  frame: ClientFrame;
}

export interface ContractTestServer {
  port: number;
  url: string;
  sockets: WebSocket[];
  /** Per connection, in order: the subprotocols the client offered (none: an empty list). */
  offeredProtocols: string[][];
  /** Resolves with the next request frame a client sends. */
  nextRequest(): Promise<ReceivedRequest>;
  send(socket: WebSocket, frame: ServerFrame): void;
  broadcast(frame: ServerFrame): void;
  close(): Promise<void>;
}

export async function startContractTestServer(port = 0): Promise<ContractTestServer> {
  // Like the host: selects the contract's subprotocol whenever a client offers it.
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port,
    path: WS_PATH,
    handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  });
  await once(wss, 'listening');
  const actualPort = (wss.address() as AddressInfo).port;
  const sockets: WebSocket[] = [];
  const offeredProtocols: string[][] = [];
  const received: ReceivedRequest[] = [];
  const waiting: ((request: ReceivedRequest) => void)[] = [];

  wss.on('connection', (socket, request) => {
    const header = request.headers['sec-websocket-protocol'];
    offeredProtocols.push(header ? header.split(',').map((protocol) => protocol.trim()) : []);
    sockets.push(socket);
    socket.on('message', (data) => {
      const request = { socket, frame: ClientFrame.parse(JSON.parse(wsText(data))) };
      const waiter = waiting.shift();
      if (waiter) waiter(request);
      else received.push(request);
    });
  });

  const send = (socket: WebSocket, frame: ServerFrame): void => socket.send(JSON.stringify(frame));
  return {
    port: actualPort,
    url: `ws://127.0.0.1:${actualPort}${WS_PATH}`,
    sockets,
    offeredProtocols,
    nextRequest: () => {
      const request = received.shift();
      return request ? Promise.resolve(request) : new Promise((resolve) => waiting.push(resolve));
    },
    send,
    broadcast: (frame) => {
      for (const socket of sockets) send(socket, frame);
    },
    close: async () => {
      for (const socket of wss.clients) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

export async function waitFor(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
