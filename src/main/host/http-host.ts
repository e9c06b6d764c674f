// The headless host: serves the renderer and the same contract as the Electron shell, over HTTP and
// a WebSocket on loopback. A second wall screen or a test browser uses it like the app window.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { dispatchRequest, type EventName, type EventPayload, type EventSink } from '../../shared/contract';
import { ClientFrame, WS_PATH, type ServerFrame } from '../../shared/contract/ws-protocol';
import type { LinewatchServices } from '../app/services-types';
import { readStaticFile } from './static-files';
import { withTelemetryConnectSrc } from '../telemetry/telemetry-env';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self' ws: wss:",
  "media-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Browsers send an Origin header on WebSocket upgrades; only pages served by this host may use the
 * contract, so another web page open on the same PC cannot drive it.
 */
function isSameOrigin(request: http.IncomingMessage): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true; // non-browser clients (scripts) send none
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export async function startHttpHost(options: {
  services: LinewatchServices;
  rendererDir: string;
  host: string;
  port: number;
}): Promise<HttpHost> {
  // The dashboard's Sentry and Mixpanel talk to their hosts directly: allowed only when configured.
  const csp = withTelemetryConnectSrc(CONTENT_SECURITY_POLICY);
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    void readStaticFile(options.rendererDir, request.url ?? '/').then(({ status, type, body }) => {
      response.writeHead(status, {
        'content-type': type,
        'content-security-policy': csp,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-cache',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    });
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== WS_PATH || !isSameOrigin(request)) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request));
  });

  const send = (ws: WebSocket, frame: ServerFrame): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  wss.on('connection', (ws) => {
    const sink: EventSink = {
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        send(ws, { type: 'event', event, payload });
      },
    };
    const unsubscribe = options.services.subscribe(sink);
    ws.on('close', unsubscribe);
    ws.on('message', (data) => {
      let frame: ClientFrame;
      try {
        const parsed = ClientFrame.safeParse(JSON.parse(String(data)));
        if (!parsed.success) return;
        frame = parsed.data;
      } catch {
        return;
      }
      void dispatchRequest(options.services.handlers, frame.method, frame.payload).then((result) =>
        send(ws, { type: 'response', id: frame.id, result }),
      );
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${hostForUrl}:${port}/`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
