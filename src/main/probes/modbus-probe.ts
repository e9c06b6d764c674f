// Modbus/TCP probe (issue 13): one read per check. Up when the device answers the read (and the
// first value meets `expect`); a Modbus exception is `protocol` with the exception named, a value
// off the expectation is `value_mismatch`, and everything short of an answer is a network kind.
// The RTT is the request/response time, without the TCP connect.
//
// Connections are kept per host:port between checks: a PLC that must accept a connection every
// 10 s from 1,000 endpoints' worth of probes is more load than the read itself, and many devices
// allow only a few connections. A connection is kept only after a clean answer or an exception
// (the framing is intact); anything else destroys it. The next check opens a new one.
import { performance } from 'node:perf_hooks';
import type { ModbusExpect, ModbusProbeConfig, ProbeConfig } from '../config';
import { connectModbus, type ModbusConnection, type ModbusRead, type ModbusValue } from './modbus-connection';
import type { ProbeResult } from './probe-result';

export interface ModbusProbe {
  check(probe: ModbusProbeConfig, timeoutMs: number): Promise<ProbeResult>;
  /** Closes kept connections that none of `probes` uses (after a config change). */
  retain(probes: readonly ProbeConfig[]): void;
  /** Closes every kept connection (shutdown). */
  close(): void;
  /** Connections open right now, kept or in use: for tests and the benchmark. */
  openConnections(): number;
}

export interface ModbusProbeOptions {
  /** Keep a connection per host:port between checks (default true). */
  reuseConnections?: boolean;
}

const keyOf = (probe: { host: string; port: number }): string => `${probe.host}|${probe.port}`;

const ITEM: Record<ModbusRead['function'], string> = {
  coils: 'coil',
  discrete_inputs: 'discrete input',
  holding_registers: 'holding register',
  input_registers: 'input register',
  device_identification: 'device identification object',
};

function describeExpect(expect: ModbusExpect): string {
  if ('equals' in expect) return `expected ${JSON.stringify(expect.equals)}`;
  if (expect.min !== null && expect.max !== null) return `expected ${expect.min} to ${expect.max}`;
  return expect.min !== null ? `expected at least ${expect.min}` : `expected at most ${String(expect.max)}`;
}

function meets(value: ModbusValue, expect: ModbusExpect): boolean {
  if ('equals' in expect) {
    // A coil reads as true/false; the file may say 1/0.
    if (typeof value === 'boolean') return value === (expect.equals === true || expect.equals === 1);
    return value === expect.equals;
  }
  if (typeof value !== 'number') return false;
  return (expect.min === null || value >= expect.min) && (expect.max === null || value <= expect.max);
}

/** Null when the answer is what the config expects, else why not. */
export function valueMismatch(probe: ModbusProbeConfig, values: readonly ModbusValue[]): string | null {
  const { expect, read } = probe;
  if (expect === null) return null;
  const first = values[0];
  const what = `${ITEM[read.function]} ${read.address}`;
  if (first === undefined) return `${what}: no value in the reply, ${describeExpect(expect)}`;
  return meets(first, expect) ? null : `${what} = ${JSON.stringify(first)}, ${describeExpect(expect)}`;
}

export function createModbusProbe(options: ModbusProbeOptions = {}): ModbusProbe {
  const reuse = options.reuseConnections ?? true;
  const kept = new Map<string, ModbusConnection>();
  const all = new Set<ModbusConnection>();

  const open = async (probe: ModbusProbeConfig, deadline: number) => {
    let connection: ModbusConnection | null = null;
    const outcome = await connectModbus(probe.host, probe.port, deadline, () => {
      if (connection === null) return;
      all.delete(connection);
      if (kept.get(keyOf(probe)) === connection) kept.delete(keyOf(probe));
    });
    if (outcome.ok) {
      connection = outcome.connection;
      all.add(connection);
    }
    return outcome;
  };

  /** A kept connection for this device when one is free; a busy one is left to its check. */
  const takeKept = (key: string): ModbusConnection | null => {
    const connection = kept.get(key);
    if (!connection || connection.busy) return null;
    if (!connection.open) {
      kept.delete(key);
      return null;
    }
    return connection;
  };

  const settle = (key: string, connection: ModbusConnection, keep: boolean): void => {
    if (keep && reuse && connection.open) {
      const current = kept.get(key);
      if (current === undefined || current === connection) {
        kept.set(key, connection);
        return;
      }
    }
    connection.destroy();
  };

  return {
    async check(probe, timeoutMs) {
      const deadline = performance.now() + timeoutMs;
      const key = keyOf(probe);
      const read: ModbusRead = probe.read;
      let connection = takeKept(key);
      let answer = connection ? await connection.request(read, probe.unitId, deadline) : null;
      // A device may close an idle connection at any time; that says nothing about the device now,
      // so one retry on a new connection (within the same deadline) decides.
      if (connection && answer && !answer.ok && answer.beforeReply && answer.kind !== 'timeout') {
        connection.destroy();
        connection = null;
        answer = null;
      }
      if (!connection || !answer) {
        const opened = await open(probe, deadline);
        if (!opened.ok) return { ok: false, kind: opened.kind, message: opened.message, rttMs: null };
        connection = opened.connection;
        answer = await connection.request(read, probe.unitId, deadline);
      }
      settle(key, connection, answer.ok || answer.reusable);
      if (!answer.ok) return { ok: false, kind: answer.kind, message: answer.message, rttMs: answer.rttMs };
      const mismatch = valueMismatch(probe, answer.values);
      if (mismatch !== null)
        return { ok: false, kind: 'value_mismatch', message: mismatch, rttMs: answer.rttMs };
      return { ok: true, rttMs: answer.rttMs };
    },
    retain(probes) {
      const used = new Set(probes.filter((p) => p.kind === 'modbus').map(keyOf));
      for (const [key, connection] of kept) {
        if (used.has(key)) continue;
        kept.delete(key);
        connection.destroy();
      }
    },
    close() {
      kept.clear();
      for (const connection of all) connection.destroy();
      all.clear();
    },
    openConnections: () => all.size,
  };
}
