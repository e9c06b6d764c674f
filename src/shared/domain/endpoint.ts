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

export const PROBE_KINDS = ['icmp', 'tcp', 'http'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export const ENDPOINT_STATES = ['unknown', 'up', 'down'] as const;
export type EndpointState = (typeof ENDPOINT_STATES)[number];
