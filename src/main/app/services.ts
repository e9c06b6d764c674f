// The composition root: wires config, store, probes, scheduler and monitor once, and exposes the
// contract handlers and event stream to whichever host runs it (Electron shell or headless CLI).
import { createHash } from 'node:crypto';
import type { ConfigStatus, WallSnapshot } from '../../shared/contract/schemas';
import type { ContractHandlers, EventName, EventPayload, EventSink } from '../../shared/contract';
import { systemClock, type Clock } from '../clock/clock';
import { loadConfigFile } from '../config';
import type { LinewatchConfig } from '../config/types';
import { startDemoPlant, type DemoPlant } from '../demo/demo-plant';
import { createLiveMonitor } from '../monitor/live-monitor';
import { runProbe, type ProbeRunner } from '../probes/run-probe';
import { createScheduler } from '../scheduler/scheduler';
import { openStore } from '../store';
import { ConfigLoadError } from './config-load-error';
import type { LinewatchServices, LinewatchServicesOptions } from './services-types';

export { ConfigLoadError };

/** Checks in flight at once, across all endpoints. */
const MAX_CONCURRENT_CHECKS = 256;

async function resolveConfig(
  options: LinewatchServicesOptions,
  clock: Clock,
): Promise<{ config: LinewatchConfig; hash: string; text: string; demo: DemoPlant | null }> {
  if (options.configPath === null) {
    const demo = await startDemoPlant(clock);
    const text = JSON.stringify(demo.config);
    return { config: demo.config, hash: createHash('sha256').update(text).digest('hex'), text, demo };
  }
  const loaded = loadConfigFile(options.configPath);
  if (!loaded.ok) throw new ConfigLoadError(loaded.issues);
  return { config: loaded.config, hash: loaded.hash, text: loaded.text, demo: null };
}

export async function startLinewatchServices(
  options: LinewatchServicesOptions & { clock?: Clock; probe?: ProbeRunner },
): Promise<LinewatchServices> {
  const clock = options.clock ?? systemClock;
  const probe = options.probe ?? runProbe;
  const { config, hash, text, demo } = await resolveConfig(options, clock);
  const store = openStore(options.dataDir);
  const endpoints = config.lines.flatMap((line) => line.endpoints);
  const appliedAt = clock.now();
  store.configVersions.record({
    hash,
    appliedAt,
    source: demo ? 'demo' : 'file',
    path: options.configPath,
    text,
    endpointCount: endpoints.length,
  });
  const configStatus: ConfigStatus = {
    source: demo ? 'demo' : 'file',
    path: options.configPath,
    appliedAt: new Date(appliedAt).toISOString(),
    hash,
    endpointCount: endpoints.length,
    errors: [],
  };

  const sinks = new Set<EventSink>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const sink of sinks) sink.emit(event, payload);
  };

  const monitor = createLiveMonitor({
    endpoints,
    clock,
    store,
    onBatch: (states) => emit('endpointStates', { states }),
  });
  const scheduler = createScheduler({ clock, maxConcurrent: MAX_CONCURRENT_CHECKS, maxFirstSpreadMs: 2000 });
  scheduler.start(
    endpoints.map((endpoint) => ({
      id: endpoint.id,
      intervalMs: endpoint.intervalMs,
      run: async () => {
        const ts = clock.now();
        const result = await probe(endpoint.probe, endpoint.timeoutMs);
        monitor.recordCheck(endpoint.id, ts, result);
      },
    })),
  );
  options.log?.(
    `monitoring ${endpoints.length} endpoints on ${config.lines.length} lines` +
      (demo ? ' (built-in demo plant)' : ` from ${options.configPath ?? ''}`),
  );

  const wallSnapshot = (): WallSnapshot => ({
    site: config.site,
    lines: config.lines.map((line) => ({
      id: line.id,
      name: line.name,
      endpoints: line.endpoints.map((e) => ({
        id: e.id,
        name: e.name,
        type: e.type,
        critical: e.critical,
        probeKind: e.probe.kind,
        intervalMs: e.intervalMs,
      })),
    })),
    states: monitor.snapshot(),
  });

  const handlers: ContractHandlers = {
    getAppInfo: () => ({
      name: 'Linewatch',
      version: options.appVersion,
      host: options.host,
      demo: demo !== null,
    }),
    getWallSnapshot: () => wallSnapshot(),
    getConfigStatus: () => configStatus,
  };

  let stopped = false;
  return {
    handlers,
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await scheduler.stop();
      monitor.stop();
      store.close();
      await demo?.stop();
      sinks.clear();
    },
  };
}
