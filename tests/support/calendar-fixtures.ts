// Resolved configs built in code (the calendar never sees YAML): only what the calendar reads matters.
import {
  DEFAULT_RETENTION,
  type EndpointConfig,
  type LineConfig,
  type LinewatchConfig,
  type MaintenanceConfig,
} from '@src/main/config';

export function endpoint(id: string, lineId: string): EndpointConfig {
  return {
    id,
    name: id,
    type: 'other',
    lineId,
    critical: false,
    dependsOn: null,
    intervalMs: 10_000,
    timeoutMs: 2_000,
    downAfter: 2,
    upAfter: 2,
    probe: { kind: 'icmp', host: '10.0.0.1' },
  };
}

export function line(id: string, endpointIds: string[]): LineConfig {
  return { id, name: id, downtimeCostPerMinute: null, endpoints: endpointIds.map((e) => endpoint(e, id)) };
}

/** Site plant-augsburg with lines press-1 (switch, plc, hmi) and paint-2 (robot). */
export function configWith(
  timezone: string,
  maintenance: MaintenanceConfig[],
  lines?: LineConfig[],
): LinewatchConfig {
  return {
    version: 1,
    site: { id: 'plant-augsburg', name: 'Augsburg Plant', timezone },
    shifts: [],
    lines: lines ?? [
      line('press-1', ['press1-switch', 'press1-plc', 'press1-hmi']),
      line('paint-2', ['paint2-robot']),
    ],
    maintenance,
    retention: DEFAULT_RETENTION,
  };
}
