// Hand-built KPI inputs: state changes and outages written out by hand, no store involved.
import { createMaintenanceCalendar } from '@src/main/calendar';
import type { LinewatchConfig } from '@src/main/config/types';
import type { EndpointTimelineInput, KpiInput } from '@src/main/kpi';
import type { OutageRecord } from '@src/main/store';

export const BASE = '2026-01-05T14:00:00Z';
/** Epoch ms `minutes` after 2026-01-05 14:00Z (15:00 in Berlin). */
export const at = (minutes: number, base = BASE): number => Date.parse(base) + minutes * 60_000;

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
