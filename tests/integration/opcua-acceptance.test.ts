// Issue 13 acceptance for OPC UA, live, through the real services (config file, scheduler, probe,
// monitor, SQLite store, contract handlers): a loopback OPCUAServer switches to Suspended, the
// endpoint goes down with kind `server_state` and "OPC UA: Suspended" as the outage's cause, and
// comes back up when Running, on one session throughout. On a second server a wrong password is
// `auth` and security sign (with the server's certificate in <data>/opcua-pki/trusted) is up.
// BuildInfo is stored as the endpoint's identity. Shutdown closes every session. Addresses 127.0.46.2-3 are this file's.
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { ServerState } from 'node-opcua-client';
import { afterEach, describe, expect, it } from 'vitest';
import { OPCUA_PKI_FOLDER, startLinewatchServices } from '@src/main/app/services';
import { loadConfigFile } from '@src/main/config';
import { buildReport } from '@src/main/kpi';
import { openStore } from '@src/main/store';
import type { Caller } from '@src/shared/contract';
import { failureCauseText } from '@src/shared/domain/failure';
import { startOpcuaServer, TEST_BUILD_INFO, type TestOpcuaServer } from '../support/opcua-server';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 30_000 };
const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };
const SUSPENDED = 'OPC UA: Suspended';
const PASSWORDS = { LW_ACCEPT_OPCUA_WRONG: 'not-the-password', LW_ACCEPT_OPCUA_RIGHT: 'secret' };

/** Client sockets of this process still connected to `port` (what a leaked session would hold). */
function socketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((h) => (h as Partial<Socket>).remotePort === port && !(h as Socket).destroyed).length;
}

const portOf = (url: string): number => Number(new URL(url).port);

describe('opcua endpoints through the monitor', () => {
  const temp = makeTempDir('opcua-live');
  const servers: TestOpcuaServer[] = [];
  afterEach(async () => {
    for (const key of Object.keys(PASSWORDS)) Reflect.deleteProperty(process.env, key);
    await Promise.all(servers.splice(0).map((s) => s.stop()));
    temp.remove();
  });

  it('goes down with server_state "OPC UA: Suspended" and up again on one session; auth and sign; closed at shutdown', async () => {
    Object.assign(process.env, PASSWORDS);
    const plc = await startOpcuaServer({ host: '127.0.46.2', dataDir: join(temp.dir, 'plc') });
    const cell = await startOpcuaServer({ host: '127.0.46.3', dataDir: join(temp.dir, 'cell') });
    servers.push(plc, cell);
    const dataDir = join(temp.dir, 'data');
    // How an operator trusts a server for sign: its certificate in the client's trusted/ folder.
    const trusted = join(dataDir, OPCUA_PKI_FOLDER, 'trusted', 'certs');
    mkdirSync(trusted, { recursive: true });
    writeFileSync(join(trusted, 'weld2-cell.der'), cell.certificate);
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: live, name: Live, timezone: Europe/Berlin }
defaults: { interval: 1500ms, timeout: 1400ms, down_after: 2, up_after: 2 }
lines:
  - id: weld-2
    name: Weld 2
    endpoints:
      - id: weld2-opcua
        name: Weld 2 OPC UA server
        type: server
        probe: { kind: opcua, url: "${plc.url}" }
      - id: weld2-wrong-login
        name: Weld 2 cell (wrong password)
        type: plc
        probe: { kind: opcua, url: "${cell.url}", user: { name: operator, password_env: LW_ACCEPT_OPCUA_WRONG } }
      - id: weld2-signed
        name: Weld 2 cell (signed)
        type: plc
        probe: { kind: opcua, url: "${cell.url}", security: sign, user: { name: operator, password_env: LW_ACCEPT_OPCUA_RIGHT } }
`,
    );
    const from = Date.now();
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    const live = async (id: string) =>
      (await services.handlers.getWallSnapshot({}, READER)).states.find((s) => s.id === id);
    let mostSessions = 0;
    const sessionsOnPlc = (): number => {
      mostSessions = Math.max(mostSessions, plc.sessionCount());
      return plc.sessionCount();
    };
    try {
      await expect.poll(async () => (await live('weld2-opcua'))?.state, POLL).toBe('up');
      // BuildInfo is the endpoint's identity, stored and on the endpoint page.
      const detail = () =>
        services.handlers.getEndpointDetail(
          { endpointId: 'weld2-opcua', from: from - 60_000, to: Date.now() + 1000 },
          READER,
        );
      await expect
        .poll(async () => (await detail()).device?.identity, POLL)
        .toEqual({
          source: 'opcua',
          vendor: TEST_BUILD_INFO.manufacturerName,
          product: TEST_BUILD_INFO.productName,
          firmware: `${TEST_BUILD_INFO.softwareVersion} build ${TEST_BUILD_INFO.buildNumber}`,
          serialHash: null,
          details: { product_uri: TEST_BUILD_INFO.productUri },
        });
      await expect.poll(async () => (await live('weld2-signed'))?.state, POLL).toBe('up');
      await expect.poll(async () => (await live('weld2-wrong-login'))?.state, POLL).toBe('down');
      expect(await live('weld2-wrong-login')).toMatchObject({ lastFailureKind: 'auth' });
      expect((await live('weld2-wrong-login'))?.lastError).toMatch(/^login refused: Bad/);

      plc.setState(ServerState.Suspended);
      await expect
        .poll(async () => {
          sessionsOnPlc();
          return (await live('weld2-opcua'))?.state;
        }, POLL)
        .toBe('down');
      expect(await live('weld2-opcua')).toMatchObject({
        lastFailureKind: 'server_state',
        lastError: SUSPENDED,
      });

      const { outages } = await services.handlers.listOutages(
        { from: from - 1000, to: Date.now() + 1000, limit: 10 },
        READER,
      );
      const outage = outages.find((o) => o.endpointId === 'weld2-opcua');
      expect(outage).toMatchObject({ failureKind: 'server_state', failureMessage: SUSPENDED, endedAt: null });
      // How the outage log, the alarm and the handover read it: distinct from "Unreachable".
      expect(failureCauseText('server_state', SUSPENDED, 'Server')).toBe(
        'Server not running: OPC UA: Suspended',
      );

      const runningAgainAt = Date.now();
      plc.setState(ServerState.Running);
      await expect
        .poll(async () => {
          sessionsOnPlc();
          const state = await live('weld2-opcua');
          return state?.state === 'up' && Date.parse(state.since ?? '') >= runningAgainAt;
        }, POLL)
        .toBe(true);
      // One session served every check, Suspended ones included: the server was not hammered.
      expect(sessionsOnPlc()).toBe(1);
      expect(mostSessions).toBe(1);

      await services.stop();
      // Shutdown closes every session and leaves no socket open to either server.
      await expect.poll(() => plc.sessionCount() + cell.sessionCount(), POLL).toBe(0);
      await expect.poll(() => socketsTo(portOf(plc.url)) + socketsTo(portOf(cell.url)), POLL).toBe(0);

      const store = openStore(dataDir);
      try {
        const stored = store.outages
          .overlapping(0, Date.now() + 1)
          .filter((o) => o.endpointId === 'weld2-opcua');
        expect(stored).toMatchObject([{ failureKind: 'server_state', failureMessage: SUSPENDED }]);
        expect(stored[0]?.endedAt).toBeGreaterThanOrEqual(runningAgainAt - 100);
        const loaded = loadConfigFile(configPath);
        if (!loaded.ok) throw new Error('config did not load');
        const report = buildReport(store, loaded.config, {
          fromMs: from,
          toMs: Date.now(),
          nowMs: Date.now(),
        });
        expect(report.outages.filter((o) => o.endpoint === 'weld2-opcua')).toMatchObject([
          { failure_kind: 'server_state', failure_message: SUSPENDED },
        ]);
      } finally {
        store.close();
      }
    } finally {
      await services.stop();
    }
  }, 90_000);
});
