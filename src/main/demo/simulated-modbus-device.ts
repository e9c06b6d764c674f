// A simulated Modbus/TCP PLC on a loopback address, for the demo plant and the tests (issue 13).
// The server side is a small responder of our own rather than the library's ServerTCP because it
// must misbehave on purpose: answer with any exception code, say nothing (half-open), send bytes
// that are not Modbus, or close in the middle of a reply. The probe's client side is the library.
import net from 'node:net';

export type ModbusBehaviour =
  | { kind: 'answer' }
  | { kind: 'exception'; code: number }
  /** Accepts and reads requests, never answers: a hung gateway or a half-open connection. */
  | { kind: 'silent' }
  /** Answers every request with bytes that are not a Modbus/TCP reply. */
  | { kind: 'garbage' }
  /** Sends the first bytes of a correct reply, then closes the connection. */
  | { kind: 'close_mid_frame' };

export interface SimulatedModbusDevice {
  readonly host: string;
  readonly port: number;
  behave(behaviour: ModbusBehaviour): void;
  /** Holding and input registers share one table; coils and inputs read its values as bits. */
  setRegister(address: number, value: number): void;
  /** Requests received so far (answered or not). */
  readonly requests: number;
  /** Client connections open on the device side right now. */
  openConnections(): number;
  stop(): Promise<void>;
}

/** Addresses past this answer "illegal data address", as a real PLC's memory map ends somewhere. */
export const SIMULATED_REGISTER_COUNT = 1000;
export const SIMULATED_IDENTITY = ['Linewatch', 'SIM-PLC-1', '1.3.0'] as const;

const mbap = (transactionId: number, unitId: number, pdu: Buffer): Buffer => {
  const head = Buffer.alloc(7);
  head.writeUInt16BE(transactionId, 0);
  head.writeUInt16BE(0, 2);
  head.writeUInt16BE(pdu.length + 1, 4);
  head.writeUInt8(unitId, 6);
  return Buffer.concat([head, pdu]);
};

const exceptionPdu = (fc: number, code: number): Buffer => Buffer.from([fc | 0x80, code]);

function identityPdu(pdu: Buffer): Buffer {
  if (pdu.length < 4 || pdu[1] !== 0x0e) return exceptionPdu(0x2b, 0x03);
  const readCode = pdu[2] ?? 1;
  const first = pdu[3] ?? 0;
  const objects = SIMULATED_IDENTITY.map((text, id) => ({ id, text })).filter((o) => o.id >= first);
  if (objects.length === 0) return exceptionPdu(0x2b, 0x02);
  const body = objects.flatMap((o) => [o.id, o.text.length, ...Buffer.from(o.text, 'ascii')]);
  return Buffer.from([0x2b, 0x0e, readCode, 0x01, 0x00, 0x00, objects.length, ...body]);
}

function readPdu(pdu: Buffer, registers: Map<number, number>): Buffer {
  const fc = pdu[0] ?? 0;
  if (fc === 0x2b) return identityPdu(pdu);
  if (fc < 1 || fc > 4 || pdu.length < 5) return exceptionPdu(fc, 0x01);
  const address = pdu.readUInt16BE(1);
  const count = pdu.readUInt16BE(3);
  const max = fc <= 2 ? 2000 : 125;
  if (count < 1 || count > max) return exceptionPdu(fc, 0x03);
  if (address + count > SIMULATED_REGISTER_COUNT) return exceptionPdu(fc, 0x02);
  const value = (i: number): number => registers.get(address + i) ?? 0;
  if (fc >= 3) {
    const out = Buffer.alloc(2 + count * 2);
    out.writeUInt8(fc, 0);
    out.writeUInt8(count * 2, 1);
    for (let i = 0; i < count; i++) out.writeUInt16BE(value(i) & 0xffff, 2 + i * 2);
    return out;
  }
  const bytes = Math.ceil(count / 8);
  const out = Buffer.alloc(2 + bytes);
  out.writeUInt8(fc, 0);
  out.writeUInt8(bytes, 1);
  for (let i = 0; i < count; i++)
    if (value(i) !== 0) out[2 + (i >> 3)] = (out[2 + (i >> 3)] ?? 0) | (1 << (i & 7));
  return out;
}

export async function startSimulatedModbusDevice(options: {
  host: string;
  port?: number;
}): Promise<SimulatedModbusDevice> {
  const sockets = new Set<net.Socket>();
  const registers = new Map<number, number>();
  let behaviour: ModbusBehaviour = { kind: 'answer' };
  let requests = 0;

  const respond = (socket: net.Socket, frame: Buffer): void => {
    requests += 1;
    const transactionId = frame.readUInt16BE(0);
    const unitId = frame.readUInt8(6);
    const pdu = frame.subarray(7);
    switch (behaviour.kind) {
      case 'silent':
        return;
      case 'garbage':
        socket.write('HTTP/1.1 400 Bad Request\r\n\r\n');
        return;
      case 'exception':
        socket.write(mbap(transactionId, unitId, exceptionPdu(pdu[0] ?? 0, behaviour.code)));
        return;
      case 'close_mid_frame': {
        const reply = mbap(transactionId, unitId, readPdu(pdu, registers));
        socket.end(reply.subarray(0, Math.max(1, reply.length - 2)));
        return;
      }
      case 'answer':
        socket.write(mbap(transactionId, unitId, readPdu(pdu, registers)));
    }
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 7) {
        const length = pending.readUInt16BE(4);
        if (length < 2 || length > 254) {
          socket.destroy();
          return;
        }
        if (pending.length < 6 + length) return;
        respond(socket, pending.subarray(0, 6 + length));
        pending = pending.subarray(6 + length);
      }
    });
  });
  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: options.host, port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });

  return {
    host: options.host,
    port,
    behave(next) {
      behaviour = next;
    },
    setRegister(address, value) {
      registers.set(address, value);
    },
    get requests() {
      return requests;
    },
    openConnections: () => sockets.size,
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** As startOnLoopback: the wanted 127.x address, else 127.0.0.1 (macOS has no other without aliases). */
export async function startModbusOnLoopback(wantedHost: string): Promise<SimulatedModbusDevice> {
  try {
    return await startSimulatedModbusDevice({ host: wantedHost });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw error;
    return startSimulatedModbusDevice({ host: '127.0.0.1' });
  }
}
