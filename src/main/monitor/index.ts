// Public surface of the monitor: the engine (state machine, outages, alarms) and the runtime that
// drives it with the scheduler for one config. Everything else in this folder is internal.
export {
  createMonitorEngine,
  type AlarmSignal,
  type CommitHealth,
  type MaintenanceLookup,
  type MonitorEngine,
  type MonitorEngineOptions,
} from './monitor-engine';
export { startMonitorRuntime, type MonitorRuntime } from './monitor-runtime';
export type { EngineStore } from './pending-writes';
// The KPIs draw monitoring gaps with the same factor as the state machine.
export { GAP_FACTOR } from './state-machine';
// The display notion of flapping, reused by the flapping warning (src/main/insights/flapping.ts).
export { FLAP_TRANSITIONS, FLAP_WINDOW_MS } from './flapping';
