// Availability figures for the overview, from the KPI contract entry `getReport`: today (since
// local midnight) and the current shift (which one, from the site calendar's shift times).
// Refreshed every minute. When the services cannot answer (an older host without reports, or a
// failure) the figures stay null and the page shows "—": a wall never shows a number it did not
// get from the services.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type { LineFigures, Report, SiteCalendar } from '../../../shared/contract';
import { crossesMidnight, isoTime as iso, startOfLocalDay } from '../../../shared/time';
import type { LinewatchClient } from '../../client/linewatch-client';
import { currentShift } from '../operator/site-time';

export const KPI_REFRESH_MS = 60_000;
/** A short recent window that tells which devices are in maintenance. */
const NOW_WINDOW_MS = 60_000;
/**
 * Windows end on this grid, so every wall and page asking within the same ten seconds asks the
 * services for the very same (from, to), which they answer from their short report cache.
 */
const WINDOW_GRID_MS = 10_000;

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

const availabilityOf = (lines: readonly LineFigures[], id: string): number | null =>
  lines.find((line) => line.id === id)?.availability ?? null;

/**
 * Today's figures, the current shift's (from `shift`, the report that holds its occurrence: today's
 * itself for a shift that does not cross midnight) and the devices in maintenance (from `recent`).
 */
export function combineReports(
  today: Report,
  recent: Report,
  shift: { id: string; report: Report | null } | null,
): Omit<KpiState, 'status'> {
  const figures = shift?.report?.shifts.find((s) => s.id === shift.id);
  const maintenance = new Map<string, number>();
  for (const endpoint of recent.endpoints) {
    if (endpoint.maintenance_s > 0) maintenance.set(endpoint.line, (maintenance.get(endpoint.line) ?? 0) + 1);
  }
  const byLine: Record<string, LineKpis> = {};
  for (const line of today.lines) {
    byLine[line.id] = {
      today: line.availability,
      shift: figures ? availabilityOf(figures.lines, line.id) : null,
      inMaintenance: maintenance.get(line.id) ?? 0,
    };
  }
  return {
    shiftId: shift?.id ?? null,
    byLine,
    site: { today: today.site.availability, shift: figures?.site.availability ?? null },
  };
}

export function startKpiSync(
  client: Pick<LinewatchClient, 'getReport' | 'getSiteCalendar'>,
  timeZone: () => string | undefined,
): () => void {
  let stopped = false;
  // The shifts change only with the config; asked once per sync (the overview mounts anew).
  let calendar: Promise<SiteCalendar | null> | null = null;
  const refresh = async (): Promise<void> => {
    const now = Math.floor(Date.now() / WINDOW_GRID_MS) * WINDOW_GRID_MS;
    const zone = timeZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    try {
      calendar ??= client.getSiteCalendar().catch(() => {
        calendar = null;
        return null;
      });
      const shifts = (await calendar)?.shifts ?? [];
      const on = currentShift(shifts, now, zone);
      // Just after midnight the day is too short to say anything: ask for at least a minute.
      const dayStart = Math.min(startOfLocalDay(now, zone), now - NOW_WINDOW_MS);
      // A day shift's current occurrence is the only one inside today's window, so today's report
      // already holds its figures. A night shift (today's window may also hold the end of its
      // previous occurrence) is asked for over its own window.
      const ownShiftWindow = on !== null && (on.fromMs < dayStart || crossesMidnight(on.shift));
      const [today, recent, shiftReport] = await Promise.all([
        client.getReport({ from: iso(dayStart), to: iso(now) }),
        client.getReport({ from: iso(now - NOW_WINDOW_MS), to: iso(now) }),
        // A shift that begins this very moment has no figures yet (and an empty window).
        ownShiftWindow && on.fromMs < now ? client.getReport({ from: iso(on.fromMs), to: iso(now) }) : null,
      ]);
      const shiftSource = ownShiftWindow ? shiftReport : today;
      const shift = on ? { id: on.shift.id, report: shiftSource } : null;
      if (!stopped) kpiStore.setState({ status: 'ready', ...combineReports(today, recent, shift) });
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
