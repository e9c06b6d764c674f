// Modbus/TCP probe against real servers on loopback (127.13.0.x is this file's): the simulated PLC
// (which can misbehave on purpose) and, as an independent implementation, the library's ServerTCP.
import net from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ServerTCP } from 'modbus-serial';
import {
  SIMULATED_IDENTITY,
  startSimulatedModbusDevice,
  type SimulatedModbusDevice,
} from '@src/main/demo/simulated-modbus-device';
import { createModbusProbe, type ModbusProbe } from '@src/main/probes/modbus-probe';
import { modbus } from '../../../support/config-builders';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function plc(host = '127.13.0.1'): Promise<SimulatedModbusDevice> {
  const device = await startSimulatedModbusDevice({ host });
  cleanups.push(() => device.stop());
  return device;
}

function probe(): ModbusProbe {
  const p = createModbusProbe();
  cleanups.push(() => p.close());
  return p;
}

/** Long enough that a loaded machine cannot turn a loopback answer into a timeout. */
const GENEROUS_MS = 10_000;
/** For the cases that must time out: short, since nothing is coming. */
const SHORT_MS = 300;

/** TCP sockets this process has open (client and server side), from Node's own resource list. */
const tcpHandles = (): number => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

describe('modbus probe: answers', () => {
  it('reads a holding register; the RTT is the request/response time', async () => {
    const device = await plc();
    device.setRegister(0, 4711);
    const result = await probe().check(
      modbus(device.host, device.port, { expect: { equals: 4711 } }),
      GENEROUS_MS,
    );
    expect(result).toMatchObject({ ok: true, rttMs: expect.any(Number) as unknown });
    expect(result.rttMs).toBeGreaterThanOrEqual(0);
  });

  it.each([
    ['input_registers', { equals: 3 }],
    ['coils', { equals: true }],
    ['discrete_inputs', { equals: 1 }],
  ] as const)('reads %s', async (fn, expectation) => {
    const device = await plc();
    device.setRegister(10, 3);
    const read = { function: fn, address: 10, count: 3 };
    expect(
      await probe().check(modbus(device.host, device.port, { read, expect: expectation }), GENEROUS_MS),
    ).toMatchObject({
      ok: true,
    });
  });

  it('reads the device identification and checks the vendor name', async () => {
    const device = await plc();
    const read = { function: 'device_identification' as const, address: 0, count: 1 };
    const p = probe();
    expect(
      await p.check(
        modbus(device.host, device.port, { read, expect: { equals: SIMULATED_IDENTITY[0] } }),
        GENEROUS_MS,
      ),
    ).toMatchObject({ ok: true });
    expect(
      await p.check(modbus(device.host, device.port, { read, expect: { equals: 'Siemens' } }), GENEROUS_MS),
    ).toEqual({
      ok: false,
      kind: 'value_mismatch',
      message: `device identification object 0 = "${SIMULATED_IDENTITY[0]}", expected "Siemens"`,
      rttMs: expect.any(Number) as unknown,
    });
  });

  it.each([
    [{ equals: 5 }, 'holding register 0 = 7, expected 5'],
    [{ min: 10, max: null }, 'holding register 0 = 7, expected at least 10'],
    [{ min: null, max: 6 }, 'holding register 0 = 7, expected at most 6'],
    [{ min: 8, max: 9 }, 'holding register 0 = 7, expected 8 to 9'],
  ])('a value off %j is value_mismatch', async (expectation, message) => {
    const device = await plc();
    device.setRegister(0, 7);
    const result = await probe().check(
      modbus(device.host, device.port, { expect: expectation }),
      GENEROUS_MS,
    );
    expect(result).toMatchObject({ ok: false, kind: 'value_mismatch', message });
  });
});

describe('modbus probe: exceptions are protocol failures, named', () => {
  it.each([
    [0x01, 'illegal function'],
    [0x02, 'illegal data address'],
    [0x03, 'illegal data value'],
    [0x04, 'server device failure'],
    [0x05, 'acknowledge (still processing)'],
    [0x06, 'server device busy'],
    [0x08, 'memory parity error'],
    [0x0a, 'gateway path unavailable'],
    [0x0b, 'gateway target failed to respond'],
  ])('exception 0x%s', async (code, name) => {
    const device = await plc();
    device.behave({ kind: 'exception', code });
    const result = await probe().check(modbus(device.host, device.port), GENEROUS_MS);
    const hex = code.toString(16).toUpperCase().padStart(2, '0');
    expect(result).toMatchObject({
      ok: false,
      kind: 'protocol',
      message: `Modbus exception 0x${hex}: ${name}`,
    });
    // The device answered: the RTT of the exception reply is measured too.
    expect(result.rttMs).toEqual(expect.any(Number));
  });

  it('a read past the end of the device memory is illegal data address from the device itself', async () => {
    const device = await plc();
    const read = { function: 'holding_registers' as const, address: 995, count: 10 };
    expect(await probe().check(modbus(device.host, device.port, { read }), GENEROUS_MS)).toMatchObject({
      ok: false,
      kind: 'protocol',
      message: 'Modbus exception 0x02: illegal data address',
    });
  });
});

describe('modbus probe: no proper answer', () => {
  it('refused when nothing listens', async () => {
    const device = await plc();
    await device.stop();
    expect(await probe().check(modbus(device.host, device.port), GENEROUS_MS)).toMatchObject({
      ok: false,
      kind: 'refused',
    });
  });

  it('timeout when the device reads the request and never answers', async () => {
    const device = await plc();
    device.behave({ kind: 'silent' });
    const p = probe();
    expect(await p.check(modbus(device.host, device.port), SHORT_MS)).toMatchObject({
      ok: false,
      kind: 'timeout',
      rttMs: null,
    });
    // The connection is not kept: a late answer must never be read as the next check's.
    expect(p.openConnections()).toBe(0);
    await vi.waitFor(() => expect(device.openConnections()).toBe(0));
  });

  it('timeout on a half-open connection (accepted, never read, never answered)', async () => {
    const accepted = new Set<net.Socket>();
    const server = net.createServer((socket) => {
      accepted.add(socket);
      socket.pause();
      socket.once('close', () => accepted.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.13.0.4', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          accepted.forEach((s) => s.destroy());
          server.close(() => resolve());
        }),
    );
    const { port } = server.address() as net.AddressInfo;
    const p = probe();
    expect(await p.check(modbus('127.13.0.4', port), SHORT_MS)).toMatchObject({ ok: false, kind: 'timeout' });
    // Our end is gone at once (the paused server end only notices when it reads again).
    expect(p.openConnections()).toBe(0);
  });

  it('bad_reply when the answer is not Modbus/TCP', async () => {
    const device = await plc();
    device.behave({ kind: 'garbage' });
    expect(await probe().check(modbus(device.host, device.port), GENEROUS_MS)).toMatchObject({
      ok: false,
      kind: 'bad_reply',
      message: expect.stringContaining('not a Modbus/TCP reply') as unknown,
    });
  });

  it('closed when the device hangs up in the middle of a reply', async () => {
    const device = await plc();
    device.behave({ kind: 'close_mid_frame' });
    expect(await probe().check(modbus(device.host, device.port), GENEROUS_MS)).toMatchObject({
      ok: false,
      kind: 'closed',
      message: expect.stringMatching(/^connection closed mid-reply \(after \d+ bytes\)$/) as unknown,
    });
  });
});

describe('modbus probe: connections', () => {
  it('keeps one connection across checks, also after an exception', async () => {
    const device = await plc();
    const p = probe();
    const config = modbus(device.host, device.port);
    expect((await p.check(config, GENEROUS_MS)).ok).toBe(true);
    device.behave({ kind: 'exception', code: 0x0b });
    expect(await p.check(config, GENEROUS_MS)).toMatchObject({ kind: 'protocol' });
    device.behave({ kind: 'answer' });
    expect((await p.check(config, GENEROUS_MS)).ok).toBe(true);
    expect(device.requests).toBe(3);
    expect(device.openConnections()).toBe(1);
    expect(p.openConnections()).toBe(1);
  });

  it('a device that closed the idle connection is asked again on a new one, within the same check', async () => {
    const device = await plc();
    const p = probe();
    const config = modbus(device.host, device.port);
    expect((await p.check(config, GENEROUS_MS)).ok).toBe(true);
    await device.stop();
    const again = await startSimulatedModbusDevice({ host: device.host, port: device.port });
    cleanups.push(() => again.stop());
    expect((await p.check(config, GENEROUS_MS)).ok).toBe(true);
  });

  it('retain closes the connections of devices no longer configured; close closes all', async () => {
    const a = await plc('127.13.0.1');
    const b = await plc('127.13.0.2');
    const p = probe();
    await p.check(modbus(a.host, a.port), GENEROUS_MS);
    await p.check(modbus(b.host, b.port), GENEROUS_MS);
    expect(p.openConnections()).toBe(2);
    p.retain([modbus(a.host, a.port), { kind: 'tcp', host: b.host, port: b.port }]);
    expect(p.openConnections()).toBe(1);
    await vi.waitFor(() => expect(b.openConnections()).toBe(0));
    p.close();
    expect(p.openConnections()).toBe(0);
    await vi.waitFor(() => expect(a.openConnections()).toBe(0));
  });

  it('leaves no open socket after 1,000 checks of every outcome', { timeout: 120_000 }, async () => {
    const device = await plc('127.13.0.3');
    const baseline = tcpHandles();
    const p = createModbusProbe();
    const config = modbus(device.host, device.port);
    const behaviours = [
      { kind: 'answer' },
      { kind: 'exception', code: 0x0b },
      { kind: 'garbage' },
      { kind: 'close_mid_frame' },
      { kind: 'silent' },
    ] as const;
    const kinds = new Map<string, number>();
    for (let i = 0; i < 1000; i++) {
      const behaviour = behaviours[i % behaviours.length] ?? behaviours[0];
      device.behave(behaviour);
      const result = await p.check(config, behaviour.kind === 'silent' ? 20 : GENEROUS_MS);
      const kind = result.ok ? 'ok' : result.kind;
      kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
    }
    expect(Object.fromEntries(kinds)).toEqual({
      ok: 200,
      protocol: 200,
      bad_reply: 200,
      closed: 200,
      timeout: 200,
    });
    // At most the one kept connection (and the device's end of it) remains, until close.
    expect(p.openConnections()).toBeLessThanOrEqual(1);
    p.close();
    await vi.waitFor(() => expect(tcpHandles()).toBe(baseline), { timeout: 10_000 });
    expect(device.openConnections()).toBe(0);
  });
});

describe('modbus probe against the library server (ServerTCP)', () => {
  it('reads a register and names the exception the server sends', async () => {
    let fail: number | null = null;
    const server = new ServerTCP(
      {
        getHoldingRegister: (address: number) => {
          if (fail !== null) throw Object.assign(new Error('simulated'), { modbusErrorCode: fail });
          return address + 100;
        },
      },
      { host: '127.13.0.9', port: 15502, unitID: 1 },
    );
    await new Promise<void>((resolve, reject) => {
      server.on('initialized', () => resolve());
      server.on('serverError', reject);
    });
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const p = probe();
    const read = { function: 'holding_registers' as const, address: 5, count: 2 };
    const config = modbus('127.13.0.9', 15502, { read, expect: { equals: 105 } });
    expect(await p.check(config, GENEROUS_MS)).toMatchObject({ ok: true });
    fail = 0x0b;
    expect(await p.check(config, GENEROUS_MS)).toMatchObject({
      ok: false,
      kind: 'protocol',
      message: 'Modbus exception 0x0B: gateway target failed to respond',
    });
  });
});
