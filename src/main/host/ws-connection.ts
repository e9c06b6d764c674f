// One WebSocket client of the contract: who it is (a Caller built from what the host knows), the
// events it receives, and the answer to every frame it sends. Nothing a client sends can throw
// out of here: frames `ws` itself refuses (too big, unmasked, invalid UTF-8) close this connection
// with the matching code and one log line, and the process goes on.
import type { IncomingMessage } from 'node:http';
import type { RawData, WebSocket } from 'ws';
import {
  dispatchRequest,
  failure,
  type Caller,
  type EventName,
  type EventPayload,
  type EventSink,
} from '../../shared/contract';
import { WS_CLOSE, parseClientFrame, type ServerFrame } from '../../shared/contract/ws-protocol';
import type { LinewatchServices } from '../app/services-types';
import { printable, type HostLog } from './host-log';
import { createRateLimiter, type RateLimits } from './rate-limit';

export interface ConnectionLimits extends RateLimits {
  /** Unsent bytes queued for a client before it counts as a slow reader and is closed (1008). */
  maxBufferedBytes: number;
}

export interface ConnectionContext {
  services: LinewatchServices;
  log: HostLog;
  limits: ConnectionLimits;
  /** True when the client may act: loopback, or a LAN client that presented the operator token. */
  canMutate: boolean;
  connectionId: string;
}

/** `ws` marks the errors it raises for a client's bad frames with the close code it sends. */
const closeCodeOf = (error: Error): number | undefined => {
  const symbol = Object.getOwnPropertySymbols(error).find((s) => s.description === 'status-code');
  const code = symbol === undefined ? undefined : (error as unknown as Record<symbol, unknown>)[symbol];
  return typeof code === 'number' ? code : undefined;
};

const textOf = (data: RawData): string => {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return (Buffer.isBuffer(data) ? data : Buffer.from(data)).toString('utf8');
};

export function peerLabel(request: IncomingMessage): string {
  const { remoteAddress, remotePort } = request.socket;
  const address = remoteAddress?.includes(':') ? `[${remoteAddress}]` : (remoteAddress ?? 'unknown');
  return `websocket ${address}:${remotePort ?? 0}`;
}

export function serveConnection(ws: WebSocket, request: IncomingMessage, context: ConnectionContext): void {
  const { services, log, limits } = context;
  const caller: Caller = {
    connectionId: context.connectionId,
    canMutate: context.canMutate,
    label: peerLabel(request),
  };
  const limiter = createRateLimiter(limits);
  let closing = false;

  const closeFor = (code: number, reason: string, kind: 'rate' | 'socket'): void => {
    if (closing) return;
    closing = true;
    log(kind, `closed ${caller.label} (${code}): ${reason}`);
    ws.close(code, reason.slice(0, 120));
  };

  const send = (frame: ServerFrame): void => {
    if (closing || ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > limits.maxBufferedBytes) {
      closeFor(WS_CLOSE.policy, `too slow: ${ws.bufferedAmount} bytes not yet read`, 'socket');
      return;
    }
    ws.send(JSON.stringify(frame));
  };

  const sink: EventSink = {
    emit<E extends EventName>(event: E, payload: EventPayload<E>) {
      send({ type: 'event', event, payload });
    },
  };
  const unsubscribe = services.subscribe(sink);

  ws.on('error', (error) => {
    // `ws` has already started closing with the right code (1009, 1002, 1007); say why once.
    closing = true;
    const code = closeCodeOf(error);
    log('socket', `closed ${caller.label}${code ? ` (${code})` : ''}: ${printable(error.message)}`);
  });
  ws.once('close', () => {
    closing = true;
    unsubscribe();
    services.connectionClosed(caller.connectionId);
  });

  ws.on('message', (data, isBinary) => {
    const decision = limiter.take();
    if (decision === 'abuse') {
      closeFor(WS_CLOSE.policy, 'kept sending far past the rate limit', 'rate');
      return;
    }
    if (isBinary) {
      send({
        type: 'response',
        id: null,
        result: failure('bad_frame', 'expected a text frame holding a JSON request, got a binary frame'),
      });
      return;
    }
    const text = textOf(data);
    const parsed = parseClientFrame(text);
    if (!parsed.ok) {
      log('frame', `bad frame from ${caller.label}: ${parsed.message}`);
      send({ type: 'response', id: parsed.id, result: failure('bad_frame', parsed.message) });
      return;
    }
    const { id, method, payload } = parsed.frame;
    if (decision === 'limit') {
      send({
        type: 'response',
        id,
        result: failure(
          'rate_limited',
          `too many requests on this connection (more than ${limits.ratePerSecond}/s); try again shortly`,
        ),
      });
      return;
    }
    dispatchRequest(services.handlers, method, payload, caller).then(
      (result) => send({ type: 'response', id, result }),
      (error: unknown) => {
        // dispatchRequest turns handler errors into results; this is a bug, still answered.
        log('socket', `request ${printable(method)} from ${caller.label} failed: ${String(error)}`);
        send({ type: 'response', id, result: failure('internal', 'the request failed') });
      },
    );
  });
}
