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
import type { EndpointType } from '../../shared/domain/endpoint';
import type { Clock, TimerHandle } from '../clock/clock';
import {
  DEFAULT_RETENTION,
  type EndpointConfig,
  type EndpointWarnConfig,
  type LinewatchConfig,
  type ProbeConfig,
} from '../config';
import { startOnLoopback, type Degradation, type SimulatedDevice } from './simulated-device';
import { startModbusOnLoopback, type SimulatedModbusDevice } from './simulated-modbus-device';
import { startEnipOnLoopback, type SimulatedEnipDevice } from './simulated-enip-device';
import type { SimulatedOpcuaServer } from './simulated-opcua-server';

// node-opcua holds ~90 MB once loaded: only a demo that starts its OPC UA server loads it, never a
// `serve` with a config (the config runtime imports this module either way).
const loadOpcuaServerModule = () => import('./simulated-opcua-server');

interface DemoDeviceSpec {
  id: string;
  name: string;
  type: EndpointType;
  line: string;
  kind: 'tcp' | 'http' | 'icmp' | 'modbus' | 'enip' | 'opcua';
  critical?: boolean;
  dependsOn?: string;
  /**
   * Scripted fault: off (or unhealthy, for HTTP; answering with exception 0x0B, for Modbus) for
   * `forS` seconds every `everyS`, from `atS`; a major fault, for EtherNet/IP; ServerState
   * Suspended, for OPC UA.
   */
  fault?: {
    everyS: number;
    forS: number;
    atS: number;
    mode: 'off' | 'wrong_text' | 'exception' | 'major_fault' | 'suspended';
  };
  /** Scripted degradation (HTTP devices): see degradationAt. */
  degrades?: boolean;
  warn?: EndpointWarnConfig;
}

/**
 * The degrading device's script, one cycle every DEGRADE_CYCLE_S: healthy for DEGRADE_HEALTHY_S,
 * then for DEGRADE_RAMP_S its answers slow down (to DEGRADE_MAX_DELAY_MS) and more of them are
 * lost (to DEGRADE_MAX_DROP: rare enough that two losses in a row, an outage, stay rare), then it
 * is off for DEGRADE_OFF_S: the outage. Its `warn:` limit (40 ms) is crossed about 4 minutes into
 * the ramp, so the threshold warning (5 minutes over) is raised several minutes before it fails.
 */
export const DEGRADE_CYCLE_S = 40 * 60;
export const DEGRADE_HEALTHY_S = 10 * 60;
export const DEGRADE_RAMP_S = 18 * 60;
export const DEGRADE_OFF_S = 3 * 60;
export const DEGRADE_MAX_DELAY_MS = 180;
export const DEGRADE_MAX_DROP = 0.08;

/** Where the degrading device is in its cycle `elapsedS` after the demo started. */
export function degradationAt(elapsedS: number): { off: boolean } & Degradation {
  const t = ((elapsedS % DEGRADE_CYCLE_S) + DEGRADE_CYCLE_S) % DEGRADE_CYCLE_S;
  const ramp = t - DEGRADE_HEALTHY_S;
  if (ramp < 0 || ramp >= DEGRADE_RAMP_S + DEGRADE_OFF_S) return { off: false, delayMs: 0, dropShare: 0 };
  if (ramp >= DEGRADE_RAMP_S) return { off: true, delayMs: 0, dropShare: 0 };
  const share = ramp / DEGRADE_RAMP_S;
  return {
    off: false,
    delayMs: Math.round(DEGRADE_MAX_DELAY_MS * share),
    dropShare: DEGRADE_MAX_DROP * share,
  };
}

const LINES = [
  { id: 'press-1', name: 'Press line 1', cost: 850 },
  { id: 'weld-2', name: 'Body shop welding 2', cost: 1200 },
  { id: 'paint-3', name: 'Paint shop 3', cost: 600 },
];

const DEVICES: DemoDeviceSpec[] = [
  { id: 'press1-switch', name: 'Press 1 access switch', type: 'switch', line: 'press-1', kind: 'icmp' },
  {
    id: 'press1-plc',
    name: 'Press 1 PLC',
    type: 'plc',
    line: 'press-1',
    kind: 'tcp',
    critical: true,
    dependsOn: 'press1-switch',
  },
  {
    id: 'press1-hmi',
    name: 'Press 1 HMI',
    type: 'hmi',
    line: 'press-1',
    kind: 'http',
    fault: { everyS: 120, forS: 15, atS: 60, mode: 'wrong_text' },
  },
  { id: 'press1-robot', name: 'Press 1 loader robot', type: 'robot', line: 'press-1', kind: 'tcp' },
  {
    id: 'press1-camera',
    name: 'Press 1 die camera',
    type: 'camera',
    line: 'press-1',
    kind: 'http',
    degrades: true,
    warn: { rttMs: 40, loss: 0.03 },
  },
  { id: 'weld2-switch', name: 'Weld 2 access switch', type: 'switch', line: 'weld-2', kind: 'icmp' },
  {
    id: 'weld2-plc',
    name: 'Weld 2 cell PLC',
    type: 'plc',
    line: 'weld-2',
    kind: 'tcp',
    critical: true,
    dependsOn: 'weld2-switch',
  },
  {
    id: 'weld2-robot-a',
    name: 'Weld 2 robot A',
    type: 'robot',
    line: 'weld-2',
    kind: 'tcp',
    critical: true,
    fault: { everyS: 90, forS: 25, atS: 20, mode: 'off' },
  },
  { id: 'weld2-robot-b', name: 'Weld 2 robot B', type: 'robot', line: 'weld-2', kind: 'tcp', critical: true },
  { id: 'weld2-hmi', name: 'Weld 2 HMI', type: 'hmi', line: 'weld-2', kind: 'http' },
  { id: 'weld2-scanner', name: 'Weld 2 VIN scanner', type: 'scanner', line: 'weld-2', kind: 'tcp' },
  {
    id: 'weld2-opcua',
    name: 'Weld 2 OPC UA server',
    type: 'server',
    line: 'weld-2',
    kind: 'opcua',
    // Its operator pauses the cell's runtime for a minute now and then: "OPC UA: Suspended".
    fault: { everyS: 300, forS: 60, atS: 30, mode: 'suspended' },
  },
  {
    id: 'paint3-plc',
    name: 'Paint 3 PLC',
    type: 'plc',
    line: 'paint-3',
    kind: 'modbus',
    critical: true,
    // Its gateway loses the drive behind it now and then: "gateway target failed to respond".
    fault: { everyS: 150, forS: 20, atS: 40, mode: 'exception' },
  },
  { id: 'paint3-hmi', name: 'Paint 3 HMI', type: 'hmi', line: 'paint-3', kind: 'http' },
  {
    id: 'paint3-camera',
    name: 'Paint 3 inspection camera',
    type: 'camera',
    line: 'paint-3',
    kind: 'tcp',
    fault: { everyS: 45, forS: 8, atS: 10, mode: 'off' },
  },
  { id: 'paint3-server', name: 'Paint 3 recipe server', type: 'server', line: 'paint-3', kind: 'http' },
  {
    id: 'paint3-conveyor-drive',
    name: 'Paint 3 conveyor drive',
    type: 'other',
    line: 'paint-3',
    kind: 'enip',
    critical: true,
    // The drive trips (overcurrent, say) and is reset half a minute later: "major fault" on the wall.
    fault: { everyS: 240, forS: 30, atS: 70, mode: 'major_fault' },
  },
];

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
