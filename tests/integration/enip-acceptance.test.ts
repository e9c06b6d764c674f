// Issue 13 acceptance for EtherNet/IP, live, through the real services (config file, scheduler,
// probe, monitor, SQLite store, contract handlers): a loopback drive answers List Identity, then
// reports a major fault. The endpoint goes down with kind device_fault, named in the outage's
// cause, and comes back up when the fault clears; a minor fault keeps it up with a note; the
// identity is stored, and another device at the endpoint is audited. Address 127.0.45.3 is this
// file's.
import { describe, expect, it } from 'vitest';
import { failureCauseText } from '@src/shared/domain/failure';
import { SIMULATED_DRIVE_IDENTITY, startSimulatedEnipDevice } from '@src/main/demo/simulated-enip-device';
import { hashSerial } from '@src/main/probes/enip/serial-hash';
import { IDENTITY_CHANGED_ACTION } from '@src/main/store';
import { anEndpoint, enip } from '../support/config-builders';
import { oneLineConfig, useLivePlants } from '../support/live-plant';

/** Polls return as soon as their condition holds; this is only how long a stuck run may take. */
const POLL = { timeout: 20_000 };
const MAJOR = 'SIM-DRIVE 755: major recoverable fault (status word 0x0405, state 3)';
const SITE = 'live-enip';

describe('enip endpoint through the monitor', () => {
  const livePlant = useLivePlants('enip-live');

  it('goes down with device_fault on a major fault, stays up on a minor one, and audits a swap', async () => {
    const plant = livePlant();
    const device = plant.adopt(await startSimulatedEnipDevice({ host: '127.0.45.3' }));
    await plant.start(
      oneLineConfig(
        { siteId: SITE, lineId: 'press-1', lineName: 'Press line 1', intervalMs: 500, timeoutMs: 400 },
        [
          anEndpoint('press1-drive', {
            name: 'Press 1 main drive',
            type: 'other',
            probe: enip(device.host, device.port, SITE),
          }),
        ],
      ),
    );
    const live = () => plant.live('press1-drive');
    const detail = () => plant.detail('press1-drive');

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
    const outages = await plant.outages();
    expect(outages).toHaveLength(1);
    expect(outages[0]).toMatchObject({ failureKind: 'device_fault', failureMessage: MAJOR, endedAt: null });
    expect(failureCauseText('device_fault', MAJOR)).toBe(`Device reports a major fault: ${MAJOR}`);

    // A minor fault ends the outage: the drive counts as up, and the page shows the note.
    const clearedAt = Date.now();
    device.setCondition('minor_fault');
    await expect.poll(() => plant.upSince('press1-drive', clearedAt), POLL).toBe(true);
    await expect
      .poll(async () => (await detail()).device?.note, POLL)
      .toBe('minor recoverable fault (status word 0x0105)');

    // Someone swaps the drive: the page says what was there before, the audit log has it.
    device.setCondition('healthy');
    device.setIdentity({ ...SIMULATED_DRIVE_IDENTITY, revision: '11.2', serial: '0000BEEF' });
    await expect.poll(async () => (await detail()).device?.change?.previous.firmware, POLL).toBe('rev 10.1');
    const swapped = (await detail()).device;
    expect(swapped).toMatchObject({
      identity: { firmware: 'rev 11.2', serialHash: hashSerial('0000BEEF', SITE) },
      note: null,
    });
    await plant.services.stop();

    plant.withStore((store) => {
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
    });
  }, 90_000);
});
