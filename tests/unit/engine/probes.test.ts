// Probes against real servers on loopback addresses.
import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/main/demo/simulated-device';
import { probeHttp } from '../../../src/main/probes/http-probe';
import { probeTcp } from '../../../src/main/probes/tcp-probe';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function device(kind: 'tcp' | 'http', host: string): Promise<SimulatedDevice> {
  const d = await startSimulatedDevice({ kind, host });
  cleanups.push(() => d.stop());
  return d;
}

describe('tcp probe', () => {
  it('measures the connect time of a listening device', async () => {
    const d = await device('tcp', '127.0.0.31');
    const result = await probeTcp(d.host, d.port, 1000);
    expect(result.ok).toBe(true);
    expect(result.rttMs).toBeGreaterThanOrEqual(0);
    expect(result.rttMs).toBeLessThan(1000);
  });

  it('reports refused when the device stops, and ok when it returns on the same address', async () => {
    const d = await device('tcp', '127.0.0.32');
    await d.stop();
    const down = await probeTcp(d.host, d.port, 1000);
    expect(down).toMatchObject({ ok: false, kind: 'refused' });
    await d.start();
    expect((await probeTcp(d.host, d.port, 1000)).ok).toBe(true);
  });
});

describe('http probe', () => {
  it('is ok on the expected status and text, text_mismatch on the wrong text', async () => {
    const d = await device('http', '127.0.0.33');
    const url = `http://${d.host}:${d.port}/health`;
    const options = { url, expectStatus: 200, expectText: 'OK', tlsVerify: true, timeoutMs: 1000 };
    expect((await probeHttp(options)).ok).toBe(true);
    d.setUnhealthy(true);
    expect(await probeHttp(options)).toMatchObject({ ok: false, kind: 'text_mismatch' });
  });

  it('reports http_status for an unexpected status', async () => {
    const server = http.createServer((_q, r) => r.writeHead(503).end('busy'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.34', resolve));
    cleanups.push(() => new Promise((resolve) => server.close(() => resolve())));
    const { port } = server.address() as net.AddressInfo;
    const result = await probeHttp({
      url: `http://127.0.0.34:${port}/`,
      expectStatus: 200,
      expectText: null,
      tlsVerify: true,
      timeoutMs: 1000,
    });
    expect(result).toMatchObject({ ok: false, kind: 'http_status', message: 'HTTP 503, expected 200' });
  });

  it('times out on a device that accepts but never answers', async () => {
    const sockets: net.Socket[] = [];
    const server = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.35', resolve));
    cleanups.push(async () => {
      sockets.forEach((s) => s.destroy());
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const { port } = server.address() as net.AddressInfo;
    const started = Date.now();
    const result = await probeHttp({
      url: `http://127.0.0.35:${port}/`,
      expectStatus: null,
      expectText: null,
      tlsVerify: true,
      timeoutMs: 300,
    });
    expect(result).toMatchObject({ ok: false, kind: 'timeout' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
