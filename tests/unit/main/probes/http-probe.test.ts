// HTTP(S) probe against real servers on loopback addresses: status, text, redirects, the whole-
// exchange deadline, the body cap, TLS verification and DNS failure.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedDevice } from '@src/main/demo/simulated-device';
import { probeHttp, type HttpProbeOptions } from '@src/main/probes/http-probe';
import { startHttpServer, startHttpsServer, type TestServer } from '../../../support/probe-servers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});
const track = (server: TestServer): TestServer => {
  cleanups.push(() => server.close());
  return server;
};

/** For tests that are not about the deadline: long enough that a loaded machine cannot reach it. */
const GENEROUS_TIMEOUT_MS = 10_000;
const probe = (url: string, extra: Partial<HttpProbeOptions> = {}) =>
  probeHttp({
    url,
    expectStatus: null,
    expectText: null,
    tlsVerify: true,
    timeoutMs: GENEROUS_TIMEOUT_MS,
    ...extra,
  });

/** Serves /hop/N -> /hop/N-1 ... -> /hop/0, which answers "OK"; relative and absolute Locations mixed. */
function redirectChain(host: string): Promise<TestServer> {
  return startHttpServer(host, (req, res) => {
    const n = Number(/^\/hop\/(\d+)$/.exec(req.url ?? '')?.[1] ?? -1);
    if (n > 0) {
      const location = n % 2 === 0 ? `/hop/${n - 1}` : `hop/../${n - 1}`;
      res.writeHead(n % 2 === 0 ? 302 : 301, { location }).end();
    } else if (n === 0) res.writeHead(200).end('line 3 OK');
    else res.writeHead(404).end();
  });
}

describe('http probe: status and text', () => {
  it('is ok on the expected status and text, text_mismatch on the wrong text', async () => {
    const d = await startSimulatedDevice({ kind: 'http', host: '127.0.0.33' });
    cleanups.push(() => d.stop());
    const url = `http://${d.host}:${d.port}/health`;
    expect(await probe(url, { expectStatus: 200, expectText: 'OK' })).toMatchObject({ ok: true });
    d.setUnhealthy(true);
    expect(await probe(url, { expectStatus: 200, expectText: 'OK' })).toMatchObject({
      ok: false,
      kind: 'text_mismatch',
      message: 'expected text not found in the response',
      rttMs: expect.any(Number) as unknown,
    });
  });

  it('reports http_status for an unexpected status, with and without expect_status', async () => {
    const server = track(await startHttpServer('127.0.0.34', (_q, r) => r.writeHead(503).end('busy')));
    expect(await probe(server.url(), { expectStatus: 200 })).toMatchObject({
      ok: false,
      kind: 'http_status',
      message: 'HTTP 503, expected 200',
    });
    expect(await probe(server.url())).toMatchObject({
      kind: 'http_status',
      message: 'HTTP 503, expected 2xx or 3xx',
    });
    expect(await probe(server.url(), { expectStatus: 503 })).toMatchObject({ ok: true });
  });

  it('reads at most 64 KiB of the body looking for the text', async () => {
    const server = track(
      await startHttpServer('127.0.0.36', (_q, r) => {
        r.writeHead(200);
        r.write('x'.repeat(70 * 1024));
        r.end('NEEDLE');
      }),
    );
    expect(await probe(server.url(), { expectText: 'NEEDLE' })).toMatchObject({
      ok: false,
      kind: 'text_mismatch',
      message: 'expected text not found in the first 64 KiB',
    });
    expect(await probe(server.url(), { expectText: 'xxx' })).toMatchObject({ ok: true });
  });
});

describe('http probe: redirects', () => {
  it('follows a chain of 2 redirects (relative Locations resolved)', async () => {
    const server = track(await redirectChain('127.0.0.37'));
    expect(await probe(server.url('/hop/2'), { expectStatus: 200, expectText: 'OK' })).toMatchObject({
      ok: true,
    });
    expect(await probe(server.url('/hop/3'), { expectStatus: 200 })).toMatchObject({ ok: true });
  });

  it('fails a chain of 4 with http_status "too many redirects"', async () => {
    const server = track(await redirectChain('127.0.0.37'));
    expect(await probe(server.url('/hop/4'), { expectStatus: 200 })).toMatchObject({
      ok: false,
      kind: 'http_status',
      message: 'too many redirects (more than 3)',
    });
  });

  it('does not follow a redirect the config expects', async () => {
    const server = track(await redirectChain('127.0.0.37'));
    expect(await probe(server.url('/hop/2'), { expectStatus: 302 })).toMatchObject({ ok: true });
  });
});

describe('http probe: failures before a response', () => {
  it('times out on a device that accepts but never answers', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.35', resolve));
    cleanups.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { port } = server.address() as net.AddressInfo;
    const pending = probe(`http://127.0.0.35:${port}/`, { timeoutMs: 300 });
    // A timer of the same length armed just after the probe's own deadline: Node fires equal
    // timers in the order they were armed and settles promises in between, so a probe that keeps
    // to its deadline has answered before this one fires, however late both run on a busy machine.
    let sameLengthTimerFired = false;
    const sameLengthTimer = setTimeout(() => (sameLengthTimerFired = true), 300);
    const result = await pending;
    clearTimeout(sameLengthTimer);
    expect(result).toMatchObject({ ok: false, kind: 'timeout', message: 'no complete answer within 300 ms' });
    expect(sameLengthTimerFired).toBe(false);
  });

  it('counts the whole redirect chain against the timeout', async () => {
    const server = track(
      await startHttpServer('127.0.0.38', (req, res) => {
        // Each hop is quick, the chain is not: 3 x 150 ms > 300 ms.
        setTimeout(() => {
          if (req.url === '/end') res.writeHead(200).end('OK');
          else res.writeHead(302, { location: req.url === '/a' ? '/b' : '/end' }).end();
        }, 150);
      }),
    );
    expect(await probe(server.url('/a'), { timeoutMs: 300 })).toMatchObject({ ok: false, kind: 'timeout' });
    expect(await probe(server.url('/a'))).toMatchObject({ ok: true });
  });

  it('reports refused when nothing listens', async () => {
    const server = track(await startHttpServer('127.0.0.39', (_q, r) => r.end('OK')));
    await server.close();
    expect(await probe(server.url())).toMatchObject({
      ok: false,
      kind: 'refused',
      message: 'connection refused',
    });
  });

  it('reports dns for a name that does not resolve', async () => {
    const result = await probe('http://device.invalid:8080/health');
    expect(result).toMatchObject({ ok: false, kind: 'dns' });
    if (!result.ok) expect(result.message.length).toBeLessThanOrEqual(120);
  });
});

describe('https probe: TLS', () => {
  it('fails with tls on a self-signed HMI when verifying, ok with tlsVerify false', async () => {
    const server = track(await startHttpsServer('127.0.0.40', (_q, r) => r.writeHead(200).end('HMI OK')));
    expect(await probe(server.url(), { expectText: 'OK' })).toMatchObject({
      ok: false,
      kind: 'tls',
      message: 'TLS DEPTH_ZERO_SELF_SIGNED_CERT',
    });
    expect(await probe(server.url(), { expectText: 'OK', tlsVerify: false })).toMatchObject({ ok: true });
  });

  it('reports tls when an https URL reaches a plain HTTP port', async () => {
    const server = track(await startHttpServer('127.0.0.41', (_q, r) => r.end('OK')));
    const result = await probe(server.url().replace('http:', 'https:'), { tlsVerify: false });
    expect(result).toMatchObject({ ok: false, kind: 'tls' });
  });
});
