// Notifications as the services see them: builds each configured channel and its outbox, feeds the
// dispatcher the engine's and the acknowledge handlers' alarm signals, mirrors endpoint states to
// channels that keep them (MQTT retained), and follows config reloads. Everything the engine calls
// is an array push; the work happens on timers, and nothing here throws into its caller.
//
// At start, messages still pending in the log from the previous run are marked dropped (their
// retries lived in memory) and escalation timers of open alarms are re-armed (dispatcher.ts).
// A reload applies new rules and the grouping window at once; a channel whose settings changed (or
// that was removed) is closed, its waiting messages logged as dropped, and a new one is built.
import type { EndpointLive } from '../../shared/contract';
import { DAY_MS, epochMsOfIso, HOUR_MS } from '../../shared/time';
import { toAlarmViews } from '../alarms/alarm-views';
import type { Clock } from '../clock/clock';
import {
  locateEndpoints,
  NO_NOTIFICATIONS,
  type LinewatchConfig,
  type NotificationChannelConfig,
} from '../config';
import type { Store } from '../store';
import { isEndpointStateSink, type Channel, type EndpointStateUpdate, type NotifiedAlarm } from './channel';
import { createDesktopChannel, type ShowDesktopNotice } from './channels/desktop';
import { createEmailChannel } from './channels/email';
import { createMqttChannel } from './channels/mqtt';
import { createWebhookChannel } from './channels/webhook';
import { createDeliveryQueue, type DeliveryQueue, type RetryPolicy } from './delivery-queue';
import { createDispatcher } from './dispatcher';
import { createSecretReader, type SecretReader } from './secrets';

/** The delivery log keeps 90 days. */
export const DELIVERY_LOG_DAYS = 90;

/** One attempt's limit for channels whose config has none (the email channel bounds each SMTP step itself). */
const TIMEOUT_MS: Record<Exclude<NotificationChannelConfig['kind'], 'webhook'>, number> = {
  email: 60_000,
  mqtt: 10_000,
  desktop: 5_000,
};

export interface NotificationRuntimeOptions {
  config: () => LinewatchConfig;
  clock: Clock;
  store: Pick<Store, 'alarms' | 'outages' | 'notificationDeliveries'>;
  /** Commits what the engine still buffers, so the alarm rows a signal names can be read. */
  flush: () => void;
  showDesktop: ShowDesktopNotice;
  readSecret?: SecretReader;
  log?: (line: string) => void;
  retry?: RetryPolicy;
  queueLimit?: number;
}

export type AlarmSignalKind = 'raised' | 'cleared' | 'acknowledged';

export interface NotificationRuntime {
  alarmSignal(kind: AlarmSignalKind, alarmId: number): void;
  /** The engine's live batches; only real state changes reach the state-keeping channels. */
  endpointStates(states: readonly EndpointLive[]): void;
  configChanged(next: LinewatchConfig): void;
  /** Resolves once everything collected so far has been handed to its channels and settled (tests). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

interface Built {
  config: NotificationChannelConfig;
  queue: DeliveryQueue;
}

const settingsOf = (channel: NotificationChannelConfig): string => JSON.stringify(channel);

/** A channel that could not be built: every delivery fails with why, so the log shows it. */
function brokenChannel(config: NotificationChannelConfig, why: string): Channel {
  return {
    id: config.id,
    kind: config.kind,
    deliver: () => Promise.reject(new Error(why)),
    close: () => Promise.resolve(),
  };
}

export function startNotificationRuntime(options: NotificationRuntimeOptions): NotificationRuntime {
  const { clock, store } = options;
  const log = options.log ?? (() => undefined);
  const readSecret = options.readSecret ?? createSecretReader();
  const notifications = (): NonNullable<LinewatchConfig['notifications']> =>
    options.config().notifications ?? NO_NOTIFICATIONS;
  const built = new Map<string, Built>();
  const queues = new Map<string, DeliveryQueue>();
  // The latest state of every endpoint, so a state sink opened later (a config reload that adds or
  // changes an MQTT channel) starts with every retained topic filled, not only with later changes.
  const lastStates = new Map<string, { key: string; update: EndpointStateUpdate }>();
  let stopped = false;

  const buildChannel = (config: NotificationChannelConfig, site: LinewatchConfig['site']): Channel => {
    switch (config.kind) {
      case 'webhook':
        return createWebhookChannel({ id: config.id, url: config.url, secret: config.secret, readSecret });
      case 'desktop':
        return createDesktopChannel(config.id, options.showDesktop);
      case 'email': {
        const { kind: _kind, ...email } = config;
        return createEmailChannel({ ...email, readSecret, site });
      }
      case 'mqtt':
        return createMqttChannel({
          id: config.id,
          url: config.url,
          topicPrefix: config.topicPrefix,
          username: config.username,
          password: config.password,
          readSecret,
          siteId: site.id,
          log,
          now: () => clock.now(),
        });
    }
  };

  const open = (config: NotificationChannelConfig, site: LinewatchConfig['site']): Built => {
    let channel: Channel;
    try {
      channel = buildChannel(config, site);
    } catch (error) {
      const why = `channel ${config.id} could not start: ${error instanceof Error ? error.message : String(error)}`;
      log(`notifications: ${why}`);
      channel = brokenChannel(config, why);
    }
    const queue = createDeliveryQueue({
      channel,
      timeoutMs: config.kind === 'webhook' ? config.timeoutMs : TIMEOUT_MS[config.kind],
      clock,
      deliveries: store.notificationDeliveries,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.queueLimit === undefined ? {} : { limit: options.queueLimit }),
      log,
    });
    if (isEndpointStateSink(channel) && lastStates.size > 0) {
      channel.publishStates([...lastStates.values()].map((known) => known.update));
    }
    return { config, queue };
  };

  const close = (entry: Built, reason: string): void => {
    entry.queue.stop(reason);
    void entry.queue.channel.close().catch((error: unknown) => {
      log(
        `notifications: closing channel ${entry.config.id}: ${error instanceof Error ? error.message : String(error)}`,
      );
    });
  };

  const applyChannels = (config: LinewatchConfig): void => {
    const wanted = new Map((config.notifications ?? NO_NOTIFICATIONS).channels.map((c) => [c.id, c]));
    for (const [id, entry] of built) {
      const next = wanted.get(id);
      if (next !== undefined && settingsOf(next) === settingsOf(entry.config)) continue;
      close(
        entry,
        next === undefined
          ? 'channel removed by a config reload'
          : 'channel settings changed by a config reload',
      );
      built.delete(id);
    }
    for (const [id, channelConfig] of wanted)
      if (!built.has(id)) built.set(id, open(channelConfig, config.site));
    queues.clear();
    for (const [id, entry] of built) queues.set(id, entry.queue);
  };

  const describe = (alarmIds: readonly number[]): NotifiedAlarm[] => {
    options.flush();
    const records = alarmIds.map((id) => store.alarms.get(id)).filter((record) => record !== null);
    const config = options.config();
    const byId = new Map(records.map((record) => [record.id, record]));
    return toAlarmViews(records, config, store, clock.now()).flatMap((view) => {
      const record = byId.get(view.id);
      if (record === undefined) return [];
      return [
        {
          id: view.id,
          endpoint: { id: view.endpointId, name: view.endpointName },
          line: { id: view.lineId, name: view.lineName },
          severity: view.impact.severity,
          startedAt: epochMsOfIso(view.startedAt),
          detectedAt: record.raisedAt,
          clearedAt: record.clearedAt,
          acknowledgedAt: record.acknowledgedAt,
          acknowledgedBy: record.acknowledgedBy,
          impact: view.impact,
          secondaryEndpointIds: view.secondaryEndpointIds,
        },
      ];
    });
  };

  const dispatcher = createDispatcher({
    clock,
    site: () => ({ id: options.config().site.id, name: options.config().site.name }),
    rules: () => notifications().rules,
    groupWindowMs: () => notifications().groupWindowMs,
    queues: () => queues,
    describe,
    deliveries: store.notificationDeliveries,
    log,
  });

  const guarded = (what: string, work: () => void): void => {
    try {
      work();
    } catch (error) {
      log(`notifications: ${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  // The log keeps DELIVERY_LOG_DAYS: pruned at start and then hourly, so a console that runs for
  // months does not grow it without bound.
  let pruneTimer: { cancel(): void } | null = null;
  const pruneDeliveryLog = (): void => {
    guarded('delivery log pruning', () => {
      store.notificationDeliveries.pruneBefore(clock.now() - DELIVERY_LOG_DAYS * DAY_MS);
    });
    if (!stopped) pruneTimer = clock.after(HOUR_MS, pruneDeliveryLog);
  };

  guarded('start', () => {
    const dropped = store.notificationDeliveries.dropPending(
      clock.now(),
      'Linewatch stopped before it was delivered',
    );
    if (dropped > 0)
      log(`notifications: ${dropped} message(s) still pending from the last run marked dropped`);
    pruneDeliveryLog();
    applyChannels(options.config());
    const open = store.alarms.active().filter((a) => a.acknowledgedAt === null && a.clearedAt === null);
    if (open.length > 0) dispatcher.resume(describe(open.map((a) => a.id)));
  });

  return {
    alarmSignal(kind, alarmId) {
      if (stopped) return;
      guarded(`alarm ${kind}`, () => {
        if (kind === 'raised') dispatcher.raised(alarmId);
        else if (kind === 'cleared') dispatcher.cleared(alarmId);
        else dispatcher.acknowledged(alarmId);
      });
    },
    endpointStates(states) {
      if (stopped) return;
      guarded('endpoint states', () => {
        const lineOf = locateEndpoints(options.config());
        const updates: EndpointStateUpdate[] = [];
        for (const live of states) {
          const key = `${live.state}|${live.since ?? ''}`;
          if (lastStates.get(live.id)?.key === key) continue;
          const where = lineOf.get(live.id);
          if (where === undefined) continue;
          const update = { lineId: where.line.id, endpointId: live.id, state: live.state, since: live.since };
          lastStates.set(live.id, { key, update });
          updates.push(update);
        }
        if (updates.length === 0) return;
        const sinks = [...built.values()].map((b) => b.queue.channel).filter(isEndpointStateSink);
        for (const sink of sinks) sink.publishStates(updates);
      });
    },
    configChanged(next) {
      if (stopped) return;
      guarded('config reload', () => applyChannels(next));
    },
    async idle() {
      dispatcher.flush();
      await Promise.all([...built.values()].map((b) => b.queue.idle()));
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      pruneTimer?.cancel();
      dispatcher.stop();
      const entries = [...built.values()];
      built.clear();
      queues.clear();
      for (const entry of entries) entry.queue.stop('Linewatch stopped before it was delivered');
      await Promise.allSettled(entries.map((entry) => entry.queue.channel.close()));
    },
  };
}
