// A simulated EtherNet/IP device (a drive) on a loopback address, for the demo plant and the tests
// (issue 13): it answers List Identity over TCP and UDP on one port, as a device does, with the
// identity it is given and the fault bits of its current condition. The tests' recorded replies
// (tests/fixtures/enip) check the decoder against real layouts; this one builds its reply from an
// identity, so the demo can raise a major fault and a test can swap the device.
import dgram from 'node:dgram';
import net from 'node:net';
import { ENIP_PORT, type EnipTransport } from '../probes/enip/enip-probe';
import type { EnipIdentity } from '../probes/enip/list-identity';

export type EnipCondition = 'healthy' | 'major_fault' | 'minor_fault';

export interface SimulatedEnipDevice {
  readonly host: string;
  readonly port: number;
  setCondition(condition: EnipCondition): void;
  /** Another device (or other firmware) from now on: what a swap looks like on the wire. */
  setIdentity(identity: EnipIdentity): void;
  /** List Identity requests received, over both transports. */
  readonly requests: number;
  stop(): Promise<void>;
}

/** A PowerFlex-like drive: what the demo shows on the endpoint page. */
export const SIMULATED_DRIVE_IDENTITY: EnipIdentity = {
  vendorId: 1,
  deviceType: 2,
  productCode: 2192,
  revision: '10.1',
  serial: '5A1D0042',
  productName: 'SIM-DRIVE 755',
  // Owned, configured (bits 0 and 2); the fault bits are the condition's.
  status: 0x0005,
  state: 3,
};

const HEADER_BYTES = 24;
const LIST_IDENTITY = 0x0063;
const IDENTITY_ITEM = 0x000c;
const CONDITION_BITS: Record<EnipCondition, number> = {
  healthy: 0,
  minor_fault: 1 << 8,
  major_fault: 1 << 10,
};
const FAULT_BITS = 0x0f00;

/** The reply's layout is the one list-identity.ts decodes (CIP Vol. 2, "List Identity"). */
export function encodeListIdentityReply(
  identity: EnipIdentity,
  senderContext: Buffer,
  socket: { address: string; port: number },
): Buffer {
  const name = Buffer.from(identity.productName, 'latin1');
  const item = Buffer.alloc(2 + 16 + 2 * 3 + 2 + 2 + 4 + 1 + name.length + 1);
  let at = item.writeUInt16LE(1, 0);
  at = item.writeUInt16BE(2, at); // AF_INET; the socket address is big-endian
  at = item.writeUInt16BE(socket.port, at);
  for (const octet of socket.address.split('.')) at = item.writeUInt8(Number(octet) & 0xff, at);
  at += 8;
  at = item.writeUInt16LE(identity.vendorId, at);
  at = item.writeUInt16LE(identity.deviceType, at);
  at = item.writeUInt16LE(identity.productCode, at);
  const [major = 0, minor = 0] = identity.revision.split('.').map(Number);
  at = item.writeUInt8(major, at);
  at = item.writeUInt8(minor, at);
  at = item.writeUInt16LE(identity.status, at);
  at = item.writeUInt32LE(Number.parseInt(identity.serial, 16) >>> 0, at);
  at = item.writeUInt8(name.length, at);
  at += name.copy(item, at);
  item.writeUInt8(identity.state, at);
  const cpf = Buffer.alloc(6);
  cpf.writeUInt16LE(1, 0);
  cpf.writeUInt16LE(IDENTITY_ITEM, 2);
  cpf.writeUInt16LE(item.length, 4);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeUInt16LE(LIST_IDENTITY, 0);
  header.writeUInt16LE(cpf.length + item.length, 2);
  senderContext.copy(header, 12, 0, 8);
  return Buffer.concat([header, cpf, item]);
}

/** What goes back for one request: the bytes, and whether the TCP connection ends after them. */
export interface EnipAnswer {
  bytes: Buffer;
  endConnection?: boolean;
}

export interface EnipListener {
  /** The port both transports are bound to (the one asked for, or the free one found). */
  readonly port: number;
  close(): Promise<void>;
}

/**
 * TCP and UDP on one port of `host`, framed as a device frames them: the TCP stream cut into
 * encapsulation messages by the header's length word (several in one chunk, or one across chunks),
 * each UDP datagram taken whole; anything shorter than a header is no request. `answer` decides what
 * goes back (null: nothing). Exported for the tests' responder, which answers from recorded replies
 * and misbehaves on purpose over this same framing.
 */
export async function listenEnip(options: {
  host: string;
  /** 0 (default): a free port, TCP and UDP on the same number. */
  port?: number;
  /**
   * Where UDP on that number is taken: false (default) keeps answering over TCP, the probe's
   * default transport; true closes both and throws, for a caller that must have UDP too.
   */
  udpRequired?: boolean;
  answer: (request: Buffer, transport: EnipTransport, port: number) => EnipAnswer | null;
}): Promise<EnipListener> {
  const sockets = new Set<net.Socket>();
  let bound = options.port ?? 0;

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= HEADER_BYTES && pending.length >= HEADER_BYTES + pending.readUInt16LE(2)) {
        const request = pending.subarray(0, HEADER_BYTES + pending.readUInt16LE(2));
        pending = pending.subarray(request.length);
        const answer = options.answer(request, 'tcp', bound);
        if (answer?.endConnection) socket.end(answer.bytes);
        else if (answer) socket.write(answer.bytes);
      }
    });
  });
  const udp = dgram.createSocket('udp4');
  udp.on('message', (request, peer) => {
    if (request.length < HEADER_BYTES) return;
    const answer = options.answer(request, 'udp', bound);
    if (answer) udp.send(answer.bytes, peer.port, peer.address);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host, () => resolve());
  });
  const address = server.address();
  bound = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  let udpOpen = false;
  try {
    await new Promise<void>((resolve, reject) => {
      udp.once('error', reject);
      udp.bind(bound, options.host, () => resolve());
    });
    udpOpen = true;
  } catch (error) {
    udp.close();
    // UDP on the same number is taken: the device still answers over TCP, the probe's default.
    const taken = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
    if (!taken || options.udpRequired) {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      throw error;
    }
  }

  return {
    port: bound,
    close: async () => {
      sockets.forEach((socket) => socket.destroy());
      const closing = [new Promise<void>((resolve) => server.close(() => resolve()))];
      if (udpOpen) closing.push(new Promise<void>((resolve) => udp.close(() => resolve())));
      udpOpen = false;
      await Promise.all(closing);
    },
  };
}

export async function startSimulatedEnipDevice(options: {
  host: string;
  /** 0 (default): a free port, TCP and UDP on the same number. */
  port?: number;
  identity?: EnipIdentity;
}): Promise<SimulatedEnipDevice> {
  let identity = options.identity ?? SIMULATED_DRIVE_IDENTITY;
  let condition: EnipCondition = 'healthy';
  let requests = 0;

  const listener = await listenEnip({
    host: options.host,
    port: options.port,
    answer: (request, _transport, port) => {
      if (request.readUInt16LE(0) !== LIST_IDENTITY) return null;
      requests += 1;
      const status = (identity.status & ~FAULT_BITS) | CONDITION_BITS[condition];
      const bytes = encodeListIdentityReply({ ...identity, status }, request.subarray(12, 20), {
        address: options.host,
        port,
      });
      return { bytes };
    },
  });

  return {
    host: options.host,
    port: listener.port,
    setCondition: (next) => (condition = next),
    setIdentity: (next) => (identity = next),
    get requests() {
      return requests;
    },
    stop: () => listener.close(),
  };
}

/**
 * On its own loopback address the demo drive takes the registered port, as a real device does;
 * where that address cannot be had (macOS has only 127.0.0.1) or the port is taken, any free port.
 */
export async function startEnipOnLoopback(wantedHost: string): Promise<SimulatedEnipDevice> {
  try {
    return await startSimulatedEnipDevice({ host: wantedHost, port: ENIP_PORT });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') return startSimulatedEnipDevice({ host: wantedHost });
    if (code !== 'EADDRNOTAVAIL') throw error;
    return startSimulatedEnipDevice({ host: '127.0.0.1' });
  }
}
