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

/** Before a connection exists, an error code says how the network answered. */
function kindOfSocketError(code: string | undefined): ExchangeFailureKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 'unreachable';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'closed';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    default:
      return 'error';
  }
}

const errorText = (error: NodeJS.ErrnoException): string => error.code ?? error.message;
/** Where an error struck: before the request went out, or after. */
const stage = (sentAt: number | null): string =>
  sentAt === null ? 'connect' : 'while waiting for the reply:';
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
    let sentAt: number | null = null;
    let outcome: Exchange | null = null;
    const finish = (result: Exchange): void => {
      if (outcome !== null) return;
      outcome = result;
      clearTimeout(timer);
      socket.destroy();
    };
    const elapsed = (): number | null => (sentAt === null ? null : performance.now() - sentAt);
    const timer = setTimeout(() => {
      if (sentAt === null) finish(failure('timeout', `no TCP connection within ${timeoutMs} ms`));
      else if (received === 0)
        finish(failure('timeout', `connected, but no List Identity reply within ${timeoutMs} ms`));
      else finish(failure('timeout', `only ${received} reply bytes within ${timeoutMs} ms`));
    }, timeoutMs);

    socket.once('connect', () => {
      sentAt = performance.now();
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
          finish(failure('bad_reply', messageOf(error), elapsed()));
          return;
        }
        frameBytes = ENCAPSULATION_HEADER_BYTES + header.length;
      }
      if (frameBytes !== null && received >= frameBytes) {
        const rttMs = elapsed() ?? 0;
        finish({ type: 'frame', frame: Buffer.concat(chunks, received).subarray(0, frameBytes), rttMs });
      }
    });
    socket.once('end', () => {
      const expected = frameBytes === null ? '' : ` of ${frameBytes}`;
      const message =
        received === 0
          ? 'connection closed without a reply'
          : `connection closed after ${received}${expected} reply bytes`;
      finish(failure('closed', message));
    });
    // `on`, not `once`: a second error event with no listener would throw out of the probe.
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(failure(kindOfSocketError(error.code), `${stage(sentAt)} ${errorText(error)}`));
    });
    // 'close' comes after the handle is released: only then is the check over.
    socket.once('close', () => {
      finish(failure('closed', 'connection closed'));
      resolve(outcome ?? failure('error', 'socket closed with no outcome'));
    });
    try {
      socket.connect({ host, port });
    } catch (error) {
      finish(failure('error', `connect: ${messageOf(error)}`));
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
    let sentAt: number | null = null;
    let outcome: Exchange | null = null;
    const finish = (result: Exchange): void => {
      if (outcome !== null) return;
      outcome = result;
      clearTimeout(timer);
      socket.close();
    };
    const elapsed = (): number | null => (sentAt === null ? null : performance.now() - sentAt);
    const timer = setTimeout(
      () => finish(failure('timeout', `no List Identity reply datagram within ${timeoutMs} ms`)),
      timeoutMs,
    );
    socket.once('connect', () => {
      sentAt = performance.now();
      socket.send(request, (error) => {
        if (error)
          finish(
            failure(kindOfSocketError((error as NodeJS.ErrnoException).code), `send ${errorText(error)}`),
          );
      });
    });
    socket.on('message', (frame: Buffer) => {
      finish({ type: 'frame', frame, rttMs: elapsed() ?? 0 });
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      finish(failure(kindOfSocketError(error.code), `${stage(sentAt)} ${errorText(error)}`));
    });
    socket.once('close', () => resolve(outcome ?? failure('error', 'socket closed with no outcome')));
    try {
      socket.connect(port, host);
    } catch (error) {
      finish(failure('error', `connect: ${messageOf(error)}`));
    }
  });
}
