// What the demo plant is made of: its lines, its simulated devices with their scripted faults, and
// the degrading device's script (demo-plant.ts starts them and keeps them to their scripts).
import type { EndpointType } from '../../shared/domain/endpoint';
import type { EndpointWarnConfig } from '../config';
import type { Degradation } from './simulated-device';

export interface DemoDeviceSpec {
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

export const LINES = [
  { id: 'press-1', name: 'Press line 1', cost: 850 },
  { id: 'weld-2', name: 'Body shop welding 2', cost: 1200 },
  { id: 'paint-3', name: 'Paint shop 3', cost: 600 },
];

export const DEVICES: DemoDeviceSpec[] = [
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
