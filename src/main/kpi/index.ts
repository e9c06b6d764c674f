// Public surface of the KPI module (spec §3): `buildReport` for the CLI, the contract and the UI.
import type { LinewatchConfig } from '../config';
import type { Store } from '../store';
import type { Report } from '../../shared/report/report-schema';
import { computeReport } from './compute-report';
import { loadKpiInput, type KpiWindow } from './load-kpi-input';

export { computeReport, type EndpointTimelineInput, type KpiInput } from './compute-report';
export { loadKpiInput, type KpiWindow } from './load-kpi-input';

/** The report for [fromMs, toMs) from what the store holds; not schema-validated here (tests do). */
export function buildReport(
  store: Pick<Store, 'transaction' | 'stateChanges' | 'progress' | 'outages'>,
  config: LinewatchConfig,
  window: KpiWindow,
): Report {
  return computeReport(loadKpiInput(store, config, window));
}
