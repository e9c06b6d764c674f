// Domain vocabulary shared by main and renderer. Plain data only: both sides import it.
export const ENDPOINT_TYPES = [
  'plc',
  'hmi',
  'robot',
  'switch',
  'server',
  'camera',
  'scanner',
  'other',
] as const;
export type EndpointType = (typeof ENDPOINT_TYPES)[number];

/** How each type reads for people: on tiles, and in cause words ("PLC answers with an exception"). */
export const ENDPOINT_TYPE_LABELS: Record<EndpointType, string> = {
  plc: 'PLC',
  hmi: 'HMI',
  robot: 'Robot',
  switch: 'Switch',
  server: 'Server',
  camera: 'Camera',
  scanner: 'Scanner',
  other: 'Device',
};

/** Every probe kind the config accepts; each protocol probe (issue 13) adds its name here. */
export const PROBE_KINDS = ['icmp', 'tcp', 'http', 'modbus', 'enip', 'opcua'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export const ENDPOINT_STATES = ['unknown', 'up', 'down'] as const;
export type EndpointState = (typeof ENDPOINT_STATES)[number];

/**
 * Where an endpoint's state machine stands (KPI spec §3 "Checks and state"): what the monitor keeps
 * per endpoint and what the store saves at each flush, so a restart resumes instead of starting
 * from unknown.
 */
export interface MachineState {
  state: EndpointState;
  /** Start of the current state (backdated), null while unknown from the start or after a gap. */
  since: number | null;
  okStreak: number;
  okStreakStart: number | null;
  failStreak: number;
  failStreakStart: number | null;
  lastCheckTs: number | null;
}
