// An EtherNet/IP device on a loopback address, TCP and UDP on one port, answering List Identity from
// the recorded-style replies in tests/fixtures/enip/, the way a device does: the request's sender
// context written into the reply. Switched at run time to the faults a plant network shows. The
// listening and framing are the demo drive's (`listenEnip`); what is here is what only tests need:
// the recorded replies and the faults.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { listenEnip, type EnipAnswer, type EnipListener } from '@src/main/demo/simulated-enip-device';
import type { EnipTransport } from '@src/main/probes/enip/enip-probe';
import type { EnipIdentity } from '@src/main/probes/enip/list-identity';

export type EnipFixtureName = '1756-en2t' | 'powerflex-755';

/** What each fixture says, field by field (see its comments), as the decoder must report it. */
export const FIXTURE_IDENTITIES: Record<EnipFixtureName, EnipIdentity> = {
  '1756-en2t': {
    vendorId: 1,
    deviceType: 12,
    productCode: 166,
    revision: '11.2',
    serial: '40A1B2C3',
    productName: '1756-EN2T/D',
    status: 0x0060,
    state: 3,
  },
  'powerflex-755': {
    vendorId: 1,
    deviceType: 143,
    productCode: 2192,
    revision: '10.1',
    serial: '1B2C3D4E',
    productName: 'PowerFlex 755',
    status: 0x0075,
    state: 3,
  },
};

export type EnipResponderMode =
  | 'normal'
  | 'major_recoverable'
  | 'major_unrecoverable'
  | 'minor_recoverable'
  | 'minor_unrecoverable'
  /** An encapsulation error status (0x0001, unsupported command) with no data. */
  | 'error_status'
  /** An HTTP error page: what a web server on the port would send. */
  | 'garbage'
  /** A whole frame whose header agrees with its length, but the identity item is cut short. */
  | 'truncated'
  /** The first 40 bytes of the reply, then the connection closes (over UDP: a short datagram). */
  | 'close_mid_frame'
  /** Accepts and reads the request, never answers. */
  | 'silent';

export interface EnipResponder {
  host: string;
  port: number;
  /** List Identity requests received, over both transports. */
  readonly requests: number;
  setMode(mode: EnipResponderMode): void;
  setFixture(name: EnipFixtureName): void;
  close(): Promise<void>;
}

const fixturesRoot = fileURLToPath(new URL('../fixtures/enip/', import.meta.url));

/** A fixture's bytes: the hex with '#' comments and spaces removed. */
export function enipFixture(name: EnipFixtureName): Buffer {
  const text = readFileSync(`${fixturesRoot}${name}.hex`, 'utf8');
  const hex = text
    .split('\n')
    .map((line) => line.replace(/#.*/, '').replace(/\s+/g, ''))
    .join('');
  if (!/^(?:[0-9a-f]{2})*$/i.test(hex)) throw new Error(`${name}.hex: not an even run of hex digits`);
  return Buffer.from(hex, 'hex');
}

const HEADER_BYTES = 24;
const CONTEXT_AT = 12;
/** Header 24, item count 2, item type and length 4, version 2, socket address 16, vendor, type,
 * product code, revision 8: the status word's offset in a single-item reply. */
export const STATUS_WORD_AT = 56;
const MID_FRAME_BYTES = 40;

const STATUS_BITS: Partial<Record<EnipResponderMode, number>> = {
  minor_recoverable: 1 << 8,
  minor_unrecoverable: 1 << 9,
  major_recoverable: 1 << 10,
  major_unrecoverable: 1 << 11,
};

function replyFor(request: Buffer, fixture: Buffer, mode: EnipResponderMode): Buffer | null {
  const context = request.subarray(CONTEXT_AT, CONTEXT_AT + 8);
  const reply = Buffer.from(fixture);
  context.copy(reply, CONTEXT_AT);
  const bit = STATUS_BITS[mode];
  if (bit !== undefined) reply.writeUInt16LE(reply.readUInt16LE(STATUS_WORD_AT) | bit, STATUS_WORD_AT);
  switch (mode) {
    case 'silent':
      return null;
    case 'garbage':
      return Buffer.from('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n', 'latin1');
    case 'error_status': {
      const header = reply.subarray(0, HEADER_BYTES);
      header.writeUInt16LE(0, 2);
      header.writeUInt32LE(0x0001, 8);
      return header;
    }
    case 'truncated': {
      // Cut inside the product name, and make the header agree: only the item is inconsistent.
      const cut = reply.subarray(0, reply.length - 6);
      cut.writeUInt16LE(cut.length - HEADER_BYTES, 2);
      return cut;
    }
    default:
      return reply;
  }
}

/** A free TCP port can still be taken for UDP; with port 0 another free pair is tried. */
const PORT_ATTEMPTS = 5;

export async function startEnipResponder(options: {
  host: string;
  /** 0 (default): a free TCP port, with UDP on the same number. */
  port?: number;
  fixture?: EnipFixtureName;
}): Promise<EnipResponder> {
  let fixture = enipFixture(options.fixture ?? '1756-en2t');
  let mode: EnipResponderMode = 'normal';
  let requests = 0;

  const answer = (request: Buffer, transport: EnipTransport): EnipAnswer | null => {
    requests += 1;
    const reply = replyFor(request, fixture, mode);
    if (reply === null) return null;
    if (mode !== 'close_mid_frame') return { bytes: reply };
    // Over TCP the connection closes after the part; over UDP the part is the whole datagram.
    return { bytes: reply.subarray(0, MID_FRAME_BYTES), endConnection: transport === 'tcp' };
  };

  const wanted = options.port ?? 0;
  let listener: EnipListener | undefined;
  for (let attempt = 1; !listener; attempt += 1) {
    try {
      listener = await listenEnip({ host: options.host, port: wanted, udpRequired: true, answer });
    } catch (error) {
      if (wanted !== 0 || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
  const ready = listener;
  return {
    host: options.host,
    port: ready.port,
    get requests() {
      return requests;
    },
    setMode: (next) => (mode = next),
    setFixture: (name) => (fixture = enipFixture(name)),
    close: () => ready.close(),
  };
}
