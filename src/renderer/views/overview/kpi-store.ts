// Availability figures for the overview, from the KPI contract entry `getReport`: today (since
// local midnight) and the current shift. Refreshed every minute. When the services cannot answer
// (an older host without reports, or a failure) the figures stay null and the page shows "—":
// a wall never shows a number it did not get from the services.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LineFigures, Report } from '../../../shared/contract';
import type { LinewatchClient } from '../../client/linewatch-client';
import { startOfSiteDay } from './site-day';

export const KPI_REFRESH_MS = 60_000;
/** Shifts are at most 12 h: over this window a shift's current occurrence is complete, and its previous one is outside. */
const SHIFT_LOOKBACK_MS = 12 * 3_600_000;
/** A short recent window that tells which shift runs now and which devices are in maintenance. */
const NOW_WINDOW_MS = 60_000;

export interface LineKpis {
  today: number | null;
  shift: number | null;
  /** Devices that spent time in a maintenance window during the last minute. */
  inMaintenance: number;
}

export interface KpiState {
  status: 'loading' | 'ready' | 'unavailable';
  shiftId: string | null;
  byLine: Readonly<Record<string, LineKpis>>;
  site: { today: number | null; shift: number | null } | null;
}

export const kpiStore = createStore<KpiState>()(() => ({
  status: 'loading',
  shiftId: null,
  byLine: {},
  site: null,
}));

export function useKpis<T>(selector: (state: KpiState) => T): T {
  return useStore(kpiStore, selector);
}

const iso = (ms: number): string => new Date(ms).toISOString();
const availabilityOf = (lines: readonly LineFigures[], id: string): number | null =>
  lines.find((line) => line.id === id)?.availability ?? null;

export function combineReports(today: Report, recent: Report, lookback: Report): Omit<KpiState, 'status'> {
  const shiftId = recent.shifts[0]?.id ?? null;
  const shift = shiftId === null ? undefined : lookback.shifts.find((s) => s.id === shiftId);
  const maintenance = new Map<string, number>();
  for (const endpoint of recent.endpoints) {
    if (endpoint.maintenance_s > 0) maintenance.set(endpoint.line, (maintenance.get(endpoint.line) ?? 0) + 1);
  }
  const byLine: Record<string, LineKpis> = {};
  for (const line of today.lines) {
    byLine[line.id] = {
      today: line.availability,
      shift: shift ? availabilityOf(shift.lines, line.id) : null,
      inMaintenance: maintenance.get(line.id) ?? 0,
    };
  }
  return {
    shiftId,
    byLine,
    site: { today: today.site.availability, shift: shift?.site.availability ?? null },
  };
}

export function startKpiSync(
  client: Pick<LinewatchClient, 'getReport'>,
  timeZone: () => string | undefined,
): () => void {
  let stopped = false;
  const refresh = async (): Promise<void> => {
    const now = Date.now();
    const zone = timeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
      // Just after midnight the day is too short to say anything: ask for at least a minute.
      const dayStart = Math.min(startOfSiteDay(now, zone), now - NOW_WINDOW_MS);
      const [today, recent, lookback] = await Promise.all([
        client.getReport({ from: iso(dayStart), to: iso(now) }),
        client.getReport({ from: iso(now - NOW_WINDOW_MS), to: iso(now) }),
        client.getReport({ from: iso(now - SHIFT_LOOKBACK_MS), to: iso(now) }),
      ]);
      if (!stopped) kpiStore.setState({ status: 'ready', ...combineReports(today, recent, lookback) });
    } catch {
      if (!stopped) kpiStore.setState({ status: 'unavailable', shiftId: null, byLine: {}, site: null });
    }
  };
  void refresh();
  const timer = setInterval(() => void refresh(), KPI_REFRESH_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

export function formatAvailability(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return `${(value * 100).toFixed(value >= 0.9995 || value === 0 ? 0 : 1)} %`;
}
