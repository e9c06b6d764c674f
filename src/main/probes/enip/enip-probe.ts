// EtherNet/IP probe: asks the device "who are you?" (List Identity) and judges the answer. A device
// that answers is up unless its Identity object reports a major fault: then the network is fine but
// the drive or PLC is not, and the check fails with device_fault, carrying the identity it sent.
import {
  decodeListIdentityReply,
  encodeListIdentityRequest,
  EncapsulationStatusError,
  ReplyFormatError,
  SENDER_CONTEXT_BYTES,
  type EnipIdentity,
} from './list-identity';
import { exchangeTcp, exchangeUdp, type ExchangeFailureKind } from './enip-exchange';
import { identityFaults, type MinorFault } from './identity-status';

export { hashSerial } from './serial-hash';
export type { EnipIdentity } from './list-identity';
export type { MinorFault } from './identity-status';

/** The registered EtherNet/IP port, for explicit messaging (TCP) and List Identity (TCP and UDP). */
export const ENIP_PORT = 44818;

export type EnipTransport = 'tcp' | 'udp';

export interface EnipTarget {
  host: string;
  port?: number;
  transport: EnipTransport;
}

/**
 * device_fault: the device answered and reports a major fault. protocol: it answered with an
 * encapsulation error status. bad_reply: bytes that are not a valid List Identity reply. closed:
 * the connection ended before the whole reply came.
 */
export type EnipFailureKind = ExchangeFailureKind | 'device_fault' | 'protocol';

export type EnipOutcome =
  | { ok: true; rttMs: number; identity: EnipIdentity; minorFault: MinorFault | null }
  | { ok: false; kind: EnipFailureKind; message: string; rttMs: number | null; identity?: EnipIdentity };

let contextCounter = 0n;

/** A fresh sender context per check: the reply must echo it. */
function nextSenderContext(): Buffer {
  contextCounter = (contextCounter + 1n) & 0xffff_ffff_ffff_ffffn;
  const context = Buffer.alloc(SENDER_CONTEXT_BYTES);
  context.writeBigUInt64LE(contextCounter);
  return context;
}

export async function probeEnip(target: EnipTarget, timeoutMs: number): Promise<EnipOutcome> {
  const port = target.port ?? ENIP_PORT;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    return { ok: false, kind: 'error', message: `port must be 1-65535, got ${port}`, rttMs: null };
  }
  if (target.host.trim() === '') return { ok: false, kind: 'error', message: 'host is empty', rttMs: null };
  const context = nextSenderContext();
  const request = encodeListIdentityRequest(context);
  const exchange = target.transport === 'udp' ? exchangeUdp : exchangeTcp;
  const reply = await exchange(target.host, port, request, timeoutMs);
  if (reply.type === 'failure')
    return { ok: false, kind: reply.kind, message: reply.message, rttMs: reply.rttMs };
  return judgeReply(reply.frame, context, reply.rttMs);
}

function judgeReply(frame: Buffer, context: Buffer, rttMs: number): EnipOutcome {
  let identity: EnipIdentity;
  try {
    identity = decodeListIdentityReply(frame, context);
  } catch (error) {
    if (error instanceof EncapsulationStatusError)
      return { ok: false, kind: 'protocol', message: error.message, rttMs };
    if (error instanceof ReplyFormatError)
      return { ok: false, kind: 'bad_reply', message: error.message, rttMs };
    // Not reachable by any byte sequence; still a failed check, never a rejected promise.
    return { ok: false, kind: 'error', message: String(error), rttMs };
  }
  const faults = identityFaults(identity.status, identity.state);
  if (faults.major !== null) {
    const statusWord = `0x${identity.status.toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      ok: false,
      kind: 'device_fault',
      message: `${identity.productName}: ${faults.major} (status word ${statusWord}, state ${identity.state})`,
      rttMs,
      identity,
    };
  }
  return { ok: true, rttMs, identity, minorFault: faults.minor };
}
