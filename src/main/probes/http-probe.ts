// HTTP(S) probe: a GET that follows at most MAX_REDIRECTS redirects; the endpoint is up when the
// final status (and, if configured, the body text) is what the config expects. One deadline
// covers the whole exchange, redirects included, because that is what the operator waits for.
import { performance } from 'node:perf_hooks';
import { exchange, MAX_BODY_BYTES } from './http-exchange';
import type { FailureKind, ProbeResult } from './probe-result';

export interface HttpProbeOptions {
  url: string;
  expectStatus: number | null;
  expectText: string | null;
  tlsVerify: boolean;
  timeoutMs: number;
}

export const MAX_REDIRECTS = 3;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const fail = (kind: FailureKind, message: string, rttMs: number | null = null): ProbeResult => ({
  ok: false,
  kind,
  message,
  rttMs,
});

async function follow(options: HttpProbeOptions, signal: AbortSignal, started: number): Promise<ProbeResult> {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    return fail('error', 'invalid URL');
  }
  for (let redirects = 0; ; redirects += 1) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return fail('error', `unsupported scheme ${url.protocol}`);
    const outcome = await exchange(url, {
      tlsVerify: options.tlsVerify,
      readBody: options.expectText !== null,
      signal,
    });
    if (outcome.type === 'error') return fail(outcome.kind, outcome.message);
    const rttMs = performance.now() - started;
    const { status, location } = outcome;
    // A configured 3xx is the answer itself, not a hop.
    const isHop = REDIRECT_STATUSES.has(status) && location !== null && status !== options.expectStatus;
    if (isHop) {
      if (redirects >= MAX_REDIRECTS)
        return fail('http_status', `too many redirects (more than ${MAX_REDIRECTS})`, rttMs);
      try {
        url = new URL(location, url);
      } catch {
        return fail('http_status', `HTTP ${status} with an invalid Location`, rttMs);
      }
      continue;
    }
    const statusOk =
      options.expectStatus === null ? status >= 200 && status < 400 : status === options.expectStatus;
    if (!statusOk) {
      const expected = options.expectStatus === null ? '2xx or 3xx' : String(options.expectStatus);
      return fail('http_status', `HTTP ${status}, expected ${expected}`, rttMs);
    }
    if (options.expectText !== null && !(outcome.body ?? '').includes(options.expectText)) {
      const where = outcome.truncated ? `in the first ${MAX_BODY_BYTES / 1024} KiB` : 'in the response';
      return fail('text_mismatch', `expected text not found ${where}`, rttMs);
    }
    return { ok: true, rttMs };
  }
}

export async function probeHttp(options: HttpProbeOptions): Promise<ProbeResult> {
  const started = performance.now();
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<ProbeResult>((resolve) => {
    timer = setTimeout(() => {
      controller.abort();
      resolve(fail('timeout', `no complete answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
  });
  try {
    return await Promise.race([follow(options, controller.signal, started), deadline]);
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}
