// The EtherNet/IP probe against a List Identity responder on loopback, over TCP and over UDP: each
// reply the responder can give ends as one clear outcome, never a crash or a hang.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { probeEnip, type EnipTransport } from '@src/main/probes/enip/enip-probe';
import {
  FIXTURE_IDENTITIES,
  startEnipResponder,
  type EnipResponder,
} from '../../../../support/enip-responder';

/** Long enough that a loaded machine cannot turn a loopback answer into a timeout. */
const GENEROUS_TIMEOUT_MS = 10_000;
/** For the checks that must time out: short, since nothing will ever come. */
const SILENT_TIMEOUT_MS = 300;

const EN2T = FIXTURE_IDENTITIES['1756-en2t'];

describe.each<[EnipTransport, string]>([
  ['tcp', '127.0.44.1'],
  ['udp', '127.0.44.2'],
])('enip probe over %s', (transport, host) => {
  let responder: EnipResponder;
  beforeAll(async () => {
    responder = await startEnipResponder({ host });
  });
  afterAll(async () => {
    await responder.close();
  });
  beforeEach(() => {
    responder.setMode('normal');
    responder.setFixture('1756-en2t');
  });
  const probe = (timeoutMs = GENEROUS_TIMEOUT_MS) =>
    probeEnip({ host, port: responder.port, transport }, timeoutMs);

  it('reads the identity of a 1756-EN2T, one request per check, RTT inside the call', async () => {
    const before = responder.requests;
    const started = performance.now();
    const outcome = await probe();
    const elapsedMs = performance.now() - started;
    expect(outcome).toEqual({
      ok: true,
      rttMs: expect.any(Number) as unknown,
      identity: EN2T,
      minorFault: null,
    });
    expect(outcome.rttMs).toBeGreaterThanOrEqual(0);
    expect(outcome.rttMs).toBeLessThanOrEqual(elapsedMs);
    expect(responder.requests - before).toBe(1);
  });

  it('reads the identity of a PowerFlex 755', async () => {
    responder.setFixture('powerflex-755');
    expect(await probe()).toMatchObject({
      ok: true,
      identity: { productName: 'PowerFlex 755', revision: '10.1', deviceType: 143, productCode: 2192 },
    });
  });

  it('fails with device_fault on a major recoverable fault, naming it and the product', async () => {
    responder.setMode('major_recoverable');
    expect(await probe()).toEqual({
      ok: false,
      kind: 'device_fault',
      message: '1756-EN2T/D: major recoverable fault (status word 0x0460, state 3)',
      rttMs: expect.any(Number) as unknown,
      identity: { ...EN2T, status: 0x0460 },
    });
  });

  it('fails with device_fault on a major unrecoverable fault of a drive', async () => {
    responder.setFixture('powerflex-755');
    responder.setMode('major_unrecoverable');
    expect(await probe()).toMatchObject({
      ok: false,
      kind: 'device_fault',
      message: 'PowerFlex 755: major unrecoverable fault (status word 0x0875, state 3)',
    });
  });

  it('counts a device with a minor fault as up, and says which', async () => {
    responder.setMode('minor_recoverable');
    expect(await probe()).toMatchObject({
      ok: true,
      minorFault: 'recoverable',
      identity: { status: 0x0160 },
    });
    responder.setMode('minor_unrecoverable');
    expect(await probe()).toMatchObject({
      ok: true,
      minorFault: 'unrecoverable',
      identity: { status: 0x0260 },
    });
  });

  it('comes back up when the fault clears', async () => {
    responder.setMode('major_unrecoverable');
    expect(await probe()).toMatchObject({ ok: false, kind: 'device_fault' });
    responder.setMode('normal');
    expect(await probe()).toMatchObject({ ok: true, minorFault: null });
  });

  it('reports protocol when the device answers with an error status', async () => {
    responder.setMode('error_status');
    expect(await probe()).toMatchObject({
      ok: false,
      kind: 'protocol',
      message: 'device refused List Identity: encapsulation status 0x0001 (invalid or unsupported command)',
      rttMs: expect.any(Number) as unknown,
    });
  });

  it('reports bad_reply for garbage (a web page on the port)', async () => {
    responder.setMode('garbage');
    expect(await probe()).toMatchObject({
      ok: false,
      kind: 'bad_reply',
      message: 'not a List Identity reply: command 0x5448 at byte 0, expected 0x0063',
    });
  });

  it('reports bad_reply for a reply whose identity item is cut short', async () => {
    responder.setMode('truncated');
    expect(await probe()).toMatchObject({
      ok: false,
      kind: 'bad_reply',
      message: 'CPF item 1 data: needs 45 bytes at byte 30, only 39 left',
    });
  });

  it('reports a timeout when the device takes the request and never answers', async () => {
    responder.setMode('silent');
    const message =
      transport === 'tcp'
        ? `connected, but no List Identity reply within ${SILENT_TIMEOUT_MS} ms`
        : `no List Identity reply datagram within ${SILENT_TIMEOUT_MS} ms`;
    expect(await probe(SILENT_TIMEOUT_MS)).toEqual({ ok: false, kind: 'timeout', message, rttMs: null });
  });
});

describe('enip probe, what only one transport has', () => {
  it('tcp: a connection closed mid-frame is closed, with how far it got', async () => {
    const responder = await startEnipResponder({ host: '127.0.44.3' });
    try {
      responder.setMode('close_mid_frame');
      expect(
        await probeEnip(
          { host: responder.host, port: responder.port, transport: 'tcp' },
          GENEROUS_TIMEOUT_MS,
        ),
      ).toMatchObject({ ok: false, kind: 'closed', message: 'connection closed after 40 of 75 reply bytes' });
    } finally {
      await responder.close();
    }
  });

  it('udp: a short datagram (the same cut) is bad_reply', async () => {
    const responder = await startEnipResponder({ host: '127.0.44.4' });
    try {
      responder.setMode('close_mid_frame');
      expect(
        await probeEnip(
          { host: responder.host, port: responder.port, transport: 'udp' },
          GENEROUS_TIMEOUT_MS,
        ),
      ).toMatchObject({
        ok: false,
        kind: 'bad_reply',
        message: 'encapsulation length says 51 data bytes, the reply has 16',
      });
    } finally {
      await responder.close();
    }
  });

  it('tcp: a listener that accepts and closes at once is closed, without a reply', async () => {
    // resume(): a paused socket would never read the client's FIN and would keep server.close() waiting.
    const server = net.createServer((socket) => socket.resume().end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.44.5', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(
        await probeEnip({ host: '127.0.44.5', port, transport: 'tcp' }, GENEROUS_TIMEOUT_MS),
      ).toMatchObject({
        ok: false,
        kind: 'closed',
        message: 'connection closed without a reply',
      });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('enip probe, no device', () => {
  it.each<[EnipTransport, string]>([
    ['tcp', 'connect ECONNREFUSED'],
    // The datagram went out; the ICMP port-unreachable comes back on the connected socket.
    ['udp', 'while waiting for the reply: ECONNREFUSED'],
  ])('%s: refused where nothing listens', async (transport, message) => {
    const responder = await startEnipResponder({ host: '127.0.44.6' });
    const port = responder.port;
    await responder.close();
    expect(await probeEnip({ host: '127.0.44.6', port, transport }, GENEROUS_TIMEOUT_MS)).toEqual({
      ok: false,
      kind: 'refused',
      message,
      rttMs: null,
    });
  });

  it.each<EnipTransport>(['tcp', 'udp'])('%s: dns for a name that does not resolve', async (transport) => {
    expect(await probeEnip({ host: 'plc.invalid', transport }, GENEROUS_TIMEOUT_MS)).toMatchObject({
      ok: false,
      kind: 'dns',
    });
  });

  it('error for a port out of range, before any socket', async () => {
    expect(
      await probeEnip({ host: '127.0.44.6', port: 70000, transport: 'tcp' }, GENEROUS_TIMEOUT_MS),
    ).toEqual({
      ok: false,
      kind: 'error',
      message: 'port must be 1-65535, got 70000',
      rttMs: null,
    });
  });
});
