// A `LinewatchBridge` over the headless host's WebSocket (`/contract`). It survives a restart of
// the host: pending calls fail fast with a `transport` error, and the socket reconnects with a
// capped backoff while the UI shows the connection status. Every (re)connect offers the
// subprotocols `protocols()` names at that moment (the operator token of a LAN wall).
import { checkedResult, events, transportError } from '../../shared/contract';
import type {
  EventListener,
  EventName,
  LinewatchBridge,
  RequestName,
  RequestOf,
  ResponseOf,
  Result,
  Unsubscribe,
} from '../../shared/contract';
import { ServerFrame, type ClientFrame } from '../../shared/contract/ws-protocol';
import type { ConnectionStatus, ConnectionStatusSource } from './connection-status';
import { perRequest, type BridgeRequests } from './request-methods';

/** The part of a WHATWG WebSocket the bridge uses; the browser's and Node 22's global both fit. */
export interface ContractSocket {
  readonly readyState: number;
  send(data: string): void;
  close(): void;
  addEventListener(type: 'open' | 'close' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
}

export interface WsBridgeOptions {
  url: string;
  createSocket?: (url: string, protocols: string[] | undefined) => ContractSocket;
  /** Asked on every connect: the subprotocols to offer, none when undefined or empty. */
  protocols?: () => string[] | undefined;
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

export type WsBridge = LinewatchBridge & {
  connection: ConnectionStatusSource;
  /**
   * Drop the socket and connect again now (with what `protocols()` says now); pending calls fail.
   * Resolves true when the new socket opened, false when that attempt failed.
   */
  reconnect(): Promise<boolean>;
  /** Stop for good: close the socket, fail pending calls, no reconnect. */
  close(): void;
};

const SOCKET_OPEN = 1;

function isEventName(name: string): name is EventName {
  return Object.prototype.hasOwnProperty.call(events, name);
}

export function createWsBridge(options: WsBridgeOptions): WsBridge {
  const createSocket =
    options.createSocket ??
    ((url: string, protocols: string[] | undefined) =>
      protocols ? new WebSocket(url, protocols) : new WebSocket(url));
  const initialBackoffMs = options.initialBackoffMs ?? 1_000;
  const maxBackoffMs = options.maxBackoffMs ?? 10_000;

  let socket: ContractSocket | null = null;
  let nextRequestId = 1;
  let backoffMs = initialBackoffMs;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let closedForGood = false;
  let status: ConnectionStatus = { state: 'connecting', nextAttemptAt: null };
  // Settled with a Result checked by checkedResult; `name` says which response schema applies.
  const pending = new Map<number, { name: RequestName; settle: (result: Result<unknown>) => void }>();
  // Frames written while the socket is still connecting; sent on open.
  const unsent: ClientFrame[] = [];
  const eventListeners = new Map<EventName, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(status: ConnectionStatus) => void>();
  // Told how the next connection attempt ends (see reconnect).
  let attemptWaiters: ((opened: boolean) => void)[] = [];
  const attemptEnded = (opened: boolean): void => {
    const waiters = attemptWaiters;
    attemptWaiters = [];
    for (const waiter of waiters) waiter(opened);
  };

  const setStatus = (next: ConnectionStatus): void => {
    status = next;
    for (const listener of statusListeners) listener(next);
  };

  const failPending = (message: string): void => {
    const settles = [...pending.values()].map((entry) => entry.settle);
    pending.clear();
    unsent.length = 0;
    for (const settle of settles) settle(transportError(message));
  };

  const scheduleReconnect = (): void => {
    const delay = backoffMs;
    backoffMs = Math.min(backoffMs * 2, maxBackoffMs);
    setStatus({ state: 'reconnecting', nextAttemptAt: Date.now() + delay });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      setStatus({ state: 'reconnecting', nextAttemptAt: null });
      connect();
    }, delay);
  };

  const handleFrame = (text: string): void => {
    let frame: ServerFrame;
    try {
      const parsed = ServerFrame.safeParse(JSON.parse(text));
      if (!parsed.success) return;
      frame = parsed.data;
    } catch {
      return;
    }
    if (frame.type === 'response') {
      if (frame.id === null) return; // a bad_frame answer to a frame whose id was unreadable
      const entry = pending.get(frame.id);
      if (!entry) return;
      pending.delete(frame.id);
      // The same check as the preload's: both transports answer the renderer alike.
      entry.settle(checkedResult(entry.name, frame.result));
      return;
    }
    if (!isEventName(frame.event)) return;
    const checked = events[frame.event].safeParse(frame.payload);
    if (!checked.success) return;
    for (const listener of eventListeners.get(frame.event) ?? []) {
      try {
        listener(checked.data);
      } catch (error) {
        // One faulty listener must not starve the others of the same event.
        console.error(`Listener of ${frame.event} failed`, error);
      }
    }
  };

  function connect(): void {
    let ws: ContractSocket;
    try {
      const protocols = options.protocols?.();
      ws = createSocket(options.url, protocols && protocols.length > 0 ? protocols : undefined);
    } catch {
      attemptEnded(false);
      scheduleReconnect();
      return;
    }
    socket = ws;
    let opened = false;
    ws.addEventListener('open', () => {
      if (socket !== ws) return;
      opened = true;
      attemptEnded(true);
      backoffMs = initialBackoffMs;
      setStatus({ state: 'open', nextAttemptAt: null });
      for (const frame of unsent.splice(0)) ws.send(JSON.stringify(frame));
    });
    ws.addEventListener('message', (event) => {
      if (socket === ws) handleFrame(typeof event.data === 'string' ? event.data : String(event.data));
    });
    // Browsers follow 'error' with 'close', but Node's WebSocket (undici) fires only 'error' when a
    // connection attempt is refused, so both end this socket; the identity check makes it once.
    const drop = (): void => {
      if (socket !== ws) return;
      socket = null;
      if (!opened) attemptEnded(false);
      ws.close();
      failPending('The connection to Linewatch was lost');
      if (!closedForGood) scheduleReconnect();
    };
    ws.addEventListener('error', drop);
    ws.addEventListener('close', drop);
  }

  const call = <K extends RequestName>(name: K, request: RequestOf<K>): Promise<Result<ResponseOf<K>>> => {
    if (!socket) return Promise.resolve(transportError('Not connected to Linewatch'));
    const frame: ClientFrame = { type: 'request', id: nextRequestId++, method: name, payload: request };
    const current = socket;
    return new Promise<Result<ResponseOf<K>>>((resolve) => {
      // handleFrame settles with checkedResult(name, ...), a Result<ResponseOf<K>>.
      pending.set(frame.id, { name, settle: (result) => resolve(result as Result<ResponseOf<K>>) });
      if (current.readyState === SOCKET_OPEN) current.send(JSON.stringify(frame));
      else unsent.push(frame);
    });
  };

  const method =
    <K extends RequestName>(name: K) =>
    (request: RequestOf<K>): Promise<Result<ResponseOf<K>>> =>
      call(name, request);
  const methods = perRequest(method) as BridgeRequests;

  connect();

  return {
    ...methods,
    on<E extends EventName>(event: E, listener: EventListener<E>): Unsubscribe {
      const set = eventListeners.get(event) ?? new Set();
      eventListeners.set(event, set);
      // Payloads are validated against events[event] before dispatch, so the widening is safe.
      const untyped = listener as (payload: unknown) => void;
      set.add(untyped);
      return () => set.delete(untyped);
    },
    connection: {
      current: () => status,
      subscribe(listener) {
        statusListeners.add(listener);
        return () => statusListeners.delete(listener);
      },
    },
    reconnect() {
      if (closedForGood) return Promise.resolve(false);
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      const ws = socket;
      socket = null;
      failPending('Reconnecting to Linewatch');
      ws?.close();
      backoffMs = initialBackoffMs;
      // Through 'reconnecting', so the stores reload once the new socket is open.
      setStatus({ state: 'reconnecting', nextAttemptAt: null });
      const outcome = new Promise<boolean>((resolve) => attemptWaiters.push(resolve));
      connect();
      return outcome;
    },
    close() {
      closedForGood = true;
      attemptEnded(false);
      if (retryTimer) clearTimeout(retryTimer);
      const ws = socket;
      socket = null;
      failPending('The Linewatch client was closed');
      ws?.close();
    },
  };
}
