// Hand-built KPI inputs: state changes and outages written out by hand, no store involved.
import { createMaintenanceCalendar } from '@src/main/calendar';
import type { EndpointConfig, LinewatchConfig } from '@src/main/config';
import type { EndpointTimelineInput, KpiInput } from '@src/main/kpi';
import type { OutageRecord } from '@src/main/store';
import { MINUTE_MS } from '@src/shared/time';
import { aConfig, aLine, anEndpoint, tcp, THREE_SHIFTS } from './config-builders';

export const BASE = '2026-01-05T14:00:00Z';
/** Epoch ms `minutes` after 2026-01-05 14:00Z (15:00 in Berlin). */
export const at = (minutes: number, base = BASE): number => Date.parse(base) + minutes * 60_000;

/** A PLC probed over TCP every 5 minutes, the interval of every KPI test (a check at m covers to m + 5). */
export function aPlc(id: string, fields: Partial<EndpointConfig> = {}): EndpointConfig {
  return anEndpoint(id, { type: 'plc', intervalMs: 5 * MINUTE_MS, probe: tcp('127.0.0.1', 502), ...fields });
}

/** The spec's worked example: Augsburg, three shifts, press-1 (850 per minute) with its PLC. */
export const WORKED_EXAMPLE_CONFIG: LinewatchConfig = aConfig({
  site: { id: 'plant-augsburg', name: 'Augsburg Plant', timezone: 'Europe/Berlin' },
  shifts: THREE_SHIFTS,
  lines: [
    aLine('press-1', [aPlc('press1-plc', { name: 'Press 1 PLC', probe: tcp('10.10.1.21', 502) })], {
      name: 'Press line 1',
      downtimeCostPerMinute: 850,
    }),
  ],
});

export type Change = ['unknown' | 'up' | 'down', number];

export function timeline(
  changes: Change[],
  lastCheckTs: number | null,
  intervalMs = 300_000,
): EndpointTimelineInput {
  return { changes: changes.map(([state, since]) => ({ state, since })), lastCheckTs, intervalMs };
}

let nextId = 1;
export function outage(
  endpointId: string,
  fields: Partial<OutageRecord> & Pick<OutageRecord, 'startedAt' | 'detectedAt'>,
): OutageRecord {
  return {
    id: nextId++,
    endpointId,
    endedAt: null,
    endedByGap: false,
    inMaintenance: false,
    secondaryOfEndpoint: null,
    secondaryOfOutage: null,
    failureKind: 'error',
    failureMessage: 'connect ECONNREFUSED',
    acknowledgedAt: null,
    ...fields,
  };
}

export function input(
  config: LinewatchConfig,
  window: { from: number; to: number; now?: number },
  timelines: Record<string, EndpointTimelineInput>,
  outages: OutageRecord[] = [],
): KpiInput {
  return {
    config,
    fromMs: window.from,
    toMs: window.to,
    // Far after the data unless a test is about the live extension.
    nowMs: window.now ?? Date.parse('2030-01-01T00:00:00Z'),
    timelines: new Map(Object.entries(timelines)),
    outages,
    maintenance: createMaintenanceCalendar(config),
  };
}
