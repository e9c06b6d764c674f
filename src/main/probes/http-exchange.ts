// One HTTP(S) request/response of a probe: the status, the Location header and, only when the
// config expects a text, at most the first 64 KiB of the body. Redirects and the overall deadline
// are the caller's business.
import http from 'node:http';
import https from 'node:https';
import { failureKindOfErrorCode, type FailureKind } from './probe-result';

export const MAX_BODY_BYTES = 64 * 1024;

export type ExchangeOutcome =
  | { type: 'response'; status: number; location: string | null; body: string | null; truncated: boolean }
  | { type: 'error'; kind: FailureKind; message: string };

export interface ExchangeOptions {
  tlsVerify: boolean;
  /** Read (up to MAX_BODY_BYTES of) the body; otherwise the connection is dropped after the headers. */
  readBody: boolean;
  signal: AbortSignal;
}

// Certificate problems arrive with OpenSSL's names; handshake problems with ERR_SSL_*/ERR_TLS_*.
const TLS_CODE = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|EPROTO$)/;

export function classifyRequestError(error: NodeJS.ErrnoException & { library?: string }): {
  kind: FailureKind;
  message: string;
} {
  const code = error.code ?? '';
  if (TLS_CODE.test(code) || error.library === 'SSL routines')
    return { kind: 'tls', message: `TLS ${code || 'error'}` };
  const kind = failureKindOfErrorCode(code);
  if (kind === 'dns') return { kind, message: `host name did not resolve (${code})` };
  if (kind === 'refused') return { kind, message: 'connection refused' };
  const message = code ? `request failed: ${code}` : error.message;
  return { kind, message: message.length > 100 ? message.slice(0, 100) : message };
}

export function exchange(url: URL, options: ExchangeOptions): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (outcome: ExchangeOutcome): void => {
      if (settled) return;
      settled = true;
      request.destroy();
      resolve(outcome);
    };
    const client = url.protocol === 'https:' ? https : http;
    // agent: false - every check opens its own connection, so a check measures a real connect
    // and a half-dead keep-alive socket cannot answer for the device.
    const request = client.get(url, {
      agent: false,
      rejectUnauthorized: options.tlsVerify,
      headers: { 'user-agent': 'Linewatch', accept: '*/*' },
      signal: options.signal,
    });
    request.once('error', (error: NodeJS.ErrnoException) => {
      if (error.name === 'AbortError') settle({ type: 'error', kind: 'timeout', message: 'aborted' });
      else settle({ type: 'error', ...classifyRequestError(error) });
    });
    request.once('response', (response) => {
      const status = response.statusCode ?? 0;
      const location = response.headers.location ?? null;
      if (!options.readBody) {
        settle({ type: 'response', status, location, body: null, truncated: false });
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      const done = (): void =>
        settle({
          type: 'response',
          status,
          location,
          body: Buffer.concat(chunks).toString('utf8'),
          truncated: size >= MAX_BODY_BYTES,
        });
      response.on('data', (chunk: Buffer) => {
        const room = MAX_BODY_BYTES - size;
        chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
        size += Math.min(chunk.length, room);
        if (size >= MAX_BODY_BYTES) done();
      });
      response.once('end', done);
      response.once('error', (error: NodeJS.ErrnoException) =>
        settle({ type: 'error', ...classifyRequestError(error) }),
      );
    });
  });
}
