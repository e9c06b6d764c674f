// What the EtherNet/IP probe's outcome becomes for the monitor: a major fault is down with
// device_fault, a minor fault is up with a note, and the identity carries the serial's hash only.
import { describe, expect, it } from 'vitest';
import { hashSerial } from '@src/main/probes/enip/enip-probe';
import { enipProbeResult } from '@src/main/probes/enip/enip-result';
import { FIXTURE_IDENTITIES } from '../../../../support/enip-responder';

const DRIVE = FIXTURE_IDENTITIES['powerflex-755'];
const SALT = 'plant-augsburg';

const driveIdentity = {
  source: 'enip',
  vendor: 'Rockwell Automation/Allen-Bradley',
  product: 'PowerFlex 755',
  firmware: 'rev 10.1',
  serialHash: hashSerial(DRIVE.serial, SALT),
  details: { 'device type': 'device type 143', 'product code': '2192' },
};

describe('enipProbeResult', () => {
  it('is up with the identity, the serial only as its salted hash', () => {
    const result = enipProbeResult({ ok: true, rttMs: 2.5, identity: DRIVE, minorFault: null }, SALT);
    expect(result).toEqual({ ok: true, rttMs: 2.5, identity: driveIdentity });
    expect(JSON.stringify(result)).not.toContain(DRIVE.serial);
  });

  it('is up with a note for a minor fault', () => {
    const result = enipProbeResult(
      { ok: true, rttMs: 2.5, identity: { ...DRIVE, status: 0x0175 }, minorFault: 'recoverable' },
      SALT,
    );
    expect(result).toEqual({
      ok: true,
      rttMs: 2.5,
      identity: driveIdentity,
      note: 'minor recoverable fault (status word 0x0175)',
    });
  });

  it('is down with device_fault for a major fault, keeping the message and the identity', () => {
    const message = 'PowerFlex 755: major recoverable fault (status word 0x0475, state 3)';
    const result = enipProbeResult(
      { ok: false, kind: 'device_fault', message, rttMs: 3, identity: { ...DRIVE, status: 0x0475 } },
      SALT,
    );
    expect(result).toEqual({ ok: false, kind: 'device_fault', message, rttMs: 3, identity: driveIdentity });
  });

  it('names a vendor it does not know by number', () => {
    const result = enipProbeResult(
      { ok: true, rttMs: 1, identity: { ...DRIVE, vendorId: 283, deviceType: 12 }, minorFault: null },
      SALT,
    );
    expect(result.identity).toMatchObject({
      vendor: 'vendor 283',
      details: { 'device type': 'communications adapter' },
    });
  });

  it('passes a network failure through without identity', () => {
    expect(enipProbeResult({ ok: false, kind: 'timeout', message: 'no answer', rttMs: null }, SALT)).toEqual({
      ok: false,
      kind: 'timeout',
      message: 'no answer',
      rttMs: null,
    });
  });
});
