// Issue 13 acceptance for EtherNet/IP, live, through the real services (config file, scheduler,
// probe, monitor, SQLite store, contract handlers): a loopback drive answers List Identity, then
// reports a major fault. The endpoint goes down with kind device_fault, named in the outage's
// cause, and comes back up when the fault clears; a minor fault keeps it up with a note; the
// identity is stored, and another device at the endpoint is audited. Address 127.0.45.3 is this
// file's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import type { Caller } from '@src/shared/contract';
import { failureCauseText } from '@src/shared/domain/failure';
import { SIMULATED_DRIVE_IDENTITY, startSimulatedEnipDevice } from '@src/main/demo/simulated-enip-device';
import { hashSerial } from '@src/main/probes/enip/serial-hash';
import { IDENTITY_CHANGED_ACTION, openStore } from '@src/main/store';
import { makeTempDir } from '../support/temp-store';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 20_000 };
const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };
const MAJOR = 'SIM-DRIVE 755: major recoverable fault (status word 0x0405, state 3)';
const SITE = 'live-enip';

describe('enip endpoint through the monitor', () => {
  it('goes down with device_fault on a major fault, stays up on a minor one, and audits a swap', async () => {
    const temp = makeTempDir('enip-live');
    const device = await startSimulatedEnipDevice({ host: '127.0.45.3' });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: ${SITE}, name: Live, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 400ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - id: press1-drive
        name: Press 1 main drive
        type: other
        probe: { kind: enip, host: ${device.host}, port: ${device.port} }
`,
    );
    const dataDir = join(temp.dir, 'data');
    const from = Date.now();
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    const live = async () =>
      (await services.handlers.getWallSnapshot({}, READER)).states.find((s) => s.id === 'press1-drive');
    const detail = () =>
      services.handlers.getEndpointDetail(
        { endpointId: 'press1-drive', from: from - 60_000, to: Date.now() + 1000 },
        READER,
      );
    try {
      await expect.poll(async () => (await live())?.state, POLL).toBe('up');
      await expect
        .poll(async () => (await detail()).device?.identity, POLL)
        .toEqual({
          source: 'enip',
          vendor: 'Rockwell Automation/Allen-Bradley',
          product: 'SIM-DRIVE 755',
          firmware: 'rev 10.1',
          serialHash: hashSerial(SIMULATED_DRIVE_IDENTITY.serial, SITE),
          details: { 'device type': 'AC drive', 'product code': '2192' },
        });

      device.setCondition('major_fault');
      await expect.poll(async () => (await live())?.state, POLL).toBe('down');
      expect(await live()).toMatchObject({ lastFailureKind: 'device_fault', lastError: MAJOR });
      const { outages } = await services.handlers.listOutages(
        { from: from - 1000, to: Date.now() + 1000, limit: 10 },
        READER,
      );
      expect(outages).toHaveLength(1);
      expect(outages[0]).toMatchObject({ failureKind: 'device_fault', failureMessage: MAJOR, endedAt: null });
      expect(failureCauseText('device_fault', MAJOR)).toBe(`Device reports a major fault: ${MAJOR}`);

      // A minor fault ends the outage: the drive counts as up, and the page shows the note.
      const clearedAt = Date.now();
      device.setCondition('minor_fault');
      await expect
        .poll(async () => {
          const state = await live();
          return state?.state === 'up' && Date.parse(state.since ?? '') >= clearedAt;
        }, POLL)
        .toBe(true);
      await expect
        .poll(async () => (await detail()).device?.note, POLL)
        .toBe('minor recoverable fault (status word 0x0105)');

      // Someone swaps the drive: the page says what was there before, the audit log has it.
      device.setCondition('healthy');
      device.setIdentity({ ...SIMULATED_DRIVE_IDENTITY, revision: '11.2', serial: '0000BEEF' });
      await expect
        .poll(async () => (await detail()).device?.change?.previous.firmware, POLL)
        .toBe('rev 10.1');
      const swapped = (await detail()).device;
      expect(swapped).toMatchObject({
        identity: { firmware: 'rev 11.2', serialHash: hashSerial('0000BEEF', SITE) },
        note: null,
      });
      await services.stop();

      const store = openStore(dataDir);
      try {
        const [outage, ...more] = store.outages.overlapping(0, Date.now() + 1);
        expect(more).toEqual([]);
        expect(outage).toMatchObject({ endpointId: 'press1-drive', failureKind: 'device_fault' });
        expect(outage?.endedAt).toBeGreaterThanOrEqual(clearedAt - 100);
        const audits = store.auditLog.recent(50).filter((e) => e.action === IDENTITY_CHANGED_ACTION);
        expect(audits).toMatchObject([
          {
            actor: 'probe',
            subject: 'press1-drive',
            details: { previous: { firmware: 'rev 10.1' }, current: { firmware: 'rev 11.2' } },
          },
        ]);
        // The clear serial was never stored anywhere.
        const everything = JSON.stringify(store.db.prepare('SELECT * FROM endpoint_identities').all());
        expect(everything).not.toContain(SIMULATED_DRIVE_IDENTITY.serial);
        expect(JSON.stringify(audits)).not.toContain('0000BEEF');
      } finally {
        store.close();
      }
    } finally {
      await services.stop();
      await device.stop();
      temp.remove();
    }
  }, 90_000);
});
