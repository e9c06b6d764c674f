// What every probe kind reports. A failure always carries a kind (for grouping and alarms) and a
// short human message. The kinds are shared with the renderer, which shows words for each.
import type { FailureKind } from '../../shared/domain/failure';
import type { DeviceIdentity } from '../../shared/domain/identity';

export { FAILURE_KINDS, type FailureKind } from '../../shared/domain/failure';

export type ProbeResult =
  | {
      ok: true;
      rttMs: number;
      /** What a protocol probe learnt about the device (enip, opcua); absent for the others. */
      identity?: DeviceIdentity;
      /** Something worth showing that does not make the device down (an EtherNet/IP minor fault). */
      note?: string;
    }
  | { ok: false; kind: FailureKind; message: string; rttMs: number | null; identity?: DeviceIdentity };

/** Map a Node socket error code to a failure kind. */
export function failureKindOfErrorCode(code: string | undefined): FailureKind {
  switch (code) {
    case 'ECONNREFUSED':
      return 'refused';
    case 'ETIMEDOUT':
      return 'timeout';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
    case 'ECONNRESET':
      return 'unreachable';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'dns';
    default:
      return 'error';
  }
}
