// The composition root: opens the store, starts the config, telemetry and monitor runtimes once,
// and wires each feature's contract handlers and the event stream for whichever host runs it
// (Electron shell or headless CLI). The features do the work; nothing here reads or writes data.
import { join } from 'node:path';
import type { ContractHandlers, EventName, EventPayload, EventSink } from '../../shared/contract';
import { createAlarmHandlers } from '../alarms/alarm-handlers';
import { endpointCount } from '../config';
import { createEndpointDetailHandlers } from '../endpoints/endpoint-detail-handlers';
import { startHealthService, telemetryQueueDirOf } from '../health/health-service';
import { authoriseHandlers, createOperatorAuth } from '../auth';
import { systemClock, type Clock } from '../clock/clock';
import { startMonitorRuntime } from '../monitor';
import { createNotificationDeliveryHandlers } from '../notifications/delivery-handlers';
import { startNotificationRuntime } from '../notifications/notification-runtime';
import { createOutageHandlers } from '../outages/outage-handlers';
import { createProbeRunner, type ProbeRunner } from '../probes/run-probe';
import { createInsightsHandlers } from '../insights/insights-handlers';
import { startLiveInsights, type LiveInsights } from '../insights/live-insights';
import { startMetricsRuntime } from '../metrics/metrics-runtime';
import { createReportHandlers } from '../reports/report-handlers';
import { createSettingsService, readPinHash } from '../settings/settings-service';
import { openStore } from '../store';
import { startTelemetryRuntime } from '../telemetry/telemetry-runtime';
import { createAppHandlers } from './app-handlers';
import { loadInitialConfig, startConfigRuntime } from './config-runtime';
import { createConfigViewHandlers } from './config-view-handlers';
import { readThrough } from './read-through';
import type { LinewatchServices, LinewatchServicesOptions } from './services-types';

export { ConfigLoadError } from './config-load-error';

/** The OPC UA client's PKI store, inside the data folder (own certificate, trusted/, rejected/). */
export const OPCUA_PKI_FOLDER = 'opcua-pki';

export async function startLinewatchServices(
  options: LinewatchServicesOptions & {
    clock?: Clock;
    probe?: ProbeRunner;
    watchConfig?: boolean;
    /** How often the OTLP push exports (30 s); tests shorten it. */
    otlpIntervalMs?: number;
  },
): Promise<LinewatchServices> {
  const clock = options.clock ?? systemClock;
  const now = (): number => clock.now();
  const log = options.log ?? (() => undefined);
  const { demo, ...initial } = await loadInitialConfig(options.configPath, clock);
  const store = openStore(options.dataDir);

  const sinks = new Set<EventSink>();
  const emit = <E extends EventName>(event: E, payload: EventPayload<E>): void => {
    for (const sink of sinks) sink.emit(event, payload);
  };

  const config = startConfigRuntime({ initial, configPath: options.configPath, store, clock, log, emit });
  const telemetry = startTelemetryRuntime({
    consentStore: store.consent,
    endpointOfAlarm: (alarmId) => store.alarms.get(alarmId)?.endpointId ?? null,
    config: initial.config,
    appVersion: options.appVersion,
    host: options.host,
    now,
    emit,
    log,
  });
  // /metrics and the OTLP push read the engine and the store lazily: they start before both exist.
  let liveInsights: LiveInsights | null = null;
  const metrics = startMetricsRuntime({
    store,
    config: () => config.config(),
    now,
    flush: () => runtime.engine.flush(),
    liveInsights: () => liveInsights,
    liveStates: () => runtime.engine.snapshot(),
    schedulerStats: () => runtime.schedulerStats(),
    build: { version: options.appVersion, host: options.host },
    log,
    otlpIntervalMs: options.otlpIntervalMs,
  });
  const runtime = startMonitorRuntime({
    config: initial.config,
    clock,
    store,
    // The OPC UA client's certificate lives with the data it watches over, never in $HOME: one
    // folder to back up, and two consoles on one machine are two clients to trust.
    probe: telemetry.instrumentProbe(
      options.probe ?? createProbeRunner({ opcuaPkiDir: join(options.dataDir, OPCUA_PKI_FOLDER) }),
    ),
    onLive: (states) => emit('endpointStates', { states }),
    onAlarm: (signal) => emit('alarmsChanged', { reason: signal.kind, alarmId: signal.alarmId }),
    log,
    onCheckError: (endpointId, error) => telemetry.reportCheckError(endpointId, error),
    onCheck: metrics.feed.check,
    onOutageOpened: metrics.feed.outageOpened,
    onCommit: metrics.feed.committed,
  });
  // Notifications follow the same event stream as the dashboards: raised and cleared from the
  // engine, acknowledged from the alarm handlers. Deliveries run on their own timers.
  const notifications = startNotificationRuntime({
    config: () => config.config(),
    clock,
    store,
    flush: () => void runtime.engine.tryFlush(),
    showDesktop: async (notice) => {
      if (options.showDesktopNotice) return options.showDesktopNotice(notice);
      if (![...sinks].some((sink) => sink !== notificationSink)) {
        throw new Error('no dashboard is connected to show the desktop notice');
      }
      emit('desktopNotification', notice);
      return Promise.resolve();
    },
    log,
  });
  const notificationSink: EventSink = {
    emit(event, payload) {
      if (event === 'alarmsChanged') {
        const { reason, alarmId } = payload as EventPayload<'alarmsChanged'>;
        notifications.alarmSignal(reason, alarmId);
      } else if (event === 'endpointStates') {
        notifications.endpointStates((payload as EventPayload<'endpointStates'>).states);
      }
    },
  };
  sinks.add(notificationSink);
  for (const note of demo?.notes ?? []) log(note);
  log(
    `monitoring ${endpointCount(initial.config)} endpoints on ${initial.config.lines.length} lines` +
      (demo ? ' (built-in demo plant)' : ` from ${options.configPath ?? ''}`),
  );
  if (options.watchConfig !== false) {
    config.watch({
      swap: (next) => runtime.reload(next),
      applied: (next) => {
        telemetry.configChanged(next);
        notifications.configChanged(next);
        metrics.configChanged(next);
      },
    });
  }

  const auth = createOperatorAuth({
    pinHash: () => readPinHash(store.settings),
    now,
    audit: (entry) => store.auditLog.append(entry),
  });
  // Handlers that read the store first commit what the engine still buffers; when the database
  // refuses (a full disk), they read what is committed and /healthz says why (issue 14).
  const flush = (): void => void runtime.engine.tryFlush();
  const health = startHealthService({
    dataDir: options.dataDir,
    clock,
    probeWrite: () => store.writeProbe.check(),
    commitHealth: () => runtime.engine.commitHealth(),
    schedulerStats: () => runtime.schedulerStats(),
    config: () => config.config(),
    configStatus: () => config.status(),
    telemetryQueueDir: telemetryQueueDirOf(options.dataDir),
    onChange: (next) => emit('healthChanged', next),
    log,
  });
  // Early warnings are judged as minutes close, so the console's requests cost little (issue 12).
  const startedInsights = startLiveInsights({ store, config: () => config.config(), clock, flush, log });
  liveInsights = startedInsights;
  const handlers: ContractHandlers = {
    ...createAppHandlers({
      appVersion: options.appVersion,
      host: options.host,
      demo: demo !== null,
      pinSet: () => readPinHash(store.settings) !== null,
      config: () => config.config(),
      configStatus: () => config.status(),
      liveStates: () => runtime.engine.snapshot(),
      schedulerStats: () => runtime.schedulerStats(),
    }),
    ...readThrough(createAlarmHandlers({ store, config: () => config.config(), now, emit }), flush),
    ...readThrough(createNotificationDeliveryHandlers({ store, config: () => config.config() }), flush),
    ...readThrough(createReportHandlers({ store, config: () => config.config(), now }), flush),
    ...readThrough(
      createInsightsHandlers({ store, config: () => config.config(), now, live: startedInsights }),
      flush,
    ),
    ...readThrough(createOutageHandlers({ store, config: () => config.config(), now }), flush),
    ...readThrough(createEndpointDetailHandlers({ store, config: () => config.config(), now }), flush),
    ...readThrough(
      createConfigViewHandlers({
        store,
        config: () => config.config(),
        configText: () => config.text(),
        configErrors: () => config.status().errors,
        configPath: options.configPath,
      }),
      flush,
    ),
    ...createSettingsService({
      settings: store.settings,
      auth,
      auditLog: store.auditLog,
      transaction: (work) => store.transaction(work),
      now,
      retention: () => config.config().retention,
    }).handlers,
    ...telemetry.handlers,
    getHealth: () => health.health(),
  };

  let stopped = false;
  return {
    handlers: authoriseHandlers(telemetry.instrumentHandlers(handlers), auth),
    connectionClosed: (connectionId) => auth.connectionClosed(connectionId),
    scrapeMetrics: () => metrics.scrape(),
    health: () => health.health(),
    subscribe(sink) {
      sinks.add(sink);
      return () => sinks.delete(sink);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await config.stop();
      health.stop();
      startedInsights.stop();
      await metrics.stop();
      await runtime.stop();
      await notifications.stop();
      store.close();
      await demo?.stop();
      sinks.clear();
    },
  };
}
