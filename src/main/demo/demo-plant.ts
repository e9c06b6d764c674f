// The built-in demo plant: three production lines of simulated devices on loopback addresses,
// with scripted faults, so a newcomer sees a living wall without any configuration, and one device
// that degrades before it fails, so the early warnings (issue 12) show before the outage, and one
// Modbus/TCP PLC whose counter register counts and which now and then answers with an exception
// (issue 13), so the wall shows "PLC answers with an exception" next to plain "unreachable", and
// one EtherNet/IP drive that reports a major fault for half a minute every few minutes ("Device
// reports a major fault": the network is fine, the drive is not), and an OPC UA server that goes
// Suspended for a minute every few minutes ("OPC UA: Suspended").
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, TimerHandle } from '../clock/clock';
import { DEFAULT_RETENTION, type EndpointConfig, type LinewatchConfig, type ProbeConfig } from '../config';
import { degradationAt, DEVICES, LINES, type DemoDeviceSpec } from './demo-devices';
import { startOnLoopback, type SimulatedDevice } from './simulated-device';
import { startModbusOnLoopback, type SimulatedModbusDevice } from './simulated-modbus-device';
import { startEnipOnLoopback, type SimulatedEnipDevice } from './simulated-enip-device';
import type { SimulatedOpcuaServer } from './simulated-opcua-server';

// node-opcua holds ~90 MB once loaded: only a demo that starts its OPC UA server loads it, never a
// `serve` with a config (the config runtime imports this module either way).
const loadOpcuaServerModule = () => import('./simulated-opcua-server');

export {
  DEGRADE_CYCLE_S,
  DEGRADE_HEALTHY_S,
  DEGRADE_MAX_DELAY_MS,
  DEGRADE_MAX_DROP,
  DEGRADE_OFF_S,
  DEGRADE_RAMP_S,
  degradationAt,
} from './demo-devices';

export interface DemoPlant {
  config: LinewatchConfig;
  /** What the demo could not start, for the log (a simulated device whose library is missing). */
  notes: string[];
  stop(): Promise<void>;
}

const DEMO_SITE_ID = 'demo-plant';

/** What the demo's OPC UA server says it is: the endpoint page shows it as the identity. */
export const DEMO_OPCUA_BUILD_INFO = {
  productName: 'Weld 2 cell runtime',
  manufacturerName: 'Linewatch demo',
  softwareVersion: '2.4.0',
  buildNumber: '318',
  productUri: 'urn:linewatch:demo:weld2',
};

const DEMO_TIMING = { intervalMs: 2000, timeoutMs: 1000, downAfter: 2, upAfter: 2 };

/** The Modbus PLC's counter: holding register 0 counts seconds since the demo started. */
export const DEMO_COUNTER_REGISTER = 0;

function modbusProbeFor(plc: SimulatedModbusDevice): ProbeConfig {
  return {
    kind: 'modbus',
    host: plc.host,
    port: plc.port,
    unitId: 1,
    read: { function: 'holding_registers', address: DEMO_COUNTER_REGISTER, count: 1 },
    expect: null,
  };
}

/** The demo's OPC UA server (security none, anonymous), its PKI in a folder removed at stop. */
async function startDemoOpcuaServer(host: string): Promise<SimulatedOpcuaServer> {
  const pkiDir = mkdtempSync(join(tmpdir(), 'linewatch-demo-opcua-'));
  const removePki = (): void => rmSync(pkiDir, { recursive: true, force: true });
  try {
    const { startSimulatedOpcuaServer } = await loadOpcuaServerModule();
    const server = await startSimulatedOpcuaServer({ host, pkiDir, buildInfo: DEMO_OPCUA_BUILD_INFO });
    return {
      ...server,
      stop: () => server.stop().finally(removePki),
    };
  } catch (error) {
    removePki();
    throw error;
  }
}

function probeFor(spec: DemoDeviceSpec, host: string, device: SimulatedDevice | null): ProbeConfig {
  if (
    spec.kind === 'icmp' ||
    spec.kind === 'modbus' ||
    spec.kind === 'enip' ||
    spec.kind === 'opcua' ||
    !device
  )
    return { kind: 'icmp', host };
  if (spec.kind === 'tcp') return { kind: 'tcp', host: device.host, port: device.port };
  return {
    kind: 'http',
    url: `http://${device.host}:${device.port}/health`,
    expectStatus: 200,
    expectText: 'OK',
    tlsVerify: true,
  };
}

function demoEndpoint(spec: DemoDeviceSpec, probe: ProbeConfig): EndpointConfig {
  return {
    id: spec.id,
    name: spec.name,
    type: spec.type,
    lineId: spec.line,
    critical: spec.critical ?? false,
    dependsOn: spec.dependsOn ?? null,
    ...DEMO_TIMING,
    probe,
    ...(spec.warn && { warn: spec.warn }),
  };
}

/**
 * The OPC UA device, on its 127.x address or else 127.0.0.1 (as startOnLoopback). Without the
 * node-opcua-server package the demo runs without it, and the log says why.
 */
async function startOpcuaDevice(
  spec: DemoDeviceSpec,
  host: string,
  notes: string[],
): Promise<SimulatedOpcuaServer | null> {
  try {
    try {
      return await startDemoOpcuaServer(host);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRNOTAVAIL') throw error;
      return await startDemoOpcuaServer('127.0.0.1');
    }
  } catch (error) {
    const { OpcuaServerLibraryMissing } = await loadOpcuaServerModule();
    if (!(error instanceof OpcuaServerLibraryMissing)) throw error;
    notes.push(`demo plant: ${spec.id} left out: ${error.message}`);
    return null;
  }
}

/** Whether a scripted fault is on `elapsedS` seconds after the demo started. */
function faultyAt(fault: NonNullable<DemoDeviceSpec['fault']>, elapsedS: number): boolean {
  const phase = (((elapsedS - fault.atS) % fault.everyS) + fault.everyS) % fault.everyS;
  return elapsedS >= fault.atS && phase < fault.forS;
}

export async function startDemoPlant(clock: Clock): Promise<DemoPlant> {
  const devices = new Map<string, SimulatedDevice>();
  const plcs = new Map<string, SimulatedModbusDevice>();
  const drives = new Map<string, SimulatedEnipDevice>();
  const opcuaServers = new Map<string, SimulatedOpcuaServer>();
  const endpoints: EndpointConfig[] = [];
  const notes: string[] = [];
  const stopAll = () =>
    Promise.all(
      [...devices.values(), ...plcs.values(), ...drives.values(), ...opcuaServers.values()].map((d) =>
        d.stop(),
      ),
    );
  try {
    for (const [index, spec] of DEVICES.entries()) {
      const host = `127.0.0.${20 + index}`;
      if (spec.kind === 'opcua') {
        const server = await startOpcuaDevice(spec, host, notes);
        if (!server) continue;
        opcuaServers.set(spec.id, server);
        endpoints.push(
          demoEndpoint(spec, { kind: 'opcua', url: server.url, security: 'none', user: null, read: [] }),
        );
        continue;
      }
      const plc = spec.kind === 'modbus' ? await startModbusOnLoopback(host) : null;
      if (plc) plcs.set(spec.id, plc);
      const drive = spec.kind === 'enip' ? await startEnipOnLoopback(host) : null;
      if (drive) drives.set(spec.id, drive);
      const device =
        spec.kind === 'icmp' || spec.kind === 'modbus' || spec.kind === 'enip'
          ? null
          : await startOnLoopback(spec.kind, host);
      if (device) devices.set(spec.id, device);
      endpoints.push(
        demoEndpoint(
          spec,
          plc
            ? modbusProbeFor(plc)
            : drive
              ? {
                  kind: 'enip',
                  host: drive.host,
                  port: drive.port,
                  transport: 'tcp',
                  serialSalt: DEMO_SITE_ID,
                }
              : probeFor(spec, host, device),
        ),
      );
    }
  } catch (error) {
    await stopAll();
    throw error;
  }

  const startedAt = clock.now();
  let timer: TimerHandle | null = null;
  let stopped = false;
  // Every second, put each scripted device into the state its fault script asks for.
  const tick = (): void => {
    if (stopped) return;
    const elapsedS = (clock.now() - startedAt) / 1000;
    for (const spec of DEVICES) {
      const opcua = opcuaServers.get(spec.id);
      if (opcua) {
        const suspended = spec.fault !== undefined && faultyAt(spec.fault, elapsedS);
        opcua.setSuspended(suspended);
        continue;
      }
      const plc = plcs.get(spec.id);
      if (plc) {
        plc.setRegister(DEMO_COUNTER_REGISTER, Math.floor(elapsedS) & 0xffff);
        plc.behave(
          spec.fault && faultyAt(spec.fault, elapsedS)
            ? { kind: 'exception', code: 0x0b }
            : { kind: 'answer' },
        );
        continue;
      }
      const drive = drives.get(spec.id);
      if (drive) {
        drive.setCondition(spec.fault && faultyAt(spec.fault, elapsedS) ? 'major_fault' : 'healthy');
        continue;
      }
      const device = devices.get(spec.id);
      if (device && spec.degrades) {
        const step = degradationAt(elapsedS);
        device.setDegradation(step);
        if (step.off && device.isRunning) void device.stop();
        else if (!step.off && !device.isRunning) void device.start().catch(() => undefined);
      }
      if (!device || !spec.fault) continue;
      const faulty = faultyAt(spec.fault, elapsedS);
      if (spec.fault.mode === 'wrong_text') device.setUnhealthy(faulty);
      else if (faulty && device.isRunning) void device.stop();
      else if (!faulty && !device.isRunning) void device.start().catch(() => undefined);
    }
    timer = clock.after(1000, tick);
  };
  tick();

  const config: LinewatchConfig = {
    version: 1,
    site: { id: DEMO_SITE_ID, name: 'Demo plant', timezone: 'Europe/Berlin' },
    shifts: [
      { id: 'early', name: 'Early shift', start: '06:00', end: '14:00' },
      { id: 'late', name: 'Late shift', start: '14:00', end: '22:00' },
      { id: 'night', name: 'Night shift', start: '22:00', end: '06:00' },
    ],
    lines: LINES.map((line) => ({
      id: line.id,
      name: line.name,
      downtimeCostPerMinute: line.cost,
      endpoints: endpoints.filter((e) => e.lineId === line.id),
    })),
    maintenance: [],
    retention: DEFAULT_RETENTION,
  };

  return {
    config,
    notes,
    async stop() {
      stopped = true;
      timer?.cancel();
      await stopAll();
    },
  };
}
