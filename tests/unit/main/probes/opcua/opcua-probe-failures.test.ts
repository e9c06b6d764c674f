// OPC UA probe when the other end misbehaves: nothing listens, a port that accepts and stays silent,
// garbage or half a frame in reply, a server that stops under a pooled session, a server that stops
// answering mid-session. Each is a failure kind, never a crash, and no socket is left behind.
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOpcuaProbe, type OpcuaProbe, type OpcuaProbeInput } from '@src/main/probes/opcua/opcua-probe';
import { startOpcuaServer, type TestOpcuaServer } from '../../../../support/opcua-server';
import { makeTempDir, type TempDir } from '../../../../support/temp-store';

const HOST = '127.0.0.141';
const TIMEOUT_MS = 10_000;
/** For the checks that must time out: short, since nothing on loopback will answer anyway. */
const SHORT_TIMEOUT_MS = 400;

let server: TestOpcuaServer;
let serverDir: TempDir;
beforeAll(async () => {
  serverDir = makeTempDir('opcua-server');
  server = await startOpcuaServer({ host: HOST, dataDir: serverDir.dir });
}, 60_000);
afterAll(async () => {
  await server.stop();
  serverDir.remove();
});

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

function newProbe(): OpcuaProbe {
  const temp = makeTempDir('opcua-pki');
  const probe = createOpcuaProbe({ pkiDir: temp.dir });
  cleanups.push(() => temp.remove());
  cleanups.push(() => probe.close());
  return probe;
}

const at = (url: string): OpcuaProbeInput => ({ url, security: 'none', auth: 'anonymous' });

interface FakePeer {
  url: string;
  /** Connections the peer holds open now. */
  openConnections(): number;
  close(): Promise<void>;
}

/** A TCP listener that does what `onConnection` says with each connection (and nothing OPC UA). */
async function startFakePeer(onConnection: (socket: net.Socket) => void): Promise<FakePeer> {
  const sockets = new Set<net.Socket>();
  const listener = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.once('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => listener.listen(0, HOST, resolve));
  const { port } = listener.address() as net.AddressInfo;
  return {
    url: `opc.tcp://${HOST}:${port}`,
    openConnections: () => sockets.size,
    close: () =>
      new Promise<void>((resolve) => {
        sockets.forEach((socket) => socket.destroy());
        listener.close(() => resolve());
      }),
  };
}

async function usePeer(onConnection: (socket: net.Socket) => void): Promise<FakePeer> {
  const peer = await startFakePeer(onConnection);
  cleanups.push(() => peer.close());
  return peer;
}

/** A port on HOST where nothing listens (the OS just handed it out and it was closed again). */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, HOST, resolve));
  const { port } = probe.address() as net.AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** A TCP relay to the real server that can stop passing bytes on, like a link that went dead. */
async function useFreezableRelay(target: string): Promise<FakePeer & { freeze(): void }> {
  const { hostname, port } = new URL(target);
  let frozen = false;
  const peer = await usePeer((client) => {
    const upstream = net.connect({ host: hostname, port: Number(port) });
    upstream.on('error', () => client.destroy());
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.on('data', (chunk) => frozen || upstream.write(chunk));
    upstream.on('data', (chunk) => frozen || client.write(chunk));
  });
  return { ...peer, freeze: () => (frozen = true) };
}

describe('opcua probe failures', () => {
  it('reports refused when nothing listens on the port', async () => {
    const probe = newProbe();
    const outcome = await probe.check(at(`opc.tcp://${HOST}:${await closedPort()}`), TIMEOUT_MS);
    expect(outcome).toEqual({ ok: false, kind: 'refused', message: 'connect ECONNREFUSED', rttMs: null });
    expect(probe.pooledSessions()).toBe(0);
  });

  it('reports timeout for a port that accepts and says nothing (half-open), and lets the connection go', async () => {
    // It reads what comes (so it sees the probe hang up) and never answers.
    const silent = await usePeer((socket) => socket.resume());
    const probe = newProbe();
    const started = performance.now();
    expect(await probe.check(at(silent.url), SHORT_TIMEOUT_MS)).toEqual({
      ok: false,
      kind: 'timeout',
      message: `no answer within ${SHORT_TIMEOUT_MS} ms`,
      rttMs: null,
    });
    expect(performance.now() - started).toBeLessThan(SHORT_TIMEOUT_MS + 2_000);
    expect(probe.pooledSessions()).toBe(0);
    // The probe hung up: the silent peer sees its connection close.
    await expect.poll(() => silent.openConnections()).toBe(0);
  });

  it('reports protocol for garbage in reply to the handshake, without crashing', async () => {
    const garbage = await usePeer((socket) => {
      socket.once('data', () => socket.write('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n'));
    });
    const probe = newProbe();
    expect(await probe.check(at(garbage.url), TIMEOUT_MS)).toMatchObject({ ok: false, kind: 'protocol' });
    await expect.poll(() => garbage.openConnections()).toBe(0);
  });

  it('reports a clear failure when the server closes in the middle of its reply', async () => {
    // "ACKF" and a length, then the connection ends before the announced 28 bytes have come.
    const halfFrame = Buffer.from([0x41, 0x43, 0x4b, 0x46, 28, 0, 0, 0, 0, 0]);
    const cut = await usePeer((socket) => socket.once('data', () => socket.end(halfFrame)));
    const probe = newProbe();
    const outcome = await probe.check(at(cut.url), TIMEOUT_MS);
    expect(outcome.ok).toBe(false);
    expect(['protocol', 'unreachable']).toContain(outcome.ok ? null : outcome.kind);
    await expect.poll(() => cut.openConnections()).toBe(0);
  });

  it('drops a pooled session whose server stops, and reports refused at the next check', async () => {
    const dir = makeTempDir('opcua-server-stops');
    cleanups.push(() => dir.remove());
    const stopping = await startOpcuaServer({ host: HOST, dataDir: dir.dir });
    const probe = newProbe();
    expect((await probe.check(at(stopping.url), TIMEOUT_MS)).ok).toBe(true);
    expect(probe.pooledSessions()).toBe(1);
    await stopping.stop();
    // The closed connection is noticed between checks: the next one does not reuse a dead session.
    await expect.poll(() => probe.pooledSessions()).toBe(0);
    expect(await probe.check(at(stopping.url), TIMEOUT_MS)).toMatchObject({ ok: false, kind: 'refused' });
  }, 60_000);

  it('reports timeout when a pooled session stops answering, and opens a new one afterwards', async () => {
    const relay = await useFreezableRelay(server.url);
    const probe = newProbe();
    expect((await probe.check(at(relay.url), TIMEOUT_MS)).ok).toBe(true);
    relay.freeze();
    expect(await probe.check(at(relay.url), SHORT_TIMEOUT_MS)).toMatchObject({ ok: false, kind: 'timeout' });
    // The silent session is given up at once: its channel is cut, not closed politely (which would
    // wait for a CloseSession answer that never comes).
    expect(probe.pooledSessions()).toBe(0);
    const closing = performance.now();
    await probe.close();
    expect(performance.now() - closing).toBeLessThan(3_000);
    expect((await probe.check(at(server.url), TIMEOUT_MS)).ok).toBe(true);
  }, 60_000);
});

/** The sockets and timers this process holds now (vitest's own handles are the same before and after). */
function handleCounts(): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) counts[name] = (counts[name] ?? 0) + 1;
  return counts;
}

describe('opcua probe resources', () => {
  it('holds no extra socket, timer or watcher after 1,000 checks and close()', async () => {
    const before = handleCounts();
    const silent = await usePeer((socket) => socket.resume());
    const refusedUrl = `opc.tcp://${HOST}:${await closedPort()}`;
    const probe = newProbe();
    let ok = 0;
    for (let i = 0; i < 1_000; i += 1) {
      // Mostly the pooled session; every 50th check a refused port, every 250th a silent one.
      const url = i % 250 === 249 ? silent.url : i % 50 === 49 ? refusedUrl : server.url;
      const outcome = await probe.check(at(url), url === silent.url ? SHORT_TIMEOUT_MS : TIMEOUT_MS);
      if (outcome.ok) ok += 1;
    }
    expect(ok).toBe(1_000 - 20);
    expect(probe.pooledSessions()).toBe(1);
    await probe.close();
    await silent.close();
    // Sockets close asynchronously on both sides (the server runs in this process too). Timers of
    // vitest or the server may come and go; none of any kind may be left over by the probe.
    const leftOver = (): Record<string, number> => {
      const now = handleCounts();
      return Object.fromEntries(Object.entries(now).filter(([name, count]) => count > (before[name] ?? 0)));
    };
    await expect.poll(leftOver).toEqual({});
  }, 60_000);
});
