// The built-in demo plant: three production lines of simulated devices on loopback addresses,
// with scripted faults, so a newcomer sees a living wall without any configuration, and one device
// that degrades before it fails, so the early warnings (issue 12) show before the outage.
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

interface DemoDeviceSpec {
  id: string;
  name: string;
  type: EndpointType;
  line: string;
  kind: 'tcp' | 'http' | 'icmp';
  critical?: boolean;
  dependsOn?: string;
  /** Scripted fault: off (or unhealthy, for HTTP) for `forS` seconds every `everyS`, from `atS`. */
  fault?: { everyS: number; forS: number; atS: number; mode: 'off' | 'wrong_text' };
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
  { id: 'paint3-plc', name: 'Paint 3 PLC', type: 'plc', line: 'paint-3', kind: 'tcp', critical: true },
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
];

export interface DemoPlant {
  config: LinewatchConfig;
  stop(): Promise<void>;
}

const DEMO_TIMING = { intervalMs: 2000, timeoutMs: 1000, downAfter: 2, upAfter: 2 };

function probeFor(spec: DemoDeviceSpec, host: string, device: SimulatedDevice | null): ProbeConfig {
  if (spec.kind === 'icmp' || !device) return { kind: 'icmp', host };
  if (spec.kind === 'tcp') return { kind: 'tcp', host: device.host, port: device.port };
  return {
    kind: 'http',
    url: `http://${device.host}:${device.port}/health`,
    expectStatus: 200,
    expectText: 'OK',
    tlsVerify: true,
  };
}

export async function startDemoPlant(clock: Clock): Promise<DemoPlant> {
  const devices = new Map<string, SimulatedDevice>();
  const endpoints: EndpointConfig[] = [];
  try {
    for (const [index, spec] of DEVICES.entries()) {
      const host = `127.0.0.${20 + index}`;
      const device = spec.kind === 'icmp' ? null : await startOnLoopback(spec.kind, host);
      if (device) devices.set(spec.id, device);
      endpoints.push({
        id: spec.id,
        name: spec.name,
        type: spec.type,
        lineId: spec.line,
        critical: spec.critical ?? false,
        dependsOn: spec.dependsOn ?? null,
        ...DEMO_TIMING,
        probe: probeFor(spec, host, device),
        ...(spec.warn && { warn: spec.warn }),
      });
    }
  } catch (error) {
    await Promise.all([...devices.values()].map((d) => d.stop()));
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
      const device = devices.get(spec.id);
      if (device && spec.degrades) {
        const step = degradationAt(elapsedS);
        device.setDegradation(step);
        if (step.off && device.isRunning) void device.stop();
        else if (!step.off && !device.isRunning) void device.start().catch(() => undefined);
      }
      if (!device || !spec.fault) continue;
      const phase =
        (((elapsedS - spec.fault.atS) % spec.fault.everyS) + spec.fault.everyS) % spec.fault.everyS;
      const faulty = elapsedS >= spec.fault.atS && phase < spec.fault.forS;
      if (spec.fault.mode === 'wrong_text') device.setUnhealthy(faulty);
      else if (faulty && device.isRunning) void device.stop();
      else if (!faulty && !device.isRunning) void device.start().catch(() => undefined);
    }
    timer = clock.after(1000, tick);
  };
  tick();

  const config: LinewatchConfig = {
    version: 1,
    site: { id: 'demo-plant', name: 'Demo plant', timezone: 'Europe/Berlin' },
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
    async stop() {
      stopped = true;
      timer?.cancel();
      await Promise.all([...devices.values()].map((d) => d.stop()));
    },
  };
}
