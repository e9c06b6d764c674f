// One Modbus/TCP connection: our own socket, linked to a modbus-serial client that does the framing.
// We own the socket (linkTCP) rather than letting the library connect because the library leaves a
// request pending forever when the server closes mid-frame or sends bytes that never form a frame;
// watching the socket ourselves turns those into `closed` and `bad_reply` at once instead of a
// timeout, and lets us destroy it for sure (no leaked handle whatever the device does).
import { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import type ModbusRTU from 'modbus-serial';
import type { ModbusReadFunction } from '../config';
import { failureKindOfErrorCode, type FailureKind } from './probe-result';

/** The Modbus exception codes (MODBUS Application Protocol V1.1b3 §7) by the names people use. */
export const MODBUS_EXCEPTIONS: Readonly<Record<number, string>> = {
  0x01: 'illegal function',
  0x02: 'illegal data address',
  0x03: 'illegal data value',
  0x04: 'server device failure',
  0x05: 'acknowledge (still processing)',
  0x06: 'server device busy',
  0x07: 'negative acknowledge',
  0x08: 'memory parity error',
  0x0a: 'gateway path unavailable',
  0x0b: 'gateway target failed to respond',
};

export function modbusExceptionMessage(code: number): string {
  const hex = `0x${code.toString(16).toUpperCase().padStart(2, '0')}`;
  return `Modbus exception ${hex}: ${MODBUS_EXCEPTIONS[code] ?? 'unknown exception code'}`;
}

/** MBAP header (7 bytes) + function code; the largest ADU is 260 bytes, so `length` is at most 254. */
const MBAP_BYTES = 6;
const MAX_MBAP_LENGTH = 254;

export type ModbusValue = number | boolean | string;

export interface ModbusRead {
  function: ModbusReadFunction;
  address: number;
  count: number;
}

export type ModbusAnswer =
  | { ok: true; values: ModbusValue[]; rttMs: number }
  | {
      ok: false;
      kind: FailureKind;
      message: string;
      rttMs: number | null;
      /** The framing is intact (a Modbus exception): the connection may serve the next check. */
      reusable: boolean;
      /** Closed or reset before any byte of a reply: on a reused connection, worth one retry. */
      beforeReply: boolean;
    };

export interface ModbusConnection {
  readonly busy: boolean;
  readonly open: boolean;
  /** One request; resolves by `deadline` (performance.now() ms) at the latest, never rejects. */
  request(read: ModbusRead, unitId: number, deadline: number): Promise<ModbusAnswer>;
  destroy(): void;
}

type Callback = (error: unknown, result?: unknown) => void;

/** The device-identification read code that streams objects from `objectId` (basic, regular, extended). */
const readDeviceIdCode = (objectId: number): number => (objectId <= 2 ? 1 : objectId <= 0x7f ? 2 : 3);

function send(client: ModbusRTU, read: ModbusRead, unitId: number, done: Callback): void {
  const { address, count } = read;
  switch (read.function) {
    case 'coils': {
      client.writeFC1(unitId, address, count, done);
      return;
    }
    case 'discrete_inputs': {
      client.writeFC2(unitId, address, count, done);
      return;
    }
    case 'holding_registers': {
      client.writeFC3(unitId, address, count, done);
      return;
    }
    case 'input_registers': {
      client.writeFC4(unitId, address, count, done);
      return;
    }
    case 'device_identification':
      // The promise API takes the unit id from the client; set right before the synchronous send.
      client.setID(unitId);
      client.readDeviceIdentification(readDeviceIdCode(address), address).then(
        (result) => done(null, result),
        (error: unknown) => done(error),
      );
  }
}

/** The values of a reply, trimmed to what was asked for (coils come back padded to a byte). */
function valuesOf(read: ModbusRead, result: unknown): ModbusValue[] | null {
  if (typeof result !== 'object' || result === null || !('data' in result)) return null;
  const { data } = result;
  if (read.function === 'device_identification') {
    if (typeof data !== 'object' || data === null) return null;
    const objects = Object.values(data as Record<string, unknown>).filter((v) => typeof v === 'string');
    const first = (data as Record<string, unknown>)[String(read.address)];
    // The object asked for first (it is what `expect` is checked against), then the others.
    return typeof first === 'string' ? [first, ...objects.filter((v) => v !== first)] : objects;
  }
  if (!Array.isArray(data)) return null;
  return (data as ModbusValue[]).slice(0, read.count);
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function hasModbusCode(error: unknown): error is { modbusCode: number } {
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { modbusCode?: unknown }).modbusCode === 'number'
  );
}

/** Wraps a connected socket; `onClosed` runs once when it is gone (the pool forgets it). */
function wrap(socket: Socket, client: ModbusRTU, onClosed: () => void): ModbusConnection {
  let busy = false;
  let open = true;
  const gone = (): void => {
    if (!open) return;
    open = false;
    socket.destroy();
    onClosed();
  };
  socket.on('close', gone);
  socket.on('end', gone);
  // Errors end in 'close'; without a listener an idle reset would be an uncaught exception.
  socket.on('error', () => undefined);
  client.on('error', () => undefined);

  return {
    get busy() {
      return busy;
    },
    get open() {
      return open;
    },
    destroy: gone,
    request(read, unitId, deadline) {
      busy = true;
      socket.ref();
      return new Promise<ModbusAnswer>((resolve) => {
        const started = performance.now();
        let settled = false;
        let received = 0;
        let head = Buffer.alloc(0);
        const finish = (answer: ModbusAnswer): void => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          socket.off('data', onData);
          socket.off('close', onClose);
          socket.off('end', onClose);
          socket.off('error', onError);
          busy = false;
          if (!answer.ok && !answer.reusable) gone();
          else socket.unref();
          resolve(answer);
        };
        const fail = (kind: FailureKind, message: string, reusable = false): void => {
          const rttMs = kind === 'protocol' ? performance.now() - started : null;
          // The library reads a reply before our own 'data' listener counts it: a reply it decoded
          // (an exception, a malformed frame) came after bytes, whatever `received` says yet.
          const beforeReply = received === 0 && !reusable && kind !== 'bad_reply';
          finish({ ok: false, kind, message, rttMs, reusable, beforeReply });
        };
        const waitMs = Math.max(0, deadline - started);
        const timer = setTimeout(() => {
          if (received > 0)
            fail(
              'bad_reply',
              `${received} bytes that are not a complete Modbus/TCP reply within ${Math.round(waitMs)} ms`,
            );
          else fail('timeout', `no Modbus reply within ${Math.round(waitMs)} ms (the connection is open)`);
        }, waitMs);
        // The library skips frames it cannot match and waits; a header that cannot be Modbus/TCP
        // (protocol id not 0, or longer than any ADU) is garbage now, not a timeout later.
        const onData = (chunk: Buffer): void => {
          received += chunk.length;
          if (head.length >= MBAP_BYTES) return;
          head = Buffer.concat([head, chunk]).subarray(0, MBAP_BYTES);
          if (head.length < MBAP_BYTES) return;
          const protocolId = head.readUInt16BE(2);
          const length = head.readUInt16BE(4);
          if (protocolId !== 0 || length < 2 || length > MAX_MBAP_LENGTH) {
            fail('bad_reply', `not a Modbus/TCP reply (header ${head.toString('hex')})`);
          }
        };
        const onClose = (): void => {
          fail(
            'closed',
            received > 0
              ? `connection closed mid-reply (after ${received} bytes)`
              : 'connection closed before any reply',
          );
        };
        const onError = (error: NodeJS.ErrnoException): void => {
          fail(failureKindOfErrorCode(error.code), `Modbus connection ${error.code ?? errorText(error)}`);
        };
        socket.on('data', onData);
        socket.once('close', onClose);
        socket.once('end', onClose);
        socket.once('error', onError);
        try {
          send(client, read, unitId, (error, result) => {
            if (settled) return;
            if (error) {
              if (hasModbusCode(error)) fail('protocol', modbusExceptionMessage(error.modbusCode), true);
              else if (!open) onClose();
              else fail('bad_reply', `malformed Modbus reply: ${errorText(error)}`);
              return;
            }
            const values = valuesOf(read, result);
            if (values === null) fail('bad_reply', 'malformed Modbus reply: no values');
            else finish({ ok: true, values, rttMs: performance.now() - started });
          });
        } catch (error) {
          fail('error', `Modbus request failed: ${errorText(error)}`);
        }
      });
    },
  };
}

// modbus-serial costs ~17 MB of RSS once loaded: a plant without Modbus endpoints never loads it
// (measured with `linewatch serve` at 2,000 TCP endpoints, where memory is a goal).
let modbusSerial: Promise<typeof ModbusRTU> | null = null;
const loadModbusSerial = (): Promise<typeof ModbusRTU> =>
  (modbusSerial ??= import('modbus-serial').then((module) => module.default));

export type ConnectOutcome =
  { ok: true; connection: ModbusConnection } | { ok: false; kind: FailureKind; message: string };

/** Connects by `deadline` (performance.now() ms) or fails; the socket is destroyed on any failure. */
export function connectModbus(
  host: string,
  port: number,
  deadline: number,
  onClosed: () => void,
): Promise<ConnectOutcome> {
  // Loaded while the socket connects, so only the very first connection can wait for it.
  const library = loadModbusSerial();
  return new Promise((resolve) => {
    const socket = new Socket();
    let settled = false;
    const finish = (outcome: ConnectOutcome): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.off('error', onError);
      if (!outcome.ok) socket.destroy();
      resolve(outcome);
    };
    const waitMs = Math.max(0, deadline - performance.now());
    const timer = setTimeout(
      () => finish({ ok: false, kind: 'timeout', message: `no TCP connect within ${Math.round(waitMs)} ms` }),
      waitMs,
    );
    const onError = (error: NodeJS.ErrnoException): void => {
      finish({
        ok: false,
        kind: failureKindOfErrorCode(error.code),
        message: `connect ${error.code ?? errorText(error)}`,
      });
    };
    socket.once('error', onError);
    socket.once('connect', () => {
      if (settled) return;
      socket.setNoDelay(true);
      library
        .then((Client) => {
          if (settled) return;
          const client = new Client();
          // No library timeout: our deadline covers connect and reply together.
          return client.linkTCP(socket, { port }).then(() => {
            finish({ ok: true, connection: wrap(socket, client, onClosed) });
          });
        })
        .catch((error: unknown) =>
          finish({ ok: false, kind: 'error', message: `Modbus link failed: ${errorText(error)}` }),
        );
    });
    socket.connect({ host, port });
  });
}
