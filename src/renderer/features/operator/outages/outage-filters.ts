// The outage log's filters. Line, endpoint and time range go to the services (they bound the
// read); the rest is applied here to the rows already loaded, so toggling them is instant.
import type { ConsoleOutage } from '../../../../shared/contract';

export type RelationFilter = 'all' | 'primary' | 'secondary';
export type MaintenanceFilter = 'all' | 'exclude' | 'only';
export type StatusFilter = 'all' | 'open' | 'closed';

export interface OutageFilter {
  lineId: string | null;
  endpointId: string | null;
  relation: RelationFilter;
  maintenance: MaintenanceFilter;
  status: StatusFilter;
}

export const DEFAULT_OUTAGE_FILTER: OutageFilter = {
  lineId: null,
  endpointId: null,
  relation: 'all',
  maintenance: 'all',
  status: 'all',
};

export function matchesOutage(outage: ConsoleOutage, filter: OutageFilter): boolean {
  if (filter.lineId !== null && outage.lineId !== filter.lineId) return false;
  if (filter.endpointId !== null && outage.endpointId !== filter.endpointId) return false;
  const secondary = outage.secondaryOf !== null;
  if (filter.relation === 'primary' && secondary) return false;
  if (filter.relation === 'secondary' && !secondary) return false;
  if (filter.maintenance === 'exclude' && outage.inMaintenance) return false;
  if (filter.maintenance === 'only' && !outage.inMaintenance) return false;
  const open = outage.endedAt === null;
  if (filter.status === 'open' && !open) return false;
  if (filter.status === 'closed' && open) return false;
  return true;
}

export function filterOutages(outages: readonly ConsoleOutage[], filter: OutageFilter): ConsoleOutage[] {
  return outages.filter((outage) => matchesOutage(outage, filter));
}

export interface OutageSummary {
  count: number;
  open: number;
  totalDown_s: number;
}

export function summarizeOutages(outages: readonly ConsoleOutage[]): OutageSummary {
  return {
    count: outages.length,
    open: outages.filter((o) => o.endedAt === null).length,
    totalDown_s: outages.reduce((sum, o) => sum + o.duration_s, 0),
  };
}
