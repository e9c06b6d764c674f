// Small contract values shared by the renderer tests.
import type {
  AlarmImpact,
  AlarmView,
  AppInfo,
  ConfigStatus,
  EndpointLive,
  EngineStatus,
  WallSnapshot,
} from '@src/shared/contract';

export const appInfo: AppInfo = {
  name: 'Linewatch',
  version: '0.1.0',
  host: 'headless',
  demo: true,
  access: 'operator',
  pinSet: false,
};

export const live = (id: string, overrides: Partial<EndpointLive> = {}): EndpointLive => ({
  id,
  state: 'up',
  since: '2025-01-01T08:00:00.000Z',
  lastCheckAt: '2025-01-01T08:00:10.000Z',
  lastOk: true,
  lastRttMs: 1.4,
  lastError: null,
  lastFailureKind: null,
  flapping: false,
  ...overrides,
});

export const snapshot: WallSnapshot = {
  site: { id: 'plant', name: 'Plant One', timezone: 'Europe/Berlin' },
  lines: [
    {
      id: 'line-1',
      name: 'Line 1',
      endpoints: [
        { id: 'plc-1', name: 'PLC 1', type: 'plc', critical: true, probeKind: 'tcp', intervalMs: 1000 },
        { id: 'hmi-1', name: 'HMI 1', type: 'hmi', critical: false, probeKind: 'icmp', intervalMs: 1000 },
        {
          id: 'cam-1',
          name: 'Camera 1',
          type: 'camera',
          critical: false,
          probeKind: 'http',
          intervalMs: 5000,
        },
      ],
    },
  ],
  states: [live('plc-1'), live('hmi-1'), live('cam-1')],
};

export const configStatus = (overrides: Partial<ConfigStatus> = {}): ConfigStatus => ({
  source: 'file',
  path: '/etc/linewatch/plant.yaml',
  appliedAt: '2025-01-01T08:00:00.000Z',
  hash: 'abc',
  endpointCount: 3,
  errors: [],
  ...overrides,
});

export const engineStatus = (overrides: Partial<EngineStatus> = {}): EngineStatus => ({
  endpointCount: 3,
  schedulerMaxLagMs: 40,
  checksStarted: 1_200,
  skippedBusy: 0,
  ...overrides,
});

/**
 * The impact of a low-severity alarm that takes nothing down unless overridden (`affected` is
 * replaced whole when given).
 */
export const impact = (overrides: Partial<AlarmImpact> = {}): AlarmImpact => ({
  costPerMinute: 0,
  costSoFar: 0,
  affected: { endpointIds: [], lineIds: [] },
  cascadeRisk: 'low',
  expectedRecoveryS: null,
  shift: null,
  severity: 'low',
  inMaintenance: false,
  ...overrides,
});

/** An active, unacknowledged alarm on PLC 1 unless overridden. */
export const alarm = (id: number, overrides: Partial<AlarmView> = {}): AlarmView => ({
  id,
  endpointId: 'plc-1',
  endpointName: 'PLC 1',
  lineId: 'line-1',
  lineName: 'Line 1',
  startedAt: '2025-01-01T08:00:00.000Z',
  raisedAt: '2025-01-01T08:00:05.000Z',
  clearedAt: null,
  acknowledgedAt: null,
  acknowledgedBy: null,
  note: null,
  failure: 'ICMP: no reply within 1000 ms',
  secondaryEndpointIds: [],
  impact: impact(),
  ...overrides,
});
