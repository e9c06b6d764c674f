// The HTTP side of a client going wrong: a request that will not become a WebSocket is answered
// and let go, and malformed HTTP, failed TLS handshakes and dropped sockets each get one log line
// instead of an unhandled error event.
import http from 'node:http';
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { printable, type HostLog } from './host-log';

export const peer = (socket: Socket | Duplex): string => {
  const { remoteAddress, remotePort } = socket as Partial<Socket>;
  return remoteAddress === undefined ? 'a client' : `${remoteAddress}:${remotePort ?? 0}`;
};

/** Answers an upgrade that will not become a WebSocket, then lets the socket go. */
export function refuseUpgrade(socket: Duplex, status: number, body: string): void {
  if (!socket.writable) return void socket.destroy();
  socket.once('finish', () => socket.destroy());
  socket.end(
    `HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n` +
      `Content-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

export function listenForClientErrors(server: http.Server, log: HostLog): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code !== 'ECONNRESET')
      log('http', `bad request from ${peer(socket)}: ${printable(error.code ?? error.message)}`);
    if (!socket.writable) return void socket.destroy();
    const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
    socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status] ?? ''}\r\nConnection: close\r\n\r\n`);
  });
  server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    log('tls', `TLS handshake with ${peer(socket)} failed: ${printable(error.code ?? error.message)}`);
    socket.destroy();
  });
  server.on('drop', (data?: { remoteAddress?: string }) =>
    log('capacity', `dropped a connection from ${data?.remoteAddress ?? 'a client'}: too many open sockets`),
  );
}
