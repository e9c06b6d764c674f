// HTTP(S) probe: one GET; the endpoint is up when the status (and, if configured, the body text)
// is what the config expects. The body read is capped so a chatty device cannot eat memory.
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { failureKindOfErrorCode, type FailureKind, type ProbeResult } from './probe-result';

export interface HttpProbeOptions {
  url: string;
  expectStatus: number | null;
  expectText: string | null;
  tlsVerify: boolean;
  timeoutMs: number;
}

const MAX_BODY_BYTES = 64 * 1024;
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
]);

export function probeHttp(options: HttpProbeOptions): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    let settled = false;
    const finish = (result: ProbeResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(result);
    };
    const fail = (kind: FailureKind, message: string, rttMs: number | null = null): void =>
      finish({ ok: false, kind, message, rttMs });

    const url = new URL(options.url);
    const client = url.protocol === 'https:' ? https : http;
    const request = client.get(url, {
      rejectUnauthorized: options.tlsVerify,
      headers: { 'user-agent': 'Linewatch' },
    });
    const timer = setTimeout(
      () => fail('timeout', `no answer within ${options.timeoutMs} ms`),
      options.timeoutMs,
    );

    request.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code && TLS_CODES.has(error.code)) fail('tls', `TLS ${error.code}`);
      else fail(failureKindOfErrorCode(error.code), error.code ?? error.message);
    });
    request.once('response', (response) => {
      const rttMs = performance.now() - started;
      const status = response.statusCode ?? 0;
      const statusOk =
        options.expectStatus === null ? status >= 200 && status < 400 : status === options.expectStatus;
      if (!statusOk) {
        response.resume();
        const expected = options.expectStatus === null ? '2xx or 3xx' : String(options.expectStatus);
        fail('http_status', `HTTP ${status}, expected ${expected}`, rttMs);
        return;
      }
      if (options.expectText === null) {
        response.resume();
        finish({ ok: true, rttMs });
        return;
      }
      const expectText = options.expectText;
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        body += chunk;
        if (body.includes(expectText)) finish({ ok: true, rttMs });
        else if (body.length > MAX_BODY_BYTES)
          fail('text_mismatch', 'expected text not in the first 64 KiB', rttMs);
      });
      response.once('end', () => {
        if (body.includes(expectText)) finish({ ok: true, rttMs });
        else fail('text_mismatch', 'expected text not found in the response', rttMs);
      });
      response.once('error', (error) => fail('error', error.message, rttMs));
    });
  });
}
