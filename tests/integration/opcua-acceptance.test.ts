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
import { OPCUA_PKI_FOLDER } from '@src/main/app/services';
import { failureCauseText } from '@src/shared/domain/failure';
import { anEndpoint, opcua } from '../support/config-builders';
import { oneLineConfig, useLivePlants } from '../support/live-plant';
import { startOpcuaServer, TEST_BUILD_INFO } from '../support/opcua-server';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 30_000 };
const SUSPENDED = 'OPC UA: Suspended';
const PASSWORDS = { LW_ACCEPT_OPCUA_WRONG: 'not-the-password', LW_ACCEPT_OPCUA_RIGHT: 'secret' };

/** Client sockets of this process still connected to `port` (what a leaked session would hold). */
function socketsTo(port: number): number {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.filter((h) => (h as Partial<Socket>).remotePort === port && !(h as Socket).destroyed).length;
}

const portOf = (url: string): number => Number(new URL(url).port);

describe('opcua endpoints through the monitor', () => {
  const livePlant = useLivePlants('opcua-live');
  afterEach(() => {
    for (const key of Object.keys(PASSWORDS)) Reflect.deleteProperty(process.env, key);
  });

  it('goes down with server_state "OPC UA: Suspended" and up again on one session; auth and sign; closed at shutdown', async () => {
    Object.assign(process.env, PASSWORDS);
    const plant = livePlant();
    const plc = plant.adopt(await startOpcuaServer({ host: '127.0.46.2', dataDir: join(plant.dir, 'plc') }));
    const cell = plant.adopt(
      await startOpcuaServer({ host: '127.0.46.3', dataDir: join(plant.dir, 'cell') }),
    );
    // How an operator trusts a server for sign: its certificate in the client's trusted/ folder.
    const trusted = join(plant.dataDir, OPCUA_PKI_FOLDER, 'trusted', 'certs');
    mkdirSync(trusted, { recursive: true });
    writeFileSync(join(trusted, 'weld2-cell.der'), cell.certificate);
    await plant.start(
      oneLineConfig(
        { siteId: 'live', lineId: 'weld-2', lineName: 'Weld 2', intervalMs: 1500, timeoutMs: 1400 },
        [
          anEndpoint('weld2-opcua', { name: 'Weld 2 OPC UA server', type: 'server', probe: opcua(plc.url) }),
          anEndpoint('weld2-wrong-login', {
            name: 'Weld 2 cell (wrong password)',
            type: 'plc',
            probe: opcua(cell.url, {
              user: { name: 'operator', password: { env: 'LW_ACCEPT_OPCUA_WRONG' } },
            }),
          }),
          anEndpoint('weld2-signed', {
            name: 'Weld 2 cell (signed)',
            type: 'plc',
            probe: opcua(cell.url, {
              security: 'sign',
              user: { name: 'operator', password: { env: 'LW_ACCEPT_OPCUA_RIGHT' } },
            }),
          }),
        ],
      ),
    );
    const live = (id: string) => plant.live(id);
    let mostSessions = 0;
    const sessionsOnPlc = (): number => {
      mostSessions = Math.max(mostSessions, plc.sessionCount());
      return plc.sessionCount();
    };

    await expect.poll(async () => (await live('weld2-opcua'))?.state, POLL).toBe('up');
    // BuildInfo is the endpoint's identity, stored and on the endpoint page.
    await expect
      .poll(async () => (await plant.detail('weld2-opcua')).device?.identity, POLL)
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

    const outage = (await plant.outages()).find((o) => o.endpointId === 'weld2-opcua');
    expect(outage).toMatchObject({ failureKind: 'server_state', failureMessage: SUSPENDED, endedAt: null });
    // How the outage log, the alarm and the handover read it: distinct from "Unreachable".
    expect(failureCauseText('server_state', SUSPENDED, 'Server')).toBe(
      'Server not running: OPC UA: Suspended',
    );

    const runningAgainAt = Date.now();
    plc.setState(ServerState.Running);
    await expect
      .poll(() => {
        sessionsOnPlc();
        return plant.upSince('weld2-opcua', runningAgainAt);
      }, POLL)
      .toBe(true);
    // One session served every check, Suspended ones included: the server was not hammered.
    expect(sessionsOnPlc()).toBe(1);
    expect(mostSessions).toBe(1);

    await plant.services.stop();
    // Shutdown closes every session and leaves no socket open to either server.
    await expect.poll(() => plc.sessionCount() + cell.sessionCount(), POLL).toBe(0);
    await expect.poll(() => socketsTo(portOf(plc.url)) + socketsTo(portOf(cell.url)), POLL).toBe(0);

    plant.withStore((store) => {
      const stored = store.outages
        .overlapping(0, Date.now() + 1)
        .filter((o) => o.endpointId === 'weld2-opcua');
      expect(stored).toMatchObject([{ failureKind: 'server_state', failureMessage: SUSPENDED }]);
      expect(stored[0]?.endedAt).toBeGreaterThanOrEqual(runningAgainAt - 100);
      expect(plant.reportOf(store).outages.filter((o) => o.endpoint === 'weld2-opcua')).toMatchObject([
        { failure_kind: 'server_state', failure_message: SUSPENDED },
      ]);
    });
  }, 90_000);
});
