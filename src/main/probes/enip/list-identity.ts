// EtherNet/IP List Identity (encapsulation command 0x0063): the request, and a strict decoder of the
// reply. The request is a bare 24-byte encapsulation header; the reply carries a Common Packet
// Format list whose CIP Identity item (type 0x000C) holds what attribute 1-8 of the device's
// Identity object say. No session is registered: List Identity is answered without one, over TCP
// or UDP, which is why it suits a probe (it costs a PLC nothing and needs no connection slot).
//
// Layout (CIP Vol. 2, "List Identity"; little-endian unless said otherwise):
//   header  command u16 | length u16 | session u32 | status u32 | sender context 8 | options u32
//   CPF     item count u16, then per item: type u16 | length u16 | data
//   0x000C  protocol version u16 | socket address 16 (sin_family, sin_port, sin_addr BIG-endian,
//           sin_zero 8) | vendor id u16 | device type u16 | product code u16 | revision major u8,
//           minor u8 | status word u16 | serial u32 | product name SHORT_STRING | state u8
import { ByteReader, ReplyFormatError } from './byte-reader';

export const LIST_IDENTITY_COMMAND = 0x0063;
export const ENCAPSULATION_HEADER_BYTES = 24;
export const SENDER_CONTEXT_BYTES = 8;
const IDENTITY_ITEM_TYPE = 0x000c;

export { ReplyFormatError };

/** The device answered with an encapsulation error status: it speaks the protocol and said no. */
export class EncapsulationStatusError extends Error {
  constructor(readonly status: number) {
    super(`device refused List Identity: encapsulation status ${hex(status, 4)} (${statusName(status)})`);
    this.name = 'EncapsulationStatusError';
  }
}

export interface EnipIdentity {
  vendorId: number;
  deviceType: number;
  productCode: number;
  /** "major.minor", as the device's firmware revision reads on its label. */
  revision: string;
  /** 8 hex digits, upper case. Private to this machine: telemetry gets hashSerial() of it. */
  serial: string;
  productName: string;
  /** Identity object attribute 5 (status word); fault bits decoded in identity-status.ts. */
  status: number;
  /** Identity object attribute 8 (state): 3 operational, 4/5 major fault, 255 not supported. */
  state: number;
}

export interface EncapsulationHeader {
  command: number;
  /** Bytes that follow the header. */
  length: number;
  status: number;
  senderContext: Buffer;
}

/** The request: a header with no data. The context comes back in the reply, so a stray or stale
 * datagram cannot pass for this check's answer. */
export function encodeListIdentityRequest(senderContext: Buffer): Buffer {
  if (senderContext.length !== SENDER_CONTEXT_BYTES) {
    throw new RangeError(`sender context must be ${SENDER_CONTEXT_BYTES} bytes, got ${senderContext.length}`);
  }
  const request = Buffer.alloc(ENCAPSULATION_HEADER_BYTES);
  request.writeUInt16LE(LIST_IDENTITY_COMMAND, 0);
  senderContext.copy(request, 12);
  return request;
}

/** Reads the header of a frame (at least 24 bytes); the TCP reader uses it to know how much follows. */
export function readEncapsulationHeader(frame: Buffer): EncapsulationHeader {
  const reader = new ByteReader(frame);
  const command = reader.u16le('encapsulation command');
  const length = reader.u16le('encapsulation length');
  reader.u32le('session handle');
  const status = reader.u32le('encapsulation status');
  const senderContext = reader.bytesOf(SENDER_CONTEXT_BYTES, 'sender context');
  reader.u32le('options');
  return { command, length, status, senderContext };
}

/** Throws ReplyFormatError unless the header is a List Identity reply's. */
export function checkListIdentityCommand(header: EncapsulationHeader): void {
  if (header.command !== LIST_IDENTITY_COMMAND) {
    throw new ReplyFormatError(
      `not a List Identity reply: command ${hex(header.command, 4)} at byte 0, expected ${hex(LIST_IDENTITY_COMMAND, 4)}`,
    );
  }
}

/**
 * Decodes one whole reply frame. Throws ReplyFormatError when the bytes do not follow the layout
 * (garbage, truncation, lengths that disagree) and EncapsulationStatusError when the device
 * answered with an error status.
 */
export function decodeListIdentityReply(frame: Buffer, expectedContext: Buffer): EnipIdentity {
  if (frame.length < ENCAPSULATION_HEADER_BYTES) {
    throw new ReplyFormatError(
      `reply of ${frame.length} bytes is shorter than the ${ENCAPSULATION_HEADER_BYTES}-byte encapsulation header`,
    );
  }
  const header = readEncapsulationHeader(frame);
  checkListIdentityCommand(header);
  if (header.status !== 0) throw new EncapsulationStatusError(header.status);
  const dataBytes = frame.length - ENCAPSULATION_HEADER_BYTES;
  if (header.length !== dataBytes) {
    throw new ReplyFormatError(
      `encapsulation length says ${header.length} data bytes, the reply has ${dataBytes}`,
    );
  }
  if (!header.senderContext.equals(expectedContext)) {
    throw new ReplyFormatError(
      `sender context ${header.senderContext.toString('hex')} is not the request's ${expectedContext.toString('hex')}`,
    );
  }
  const data = new ByteReader(frame.subarray(ENCAPSULATION_HEADER_BYTES), ENCAPSULATION_HEADER_BYTES);
  const itemCount = data.u16le('CPF item count');
  let identity: EnipIdentity | null = null;
  for (let index = 0; index < itemCount; index += 1) {
    const type = data.u16le(`CPF item ${index + 1} type`);
    const length = data.u16le(`CPF item ${index + 1} length`);
    const item = data.sub(length, `CPF item ${index + 1} data`);
    // Other item types (a later spec's additions) are skipped; their bounds were checked above.
    if (type === IDENTITY_ITEM_TYPE && identity === null) identity = decodeIdentityItem(item);
  }
  if (data.remaining > 0) {
    throw new ReplyFormatError(`${data.remaining} bytes after the last CPF item, at byte ${data.position}`);
  }
  if (identity === null) {
    throw new ReplyFormatError(
      `no CIP Identity item (type ${hex(IDENTITY_ITEM_TYPE, 4)}) among ${itemCount} CPF items`,
    );
  }
  return identity;
}

function decodeIdentityItem(item: ByteReader): EnipIdentity {
  item.u16le('identity: encapsulation protocol version');
  item.bytesOf(16, 'identity: socket address');
  const vendorId = item.u16le('identity: vendor id');
  const deviceType = item.u16le('identity: device type');
  const productCode = item.u16le('identity: product code');
  const major = item.u8('identity: major revision');
  const minor = item.u8('identity: minor revision');
  const status = item.u16le('identity: status word');
  const serial = item.u32le('identity: serial number');
  const nameLength = item.u8('identity: product name length');
  const productName = item.bytesOf(nameLength, 'identity: product name').toString('latin1');
  const state = item.u8('identity: state');
  // Bytes past the state are tolerated: the item's own length bounded every read above, and a
  // newer device may append fields this probe does not need.
  return {
    vendorId,
    deviceType,
    productCode,
    revision: `${major}.${minor}`,
    serial: serial.toString(16).toUpperCase().padStart(8, '0'),
    productName,
    status,
    state,
  };
}

const ENCAPSULATION_STATUS_NAMES: Record<number, string> = {
  0x0001: 'invalid or unsupported command',
  0x0002: 'insufficient memory',
  0x0003: 'incorrect data',
  0x0064: 'invalid session handle',
  0x0065: 'invalid length',
  0x0069: 'unsupported protocol version',
};

function statusName(status: number): string {
  return ENCAPSULATION_STATUS_NAMES[status] ?? 'unknown status';
}

function hex(value: number, digits: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(digits, '0')}`;
}
