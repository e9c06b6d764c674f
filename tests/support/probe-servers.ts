// Real servers on loopback addresses for the TCP and HTTP probe tests, closed after each test.
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import { fixture } from './probe-fixtures';

export interface TestServer {
  host: string;
  port: number;
  url(path?: string): string;
  close(): Promise<void>;
}

type Handler = http.RequestListener;

async function start(server: http.Server | https.Server, host: string, scheme: string): Promise<TestServer> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    host,
    port,
    url: (path = '/') => `${scheme}://${host}:${port}${path}`,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((s) => s.destroy());
        server.close(() => resolve());
      }),
  };
}

export function startHttpServer(host: string, handler: Handler): Promise<TestServer> {
  return start(http.createServer(handler), host, 'http');
}

export function startHttpsServer(host: string, handler: Handler): Promise<TestServer> {
  const server = https.createServer({ key: fixture('tls/key.pem'), cert: fixture('tls/cert.pem') }, handler);
  return start(server, host, 'https');
}
