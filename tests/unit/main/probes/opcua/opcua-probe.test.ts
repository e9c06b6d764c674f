// OPC UA probe against a real node-opcua OPCUAServer on loopback: login, security, server state,
// node values and the session pool, each seen from both sides (the outcome and the server's sessions).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { ServerState } from 'node-opcua-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  createOpcuaProbe,
  type OpcuaProbe,
  type OpcuaProbeOptions,
} from '@src/main/probes/opcua/opcua-probe';
import {
  startOpcuaServer,
  TEST_BUILD_INFO,
  TEST_NODES,
  type TestOpcuaServer,
} from '../../../../support/opcua-server';
import { makeTempDir, type TempDir } from '../../../../support/temp-store';

const HOST = '127.0.0.140';
/** Long enough that a loaded machine cannot turn a loopback session setup into a timeout. */
const TIMEOUT_MS = 10_000;

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
  server.setState(ServerState.Running);
});

function newProbe(options: Partial<OpcuaProbeOptions> = {}): { probe: OpcuaProbe; pkiDir: string } {
  const temp = makeTempDir('opcua-pki');
  const probe = createOpcuaProbe({ pkiDir: temp.dir, ...options });
  cleanups.push(() => temp.remove());
  cleanups.push(() => probe.close());
  return { probe, pkiDir: temp.dir };
}

const anonymous = (): { url: string; security: 'none'; auth: 'anonymous' } => ({
  url: server.url,
  security: 'none',
  auth: 'anonymous',
});

describe('opcua probe, security none', () => {
  it('reports a Running server as up, with its build info as identity and the read time as RTT', async () => {
    const { probe } = newProbe();
    const started = performance.now();
    const outcome = await probe.check(anonymous(), TIMEOUT_MS);
    const elapsedMs = performance.now() - started;
    expect(outcome).toEqual({ ok: true, rttMs: expect.any(Number) as unknown, identity: TEST_BUILD_INFO });
    // The RTT is the Read alone: less than the whole first check, which also opened the session.
    expect(outcome.rttMs).toBeGreaterThanOrEqual(0);
    expect(outcome.rttMs).toBeLessThan(elapsedMs);
  });

  it('keeps one session on the server for repeated checks, and close() ends it', async () => {
    const before = server.sessionCount();
    const { probe } = newProbe();
    for (let i = 0; i < 20; i += 1) expect((await probe.check(anonymous(), TIMEOUT_MS)).ok).toBe(true);
    // Concurrent checks of the same (url, security, user) share the session being opened, too.
    const together = await Promise.all([1, 2, 3].map(() => probe.check(anonymous(), TIMEOUT_MS)));
    expect(together.every((outcome) => outcome.ok)).toBe(true);
    expect(probe.pooledSessions()).toBe(1);
    expect(server.sessionCount() - before).toBe(1);
    await probe.close();
    expect(probe.pooledSessions()).toBe(0);
    await expect.poll(() => server.sessionCount()).toBe(before);
    // After a close (a config change) the next check simply opens a new session.
    expect((await probe.check(anonymous(), TIMEOUT_MS)).ok).toBe(true);
    expect(server.sessionCount() - before).toBe(1);
  });

  it('reports a wrong password as auth, and logs in with the right one', async () => {
    const { probe } = newProbe();
    const input = {
      url: server.url,
      security: 'none' as const,
      auth: { user: 'operator', password: 'wrong' },
    };
    expect(await probe.check(input, TIMEOUT_MS)).toMatchObject({
      ok: false,
      kind: 'auth',
      message: expect.stringContaining('BadUserAccessDenied') as unknown,
    });
    // A refused login leaves nothing behind to reuse.
    expect(probe.pooledSessions()).toBe(0);
    const right = { ...input, auth: { user: 'operator', password: 'secret' } };
    expect(await probe.check(right, TIMEOUT_MS)).toMatchObject({ ok: true });
    // Same user, changed password (a config change without close()): not the old session.
    expect(await probe.check(input, TIMEOUT_MS)).toMatchObject({ ok: false, kind: 'auth' });
  });

  it('reports Suspended as server_state, then up again when Running, on the same session', async () => {
    const before = server.sessionCount();
    const { probe } = newProbe();
    expect((await probe.check(anonymous(), TIMEOUT_MS)).ok).toBe(true);
    server.setState(ServerState.Suspended);
    expect(await probe.check(anonymous(), TIMEOUT_MS)).toEqual({
      ok: false,
      kind: 'server_state',
      message: 'OPC UA: Suspended',
      rttMs: expect.any(Number) as unknown,
    });
    server.setState(ServerState.Running);
    expect((await probe.check(anonymous(), TIMEOUT_MS)).ok).toBe(true);
    // A server that answers "Suspended" is still talking: the session was kept.
    expect(server.sessionCount() - before).toBe(1);
  });

  it('checks the configured nodes against their expectations', async () => {
    const { probe } = newProbe();
    server.setSpeed(42);
    const read = (
      expect: { equals?: number | string; min?: number; max?: number },
      node: string = TEST_NODES.speed,
    ) => probe.check({ ...anonymous(), read: [{ node_id: node, expect }] }, TIMEOUT_MS);
    expect((await read({ min: 10, max: 50 })).ok).toBe(true);
    expect((await read({ equals: 'AUTO' }, TEST_NODES.mode)).ok).toBe(true);
    expect(await read({ max: 40 })).toMatchObject({
      ok: false,
      kind: 'value_mismatch',
      message: `${TEST_NODES.speed} is 42, above the maximum 40`,
    });
    expect(await read({ equals: 'MANUAL' }, TEST_NODES.mode)).toMatchObject({
      kind: 'value_mismatch',
      message: `${TEST_NODES.mode} is "AUTO", expected "MANUAL"`,
    });
    expect(await read({}, 'ns=1;s=Line9.Missing')).toMatchObject({
      kind: 'protocol',
      message: 'ns=1;s=Line9.Missing: BadNodeIdUnknown',
    });
    expect(await read({}, 'not a node id')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('read[0].node_id "not a node id" is not an OPC UA node id') as unknown,
    });
    // None of these broke the session: the server answered every Read.
    expect(probe.pooledSessions()).toBe(1);
  });
});

describe('opcua probe, security sign', () => {
  it('refuses the server certificate until it is in trusted/, then signs its way in', async () => {
    const { probe, pkiDir } = newProbe();
    const signed = { url: server.url, security: 'sign' as const, auth: 'anonymous' as const };
    expect(await probe.check(signed, TIMEOUT_MS)).toMatchObject({
      ok: false,
      kind: 'tls',
      message: 'security: BadCertificateUntrusted',
    });
    // The refused certificate waits in rejected/, where an operator finds it; moving it to
    // trusted/ is how an operator trusts a server (the OPC UA way, no Linewatch-specific step).
    const rejected = path.join(pkiDir, 'rejected');
    const [file] = fs.readdirSync(rejected);
    expect(file).toBeDefined();
    fs.renameSync(path.join(rejected, String(file)), path.join(pkiDir, 'trusted', 'certs', String(file)));
    // After a refusal the store rescans its folders before the next session opens.
    expect(await probe.check(signed, TIMEOUT_MS)).toMatchObject({ ok: true, identity: TEST_BUILD_INFO });
  });

  it('trusts a server certificate put in trusted/certs before the first check', async () => {
    const temp = makeTempDir('opcua-pki');
    cleanups.push(() => temp.remove());
    fs.mkdirSync(path.join(temp.dir, 'trusted', 'certs'), { recursive: true });
    fs.writeFileSync(path.join(temp.dir, 'trusted', 'certs', 'press1-plc.der'), server.certificate);
    const probe = createOpcuaProbe({ pkiDir: temp.dir });
    cleanups.push(() => probe.close());
    const signed = {
      url: server.url,
      security: 'sign' as const,
      auth: { user: 'operator', password: 'secret' },
    };
    expect(await probe.check(signed, TIMEOUT_MS)).toMatchObject({ ok: true });
  });

  it('reports a security mode the server does not offer as tls', async () => {
    const { probe } = newProbe();
    const encrypted = { url: server.url, security: 'sign_and_encrypt' as const, auth: 'anonymous' as const };
    expect(await probe.check(encrypted, TIMEOUT_MS)).toMatchObject({
      ok: false,
      kind: 'tls',
      message: 'the server offers no endpoint with the requested security mode',
    });
  });
});

describe('opcua session pool', () => {
  it('closes a session nobody used for idleCloseMs', async () => {
    const before = server.sessionCount();
    const { probe } = newProbe({ idleCloseMs: 300 });
    expect((await probe.check(anonymous(), TIMEOUT_MS)).ok).toBe(true);
    expect(probe.pooledSessions()).toBe(1);
    await expect.poll(() => probe.pooledSessions()).toBe(0);
    await expect.poll(() => server.sessionCount()).toBe(before);
  });

  it('stays within maxSessions: the least recently used session makes room', async () => {
    const users = { a: 'pa', b: 'pb', c: 'pc' };
    const dir = makeTempDir('opcua-server-users');
    const multi = await startOpcuaServer({ host: HOST, dataDir: dir.dir, users });
    cleanups.push(() => dir.remove());
    cleanups.push(() => multi.stop());
    const { probe } = newProbe({ maxSessions: 2 });
    const as = (user: keyof typeof users) => ({
      url: multi.url,
      security: 'none' as const,
      auth: { user, password: users[user] },
    });
    expect((await probe.check(as('a'), TIMEOUT_MS)).ok).toBe(true);
    expect((await probe.check(as('b'), TIMEOUT_MS)).ok).toBe(true);
    expect((await probe.check(as('c'), TIMEOUT_MS)).ok).toBe(true);
    expect(probe.pooledSessions()).toBe(2);
    await expect.poll(() => multi.sessionCount()).toBe(2);
  }, 60_000);
});
