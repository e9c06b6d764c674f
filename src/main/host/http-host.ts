// The headless host: serves the renderer and the same contract as the Electron shell, over HTTP(S)
// and a WebSocket. A second wall screen or a test browser uses it like the app window.
//
// What keeps it safe to leave running on a plant network: it answers only to its own names (see
// host-allow-list.ts), a connection from anywhere but loopback may only read unless it presents
// the operator token, and nothing a client sends can stop it — every socket has an error handler,
// connections and request rates are bounded, and every frame gets an answer.
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type ServerOptions } from 'ws';
import { WS_PATH, WS_SUBPROTOCOL, WS_TOKEN_SUBPROTOCOL_PREFIX } from '../../shared/contract/ws-protocol';
import type { LinewatchServices } from '../app/services-types';
import { HEADLESS_CONTENT_SECURITY_POLICY } from './content-security-policy';
import { serveStaticFile } from './static-files';
import { withTelemetryConnectSrc } from '../telemetry/telemetry-env';
import { createHostAllowList, isLoopbackBind } from './host-allow-list';
import { listenForClientErrors, peer, refuseUpgrade } from './client-errors';
import { createHostLog, printable } from './host-log';
import { offeredSubprotocols, offersOperatorToken, presentsBearerToken } from './operator-token';
import { DEFAULT_RATE_LIMITS } from './rate-limit';
import { serveConnection, type ConnectionLimits } from './ws-connection';

export interface HostLimits extends ConnectionLimits {
  /** Open WebSocket connections; one more is answered 503. */
  maxConnections: number;
  /** Largest frame a client may send; a bigger one closes its connection (1009). */
  maxPayloadBytes: number;
  /** TCP sockets of any kind (HTTP, upgrades in progress); beyond it Node drops new ones. */
  maxSockets: number;
}

export const DEFAULT_HOST_LIMITS: HostLimits = {
  ...DEFAULT_RATE_LIMITS,
  maxBufferedBytes: 8 * 1024 * 1024,
  maxConnections: 64,
  maxPayloadBytes: 1024 * 1024,
  maxSockets: 512,
};

export interface HttpHostOptions {
  services: LinewatchServices;
  rendererDir: string;
  host: string;
  port: number;
  /** `--allow-host NAME`: more names the host answers to (a DNS name of the wall PC). */
  allowHosts?: readonly string[];
  /** What a LAN client presents to act; without it (or bound to loopback) nobody needs one. */
  operatorToken?: string | null;
  tls?: { cert: string | Buffer; key: string | Buffer } | null;
  /** One line per refused request or closed client (throttled against floods). */
  log?: (line: string) => void;
  limits?: Partial<HostLimits>;
  /** The machine's addresses (for a wildcard bind); injectable for tests. */
  interfaceAddresses?: () => readonly string[];
  /** Plain HTTP endpoints beside the dashboard (`/healthz`, `/metrics`), by exact path. */
  routes?: Readonly<Record<string, HostRoute>>;
}

export interface HostRouteRequest {
  method: string;
  /** The query string's parameters. */
  query: URLSearchParams;
  /** Bound to a LAN address (not loopback): plant data is then for token holders only. */
  lanMode: boolean;
  /** The request carries the operator token as `Authorization: Bearer <token>`. */
  presentsOperatorToken: boolean;
}

export interface HostRouteResponse {
  status: number;
  headers: Record<string, string>;
  body: string | Buffer;
}

export type HostRoute = (request: HostRouteRequest) => Promise<HostRouteResponse>;

export interface HttpHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpHost(options: HttpHostOptions): Promise<HttpHost> {
  const limits: HostLimits = { ...DEFAULT_HOST_LIMITS, ...options.limits };
  const log = createHostLog(options.log ?? (() => undefined));
  const allowList = createHostAllowList({
    bindHost: options.host,
    allowHosts: options.allowHosts,
    interfaceAddresses: options.interfaceAddresses,
  });
  const lanMode = !isLoopbackBind(options.host);
  const operatorToken = options.operatorToken ?? null;
  // The dashboard's Sentry and Mixpanel talk to their hosts directly: allowed only when configured.
  const csp = withTelemetryConnectSrc(HEADLESS_CONTENT_SECURITY_POLICY);
  const routes = options.routes ?? {};

  const onRequest = (request: http.IncomingMessage, response: http.ServerResponse): void => {
    request.on('error', (error) =>
      log('http', `request from ${peer(request.socket)}: ${printable(error.message)}`),
    );
    response.on('error', (error) =>
      log('http', `response to ${peer(request.socket)}: ${printable(error.message)}`),
    );
    if (!allowList.allowsHost(request.headers.host)) {
      log(
        'host',
        `refused ${request.method ?? 'a request'} from ${peer(request.socket)}: Host ${printable(request.headers.host)} is not a name of this host`,
      );
      response.writeHead(421, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      response.end('This host does not answer to that name.\n');
      return;
    }
    const target = new URL(request.url ?? '/', 'http://host');
    const route = Object.hasOwn(routes, target.pathname) ? routes[target.pathname] : undefined;
    const answer = route
      ? route({
          method: request.method ?? '',
          query: target.searchParams,
          lanMode,
          presentsOperatorToken: presentsBearerToken(request.headers.authorization, operatorToken),
        })
      : serveStaticFile(options.rendererDir, { method: request.method ?? '', path: request.url ?? '/' }, csp);
    answer.then(
      ({ status, headers, body }) => {
        response.writeHead(status, headers);
        response.end(body ?? undefined);
      },
      (error: unknown) => {
        log('http', `serving ${printable(request.url)} failed: ${printable(String(error))}`);
        if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
        response.end();
      },
    );
  };

  const server = options.tls
    ? https.createServer({ cert: options.tls.cert, key: options.tls.key, minVersion: 'TLSv1.2' }, onRequest)
    : http.createServer(onRequest);
  // Slow clients may not hold sockets open forever; upgraded sockets are not affected.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  server.maxConnections = limits.maxSockets;
  listenForClientErrors(server, log);

  // `closeTimeout` is an option of ws 8 that its type declarations do not list yet.
  const wsOptions: ServerOptions & { closeTimeout: number } = {
    noServer: true,
    maxPayload: limits.maxPayloadBytes,
    maxFragments: 1024,
    perMessageDeflate: false,
    // A client that never answers our close frame is cut off quickly.
    closeTimeout: 5_000,
    handleProtocols: (protocols) => (protocols.has(WS_SUBPROTOCOL) ? WS_SUBPROTOCOL : false),
  };
  const wss = new WebSocketServer(wsOptions);
  wss.on('error', (error) => log('socket', `WebSocket server: ${printable(error.message)}`));
  let pendingUpgrades = 0;

  server.on('upgrade', (request: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    // Until `ws` takes the socket over, a reset here must not become an uncaught error.
    socket.on('error', (error) => log('socket', `upgrade from ${peer(socket)}: ${printable(error.message)}`));
    const who = peer(socket);
    const hostHeader = request.headers.host;
    if (!allowList.allowsHost(hostHeader)) {
      log('host', `refused WebSocket from ${who}: Host ${printable(hostHeader)} is not a name of this host`);
      refuseUpgrade(socket, 421, 'This host does not answer to that name.\n');
      return;
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !allowList.allowsOrigin(origin, hostHeader)) {
      log('origin', `refused WebSocket from ${who}: Origin ${printable(origin)} is not a page of this host`);
      refuseUpgrade(socket, 403, 'Only pages served by this host may use the contract.\n');
      return;
    }
    if ((request.url ?? '').split('?')[0] !== WS_PATH) {
      log('http', `refused WebSocket from ${who}: no contract at ${printable(request.url)}`);
      refuseUpgrade(socket, 404, `The contract is served at ${WS_PATH}.\n`);
      return;
    }
    if (wss.clients.size + pendingUpgrades >= limits.maxConnections) {
      log('capacity', `refused WebSocket from ${who}: already ${limits.maxConnections} connections`);
      refuseUpgrade(socket, 503, 'Too many connections; try again later.\n');
      return;
    }
    const offered = offeredSubprotocols(request.headers['sec-websocket-protocol']);
    const canMutate = !lanMode || offersOperatorToken(offered, operatorToken);
    if (!canMutate && offered.some((protocol) => protocol.startsWith(WS_TOKEN_SUBPROTOCOL_PREFIX))) {
      log('token', `${who} offered a wrong operator token: connected read-only`);
    }
    pendingUpgrades += 1;
    let pending = true;
    const settle = (): void => {
      if (pending) pendingUpgrades -= 1;
      pending = false;
    };
    socket.once('close', settle);
    wss.handleUpgrade(request, socket, head, (ws) => {
      settle();
      serveConnection(ws, request, {
        services: options.services,
        log,
        limits,
        canMutate,
        connectionId: `ws:${randomUUID()}`,
      });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  server.on('error', (error) => log('socket', `server: ${printable(error.message)}`));
  const { port } = server.address() as AddressInfo;
  const hostForUrl = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `${options.tls ? 'https' : 'http'}://${hostForUrl}:${port}/`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
