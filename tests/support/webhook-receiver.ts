// A webhook receiver on loopback for the notification tests: records every POST (headers, raw
// body, arrival time), checks its X-Linewatch-Signature against a secret like a real receiver
// would, and answers as the test says (status, or never: a hung receiver for timeout tests).
import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import http from 'node:http';
import type net from 'node:net';

export interface ReceivedHook {
  at: number;
  headers: http.IncomingHttpHeaders;
  raw: string;
  body: unknown;
}

export interface WebhookReceiver {
  url: string;
  received: ReceivedHook[];
  /** What the next requests get: a status, or 'hang' (never answer). */
  answer(status: number | 'hang'): void;
  /** True when the request's signature is `sha256=` HMAC-SHA256 of the raw body with `secret`. */
  signatureValid(hook: ReceivedHook, secret: string): boolean;
  close(): Promise<void>;
}

export async function startWebhookReceiver(host = '127.0.0.1'): Promise<WebhookReceiver> {
  const received: ReceivedHook[] = [];
  let status: number | 'hang' = 200;
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown;
      try {
        body = JSON.parse(raw);
      } catch {
        body = null;
      }
      received.push({ at: Date.now(), headers: request.headers, raw, body });
      if (status === 'hang') return;
      response
        .writeHead(status, { 'content-type': 'text/plain' })
        .end(status < 300 ? 'ok' : 'receiver says no');
    });
  });
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.listen(0, host);
  await once(server, 'listening');
  const address = server.address() as net.AddressInfo;
  return {
    url: `http://${host}:${address.port}/hook`,
    received,
    answer(next) {
      status = next;
    },
    signatureValid(hook, secret) {
      const header = hook.headers['x-linewatch-signature'];
      if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
      const expected = createHmac('sha256', secret).update(hook.raw, 'utf8').digest();
      const given = Buffer.from(header.slice('sha256='.length), 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
