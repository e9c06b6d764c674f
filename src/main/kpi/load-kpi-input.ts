// Reads what the KPIs need for a window: state changes (the state in force just before the window
// and every change in it), each endpoint's progress (where its last state interval ends) and the
// outages that started in the window with their alarms' acknowledgements. Never raw checks: a
// 90-day report must not depend on check retention (7 days by default) or read millions of rows.
import { createMaintenanceCalendar } from '../calendar';
import type { LinewatchConfig } from '../config';
import type { Store } from '../store';
import type { EndpointTimelineInput, KpiInput } from './compute-report';

export interface KpiWindow {
  fromMs: number;
  toMs: number;
  /** The wall clock, for the live extension of current states. */
  nowMs: number;
}

export function loadKpiInput(
  store: Pick<Store, 'transaction' | 'stateChanges' | 'progress' | 'outages'>,
  config: LinewatchConfig,
  window: KpiWindow,
): KpiInput {
  const { fromMs, toMs, nowMs } = window;
  // One read transaction: a consistent snapshot while the monitor keeps writing (WAL).
  const { changes, progress, outages } = store.transaction(() => ({
    // compute-report needs the class at from - 1 and at to (see its `lo`/`hi`).
    changes: store.stateChanges.listForWindow(fromMs - 1, toMs + 1),
    progress: store.progress.all(),
    outages: store.outages.kpiStartedIn(fromMs, toMs),
  }));
  const timelines = new Map<string, EndpointTimelineInput>();
  for (const line of config.lines) {
    for (const ep of line.endpoints) {
      const saved = progress.get(ep.id);
      timelines.set(ep.id, {
        changes: changes.get(ep.id) ?? [],
        lastCheckTs: saved?.lastCheckTs ?? null,
        // The interval in force at the last check decides where its evidence ends.
        intervalMs: saved?.intervalMs ?? ep.intervalMs,
      });
    }
  }
  return { config, fromMs, toMs, nowMs, timelines, outages, maintenance: createMaintenanceCalendar(config) };
}
