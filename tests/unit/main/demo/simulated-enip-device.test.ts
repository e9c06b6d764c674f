// The demo's EtherNet/IP drive answers the real probe over both transports, with the fault bits of
// its condition and the identity it was given. Addresses 127.0.45.1-2 are this file's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeEnip, type EnipTransport } from '@src/main/probes/enip/enip-probe';
import {
  SIMULATED_DRIVE_IDENTITY,
  startSimulatedEnipDevice,
  type SimulatedEnipDevice,
} from '@src/main/demo/simulated-enip-device';

const TIMEOUT_MS = 10_000;

describe.each<[EnipTransport, string]>([
  ['tcp', '127.0.45.1'],
  ['udp', '127.0.45.2'],
])('simulated EtherNet/IP drive over %s', (transport, host) => {
  let device: SimulatedEnipDevice;
  beforeAll(async () => {
    device = await startSimulatedEnipDevice({ host });
  });
  afterAll(async () => {
    await device.stop();
  });
  const probe = () => probeEnip({ host, port: device.port, transport }, TIMEOUT_MS);

  it('answers with its identity, a minor fault as minor, a major fault as device_fault', async () => {
    device.setCondition('healthy');
    expect(await probe()).toMatchObject({ ok: true, identity: SIMULATED_DRIVE_IDENTITY, minorFault: null });
    device.setCondition('minor_fault');
    expect(await probe()).toMatchObject({ ok: true, minorFault: 'recoverable' });
    device.setCondition('major_fault');
    expect(await probe()).toMatchObject({
      ok: false,
      kind: 'device_fault',
      message: 'SIM-DRIVE 755: major recoverable fault (status word 0x0405, state 3)',
    });
    device.setCondition('healthy');
    device.setIdentity({ ...SIMULATED_DRIVE_IDENTITY, revision: '11.2', serial: '0000BEEF' });
    expect(await probe()).toMatchObject({ ok: true, identity: { revision: '11.2', serial: '0000BEEF' } });
    device.setIdentity(SIMULATED_DRIVE_IDENTITY);
  });
});
