// One List Identity request and its reply frame, over TCP or UDP. Each exchange opens its own
// socket and resolves only after that socket has closed, so a finished check holds no handle,
// whatever way it ended (reply, timeout, reset, garbage).
import dgram from 'node:dgram';
import { isIPv6, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import {
  checkListIdentityCommand,
  ENCAPSULATION_HEADER_BYTES,
  readEncapsulationHeader,
} from './list-identity';
import { failureKindOfErrorCode } from '../probe-result';

/** The kinds an exchange itself can end with; decoding the frame adds the others. A failure has an
 * RTT only when reply bytes came back (a garbled reply is still an answer, a reset is not). */
export type ExchangeFailureKind =
  'timeout' | 'refused' | 'unreachable' | 'dns' | 'closed' | 'bad_reply' | 'error';

export type Exchange =
  | { type: 'frame'; frame: Buffer; rttMs: number }
  | { type: 'failure'; kind: ExchangeFailureKind; message: string; rttMs: number | null };

const failure = (kind: ExchangeFailureKind, message: string, rttMs: number | null = null): Exchange => ({
  type: 'failure',
  kind,
  message,
  rttMs,
});

/**
 * The shared socket-error mapping, narrowed to what a socket can say; a reset or broken pipe is a
 * connection that dropped (closed), not a network that cannot be reached.
 */
function kindOfSocketError(code: string | undefined): ExchangeFailureKind {
  if (code === 'ECONNRESET' || code === 'EPIPE') return 'closed';
  const kind = failureKindOfErrorCode(code);
  return kind === 'refused' || kind === 'timeout' || kind === 'unreachable' || kind === 'dns'
    ? kind
    : 'error';
}

/**
 * The one outcome of an exchange: the first to arrive wins, stops the deadline and closes the
 * socket; later events (an 'end' after the frame, the close itself) change nothing.
 */
function oneOutcome(timeoutMs: number, onTimeout: () => Exchange, closeSocket: () => void) {
  let outcome: Exchange | null = null;
  let sentAt: number | null = null;
  const settle = (result: Exchange): void => {
    if (outcome !== null) return;
    outcome = result;
    clearTimeout(timer);
    closeSocket();
  };
  const timer = setTimeout(() => settle(onTimeout()), timeoutMs);
  return {
    settle,
    markSent: (): void => void (sentAt = performance.now()),
    sent: (): boolean => sentAt !== null,
    /** Time since the request went out: the RTT once the reply is in. */
    elapsed: (): number | null => (sentAt === null ? null : performance.now() - sentAt),
    /** Where an error struck: before the request went out, or after. */
    stage: (): string => (sentAt === null ? 'connect' : 'while waiting for the reply:'),
    result: (): Exchange => outcome ?? failure('error', 'socket closed with no outcome'),
  };
}

const errorText = (error: NodeJS.ErrnoException): string => error.code ?? error.message;
const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * TCP: connect, send, read one encapsulation frame (its header says how long it is), close. A
 * connection that opens and then says nothing (a half-open peer, a hung stack) is a timeout.
 */
export function exchangeTcp(
  host: string,
  port: number,
  request: Buffer,
  timeoutMs: number,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const chunks: Buffer[] = [];
    let received = 0;
    let frameBytes: number | null = null;
    const exchange = oneOutcome(
      timeoutMs,
      () => {
        if (!exchange.sent()) return failure('timeout', `no TCP connection within ${timeoutMs} ms`);
        if (received === 0)
          return failure('timeout', `connected, but no List Identity reply within ${timeoutMs} ms`);
        return failure('timeout', `only ${received} reply bytes within ${timeoutMs} ms`);
      },
      () => socket.destroy(),
    );

    socket.once('connect', () => {
      exchange.markSent();
      socket.write(request);
    });
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      received += chunk.length;
      if (frameBytes === null && received >= ENCAPSULATION_HEADER_BYTES) {
        const header = readEncapsulationHeader(Buffer.concat(chunks, received));
        try {
          // Garbage is known from its first 24 bytes; waiting for a length it never meant would
          // turn it into a timeout.
          checkListIdentityCommand(header);
        } catch (error) {
          exchange.settle(failure('bad_reply', messageOf(error), exchange.elapsed()));
          return;
        }
        frameBytes = ENCAPSULATION_HEADER_BYTES + header.length;
      }
      if (frameBytes !== null && received >= frameBytes) {
        const frame = Buffer.concat(chunks, received).subarray(0, frameBytes);
        exchange.settle({ type: 'frame', frame, rttMs: exchange.elapsed() ?? 0 });
      }
    });
    socket.once('end', () => {
      const expected = frameBytes === null ? '' : ` of ${frameBytes}`;
      exchange.settle(
        failure(
          'closed',
          received === 0
            ? 'connection closed without a reply'
            : `connection closed after ${received}${expected} reply bytes`,
        ),
      );
    });
    // `on`, not `once`: a second error event with no listener would throw out of the probe.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      exchange.settle(failure(kindOfSocketError(error.code), `${exchange.stage()} ${errorText(error)}`));
    });
    // 'close' comes after the handle is released: only then is the check over.
    socket.once('close', () => {
      exchange.settle(failure('closed', 'connection closed'));
      resolve(exchange.result());
    });
    try {
      socket.connect({ host, port });
    } catch (error) {
      exchange.settle(failure('error', `connect: ${messageOf(error)}`));
    }
  });
}

/**
 * UDP: one datagram out, the first datagram back is the reply (the socket is connected, so the
 * kernel drops datagrams from anyone else, and an ICMP port-unreachable arrives as ECONNREFUSED).
 * There is no resend: a lost datagram is a failed check, and down_after decides what that means.
 */
export function exchangeUdp(
  host: string,
  port: number,
  request: Buffer,
  timeoutMs: number,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket(isIPv6(host) ? 'udp6' : 'udp4');
    const exchange = oneOutcome(
      timeoutMs,
      () => failure('timeout', `no List Identity reply datagram within ${timeoutMs} ms`),
      () => socket.close(),
    );
    socket.once('connect', () => {
      exchange.markSent();
      socket.send(request, (error) => {
        if (error) {
          const code = (error as NodeJS.ErrnoException).code;
          exchange.settle(failure(kindOfSocketError(code), `send ${errorText(error)}`));
        }
      });
    });
    socket.on('message', (frame: Buffer) => {
      exchange.settle({ type: 'frame', frame, rttMs: exchange.elapsed() ?? 0 });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      exchange.settle(failure(kindOfSocketError(error.code), `${exchange.stage()} ${errorText(error)}`));
    });
    socket.once('close', () => resolve(exchange.result()));
    try {
      socket.connect(port, host);
    } catch (error) {
      exchange.settle(failure('error', `connect: ${messageOf(error)}`));
    }
  });
}
