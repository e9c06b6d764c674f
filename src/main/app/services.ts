// The composition root: wires config, store, probes, scheduler and engine once, and exposes the
// contract handlers and event stream to whichever host runs it (Electron shell or headless CLI).
import { createHash } from 'node:crypto';
import {
  ContractFailure,
  type ConfigStatus,
  type ContractHandlers,
  type EventName,
  type EventPayload,
  type EventSink,
  type WallSnapshot,
} from '../../shared/contract';
import { systemClock, type Clock } from '../clock/clock';
import { loadConfigFile } from '../config';
import { configOfAppliedText } from '../config/applied-config';
import { diffEndpoints } from '../config/endpoint-diff';
import type { LinewatchConfig } from '../config/types';
import { startDemoPlant, type DemoPlant } from '../demo/demo-plant';
import { runProbe, type ProbeRunner } from '../probes/run-probe';
import { createReportHandlers } from '../reports/report-handlers';
import { openStore } from '../store';
import { createSettingsStore } from '../store/settings-store';
import { createSettingsService, readPinHash } from '../settings/settings-service';
import { authoriseHandlers, createOperatorAuth } from '../auth';
import { toAlarmViews } from './alarm-views';
import { createConsoleHandlers } from './console-handlers';
import { ConfigLoadError } from './config-load-error';
import { watchConfigFile } from './config-watcher';
import { startMonitorRuntime } from './monitor-runtime';
import { startTelemetryRuntime } from '../telemetry/telemetry-runtime';
import type { LinewatchServices, LinewatchServicesOptions } from './services-types';

export { ConfigLoadError };

interface LoadedConfig {
  config: LinewatchConfig;
  hash: string;
  text: string;
}

async function loadInitialConfig(
  options: LinewatchServicesOptions,
  clock: Clock,
): Promise<LoadedConfig & { demo: DemoPlant | null }> {
  if (options.configPath === null) {
    const demo = await startDemoPlant(clock);
    const text = JSON.stringify(demo.config);
    return { config: demo.config, hash: createHash('sha256').update(text).digest('hex'), text, demo };
  }
  const loaded = loadConfigFile(options.configPath);
  if (!loaded.ok) throw new ConfigLoadError(loaded.issues);
  return { ...loaded, demo: null };
}

const endpointCount = (config: LinewatchConfig): number =>
  config.lines.reduce((n, line) => n + line.endpoints.length, 0);

export async function startLinewatchServices(
  options: LinewatchServicesOptions & { clock?: Clock; probe?: ProbeRunner; watchConfig?: boolean },
): Promise<LinewatchServices> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? (() => undefined);
  const initial = await loadInitialConfig(options, clock);
  const { demo } = initial;
  const store = openStore(options.dataDir);
  let current: LoadedConfig = initial;
  let status: ConfigStatus;

  const sinks = new Set<EventSink>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const sink of sinks) sink.emit(event, payload);
  };

  const recordApplied = (next: LoadedConfig, previous: LinewatchConfig | null): void => {
    const appliedAt = clock.now();
    const diff = diffEndpoints(previous, next.config);
    store.db.transaction(() => {
      store.configVersions.record({
        hash: next.hash,
        appliedAt,
        source: demo ? 'demo' : 'file',
        path: options.configPath,
        text: next.text,
        endpointCount: endpointCount(next.config),
        diff,
      });
      store.auditLog.append({
        ts: appliedAt,
        actor: 'system',
        action: 'config.applied',
        subject: next.hash,
        details: { ...diff },
      });
    })();
    status = {
      source: demo ? 'demo' : 'file',
      path: options.configPath,
      appliedAt: new Date(appliedAt).toISOString(),
      hash: next.hash,
      endpointCount: endpointCount(next.config),
      errors: [],
    };
  };
  const previousVersion = store.configVersions.latest();
  if (previousVersion?.hash !== initial.hash) {
    // A restart with a changed config (say after a kill between an edit and its hot reload) diffs
    // against the last applied version, re-read from its stored text, not against nothing.
    const previousConfig = previousVersion ? configOfAppliedText(previousVersion) : null;
    if (previousVersion && !previousConfig) {
      log(`config: the last applied version (${previousVersion.hash}) no longer reads; diffing against none`);
    }
    recordApplied(initial, previousConfig);
  } else {
    status = {
      source: previousVersion.source,
      path: options.configPath,
      appliedAt: new Date(previousVersion.appliedAt).toISOString(),
      hash: previousVersion.hash,
      endpointCount: previousVersion.endpointCount,
      errors: [],
    };
  }

  const telemetry = startTelemetryRuntime({
    db: store.db,
    config: initial.config,
    appVersion: options.appVersion,
    host: options.host,
    now: () => clock.now(),
    emit,
    log,
  });
  const runtime = startMonitorRuntime({
    config: initial.config,
    clock,
    store,
    probe: telemetry.instrumentProbe(options.probe ?? runProbe),
    onLive: (states) => emit('endpointStates', { states }),
    onAlarm: (signal) => emit('alarmsChanged', { reason: signal.kind, alarmId: signal.alarmId }),
    log,
  });
  log(
    `monitoring ${endpointCount(initial.config)} endpoints on ${initial.config.lines.length} lines` +
      (demo ? ' (built-in demo plant)' : ` from ${options.configPath ?? ''}`),
  );

  // Reloads run one at a time; an invalid file keeps the last good config running.
  let reloading: Promise<void> = Promise.resolve();
  const reload = (): Promise<void> =>
    (reloading = reloading.then(async () => {
      if (options.configPath === null || stopped) return;
      const loaded = loadConfigFile(options.configPath);
      if (!loaded.ok) {
        status = { ...status, errors: loaded.issues };
        log(`config has ${loaded.issues.length} error(s); still monitoring with the last good config`);
        emit('configApplied', status);
        return;
      }
      if (loaded.hash === current.hash) {
        if (status.errors.length > 0) emit('configApplied', (status = { ...status, errors: [] }));
        return;
      }
      const previous = current.config;
      current = loaded;
      await runtime.reload(loaded.config);
      recordApplied(loaded, previous);
      telemetry.configChanged(loaded.config);
      log(`config reloaded: ${endpointCount(loaded.config)} endpoints`);
      emit('configApplied', status);
    }));
  const stopWatching =
    options.configPath !== null && options.watchConfig !== false
      ? watchConfigFile(options.configPath, () => void reload())
      : () => undefined;

  const wallSnapshot = (): WallSnapshot => ({
    site: current.config.site,
    lines: current.config.lines.map((line) => ({
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
    states: runtime.engine.snapshot(),
  });

  const settingsStore = createSettingsStore(store.db);
  const auth = createOperatorAuth({
    pinHash: () => readPinHash(settingsStore),
    now: () => clock.now(),
    audit: (entry) => store.auditLog.append(entry),
  });
  const handlers: ContractHandlers = {
    getAppInfo: (_request, caller) => ({
      name: 'Linewatch',
      version: options.appVersion,
      host: options.host,
      demo: demo !== null,
      access: caller.canMutate ? 'operator' : 'read-only',
      pinSet: readPinHash(settingsStore) !== null,
    }),
    getWallSnapshot: () => wallSnapshot(),
    getConfigStatus: () => status,
    getEngineStatus: () => {
      const stats = runtime.schedulerStats();
      return {
        endpointCount: endpointCount(current.config),
        schedulerMaxLagMs: stats.maxLagMs,
        checksStarted: stats.started,
        skippedBusy: stats.skippedBusy,
      };
    },
    listAlarms: () => {
      runtime.engine.flush();
      return { alarms: toAlarmViews(store.alarms.active(), current.config, store, clock.now()) };
    },
    acknowledgeAlarm: ({ alarmId, operator, note }) => {
      // Alarms raised in the last flush period may still be buffered: write them first.
      runtime.engine.flush();
      const existing = store.alarms.get(alarmId);
      if (!existing) throw new ContractFailure('not_found', `No alarm ${alarmId}`);
      const at = clock.now();
      const updated = store.db.transaction(() => {
        const row = store.alarms.acknowledge(alarmId, at, operator, note);
        if (row) {
          store.auditLog.append({
            ts: at,
            actor: operator,
            action: 'alarm.acknowledged',
            subject: existing.endpointId,
            details: { alarmId, note, secondsToAcknowledge: (at - existing.raisedAt) / 1000 },
          });
        }
        return row;
      })();
      if (!updated) {
        throw new ContractFailure(
          'conflict',
          `Alarm ${alarmId} was already acknowledged by ${existing.acknowledgedBy ?? 'someone'}`,
        );
      }
      emit('alarmsChanged', { reason: 'acknowledged', alarmId });
      const [view] = toAlarmViews([updated], current.config, store, at);
      if (!view) throw new Error('acknowledged alarm vanished');
      return view;
    },
    ...createReportHandlers({
      store,
      config: () => current.config,
      now: () => clock.now(),
      flush: () => runtime.engine.flush(),
    }),
    ...createConsoleHandlers({
      store,
      config: () => current.config,
      configText: () => current.text,
      configErrors: () => status.errors,
      configPath: options.configPath,
      now: () => clock.now(),
      flush: () => runtime.engine.flush(),
    }),
    ...createSettingsService({
      settings: settingsStore,
      auth,
      auditLog: store.auditLog,
      transaction: (work) => store.db.transaction(work)(),
      now: () => clock.now(),
      retention: () => current.config.retention,
    }).handlers,
    ...telemetry.handlers,
  };

  let stopped = false;
  return {
    handlers: authoriseHandlers(telemetry.instrumentHandlers(handlers), auth),
    connectionClosed: (connectionId) => auth.connectionClosed(connectionId),
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      stopWatching();
      await reloading;
      await runtime.stop();
      store.close();
      await demo?.stop();
      sinks.clear();
    },
  };
}
