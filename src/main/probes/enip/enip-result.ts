// From what the EtherNet/IP probe saw to what every probe reports. The clear serial stops here: the
// identity that goes on (store, page, audit, telemetry) carries only its salted hash.
import type { DeviceIdentity } from '../../../shared/domain/identity';
import type { ProbeResult } from '../probe-result';
import { deviceTypeName, vendorName } from './cip-names';
import type { EnipIdentity, EnipOutcome } from './enip-probe';
import { hashSerial } from './serial-hash';

export function enipDeviceIdentity(identity: EnipIdentity, serialSalt: string): DeviceIdentity {
  return {
    source: 'enip',
    vendor: vendorName(identity.vendorId),
    product: identity.productName === '' ? null : identity.productName,
    firmware: `rev ${identity.revision}`,
    serialHash: hashSerial(identity.serial, serialSalt),
    details: {
      'device type': deviceTypeName(identity.deviceType),
      'product code': String(identity.productCode),
    },
  };
}

const statusWord = (status: number): string => `0x${status.toString(16).toUpperCase().padStart(4, '0')}`;

export function enipProbeResult(outcome: EnipOutcome, serialSalt: string): ProbeResult {
  if (!outcome.ok) {
    const { kind, message, rttMs } = outcome;
    return outcome.identity
      ? { ok: false, kind, message, rttMs, identity: enipDeviceIdentity(outcome.identity, serialSalt) }
      : { ok: false, kind, message, rttMs };
  }
  const identity = enipDeviceIdentity(outcome.identity, serialSalt);
  if (outcome.minorFault === null) return { ok: true, rttMs: outcome.rttMs, identity };
  // Up all the same: a minor fault (a warning the device raised) is shown, not counted as down time.
  const note = `minor ${outcome.minorFault} fault (status word ${statusWord(outcome.identity.status)})`;
  return { ok: true, rttMs: outcome.rttMs, identity, note };
}
