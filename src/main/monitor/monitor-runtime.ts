// The running monitor for one config: engine + scheduler. A config reload swaps the endpoint list
// in place (states and open outages of unchanged endpoints carry over) and restarts the scheduler.
import type { EndpointLive } from '../../shared/contract';
import { createMaintenanceCalendar } from '../calendar';
import type { Clock } from '../clock/clock';
import type { EndpointConfig, LinewatchConfig } from '../config';
import type { ProbeResult } from '../probes/probe-result';
import { createMonitorEngine, type AlarmSignal, type MonitorEngine } from './monitor-engine';
import type { EngineStore } from './pending-writes';
import { schedulePruning, type Store } from '../store';
import type { ProbeRunner } from '../probes/run-probe';
import { createScheduler, type Scheduler, type SchedulerStats } from '../scheduler/scheduler';

/** Checks in flight at once, across all endpoints. */
const MAX_CONCURRENT_CHECKS = 256;
const LAG_WARN_MS = 1000;

export interface MonitorRuntime {
  engine: MonitorEngine;
  schedulerStats(): SchedulerStats;
  reload(config: LinewatchConfig): Promise<void>;
  stop(): Promise<void>;
}

export function startMonitorRuntime(options: {
  config: LinewatchConfig;
  clock: Clock;
  store: EngineStore & Pick<Store, 'retention'>;
  probe: ProbeRunner;
  onLive: (states: EndpointLive[]) => void;
  onAlarm: (signal: AlarmSignal) => void;
  log: (line: string) => void;
  /**
   * A check threw instead of returning a result: a bug in a probe or the engine, never a device
   * that is down. The scheduler goes on with the next check either way.
   */
  onCheckError?: (endpointId: string, error: unknown) => void;
  /** Every check's result and how long the probe took (the live check stream of the metrics). */
  onCheck?: (endpoint: EndpointConfig, result: ProbeResult, durationMs: number) => void;
  onOutageOpened?: (endpointId: string) => void;
  onCommit?: (durationMs: number) => void;
}): MonitorRuntime {
  const { clock, probe } = options;
  const endpointsOf = (config: LinewatchConfig) => config.lines.flatMap((line) => line.endpoints);
  const engine = createMonitorEngine({
    endpoints: endpointsOf(options.config),
    maintenance: createMaintenanceCalendar(options.config),
    clock,
    store: options.store,
    onLive: options.onLive,
    onAlarm: options.onAlarm,
    onOutageOpened: options.onOutageOpened,
    onCommit: options.onCommit,
  });
  let lastLagWarning = 0;

  const startScheduler = (config: LinewatchConfig): Scheduler => {
    const scheduler = createScheduler({
      clock,
      maxConcurrent: MAX_CONCURRENT_CHECKS,
      maxFirstSpreadMs: 2000,
    });
    scheduler.start(
      endpointsOf(config).map((endpoint) => ({
        id: endpoint.id,
        intervalMs: endpoint.intervalMs,
        run: async () => {
          const ts = clock.now();
          try {
            const started = performance.now();
            const result = await probe(endpoint.probe, endpoint.timeoutMs);
            engine.ingest(endpoint.id, ts, result);
            options.onCheck?.(endpoint, result, performance.now() - started);
          } catch (error) {
            options.onCheckError?.(endpoint.id, error);
            throw error;
          }
          const lag = scheduler.stats().maxLagMs;
          if (lag > LAG_WARN_MS && clock.now() - lastLagWarning > 60_000) {
            lastLagWarning = clock.now();
            options.log(`scheduler lag: checks started up to ${Math.round(lag)} ms late in the last minute`);
          }
        },
      })),
    );
    return scheduler;
  };
  let scheduler = startScheduler(options.config);

  const startPruning = (config: LinewatchConfig): (() => void) =>
    schedulePruning(clock, options.store.retention(config.retention), 10 * 60_000, {
      onError: (error) => options.log(`pruning failed: ${String(error)}`),
    });
  let stopPruning = startPruning(options.config);

  return {
    engine,
    schedulerStats: () => scheduler.stats(),
    async reload(config) {
      await scheduler.stop();
      // Kept protocol connections to devices no longer configured (or moved) are closed now.
      probe.retainConnections?.(endpointsOf(config).map((endpoint) => endpoint.probe));
      engine.setEndpoints(endpointsOf(config), createMaintenanceCalendar(config));
      scheduler = startScheduler(config);
      stopPruning();
      stopPruning = startPruning(config);
    },
    async stop() {
      stopPruning();
      await scheduler.stop();
      await probe.closeConnections?.();
      engine.stop();
    },
  };
}
