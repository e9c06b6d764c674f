// The MQTT channel (mqtt.js): alarm events for whoever listens, and the last known state of every
// endpoint RETAINED on its own topic, so SCADA or a plant's unified namespace that subscribes late
// still sees where each device stands (topics in mqtt-topics.ts).
//
// A broker that is down must never hold the engine up. mqtt.js would queue publishes made while
// offline without bound, so this channel only hands it a publish while connected:
// - an alarm event while disconnected is refused at once (deliver rejects); the dispatcher retries
//   it with backoff and the delivery log shows why. The refusals are counted and logged when the
//   broker is back.
// - the latest state of every endpoint is kept (one entry per endpoint) and all of them are
//   published again on every (re)connect: a state set while the broker was down reaches it, and a
//   broker that restarted without persistence (and so lost its retained messages) gets them back.
// Events carry the webhook's JSON body (payload.ts) and are QoS 1: at least once, so a retry after a
// lost PUBACK can repeat one (consumers dedupe by type and alarm id). mqtt.js reconnects by itself
// every `reconnectPeriodMs`.
import { randomBytes } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { isoTime } from '../../../shared/time';
import type { SecretRef } from '../../config';
import type { Channel, EndpointStateSink } from '../channel';
import { notificationBody } from '../payload';
import type { SecretReader } from '../secrets';
import { alarmsTopic, stateTopic, statusTopic } from './mqtt-topics';
import { untilAborted } from './until-aborted';

export interface MqttChannelOptions {
  /** The channel's config id, in log lines and errors. */
  id: string;
  /** `mqtt://host:port` (or `mqtts://`). */
  url: string;
  topicPrefix: string;
  /** Broker login; read once when the channel is built (a config reload builds it again). */
  username: SecretRef | null;
  password: SecretRef | null;
  readSecret: SecretReader;
  siteId: string;
  log?: (line: string) => void;
  now?: () => number;
  reconnectPeriodMs?: number;
  connectTimeoutMs?: number;
}

export interface MqttChannel extends Channel, EndpointStateSink {
  /** True while connected to the broker. */
  readonly connected: boolean;
}

const DEFAULT_RECONNECT_MS = 5_000;
const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
/** How long close() lets a clean DISCONNECT take before it drops the socket. */
const CLOSE_GRACE_MS = 2_000;

export function createMqttChannel(options: MqttChannelOptions): MqttChannel {
  const log = options.log ?? (() => undefined);
  const now = options.now ?? (() => Date.now());
  const reconnectPeriod = options.reconnectPeriodMs ?? DEFAULT_RECONNECT_MS;
  const name = `mqtt ${options.id} (${options.url})`;
  const eventsTopic = alarmsTopic(options.topicPrefix, options.siteId);
  const ownStatusTopic = statusTopic(options.topicPrefix, options.siteId);
  /** topic -> payload of the newest state of each endpoint, re-published on every connect. */
  const latestStates = new Map<string, string>();
  let refusedWhileDown = 0;
  let lastError: string | null = null;
  let everConnected = false;
  let closed = false;

  // A secret that cannot be read throws here, before any connection: the runtime shows the channel
  // as broken with that reason (which names the variable or file, never the value).
  const login = {
    ...(options.username ? { username: options.readSecret(options.username) } : {}),
    ...(options.password ? { password: options.readSecret(options.password) } : {}),
  };
  // mqtt.js is loaded when a channel is made (it holds ~12 MB that a plant without MQTT never
  // needs); until it is up the channel is simply not connected yet.
  let client: MqttClient | null = null;
  const connect = (mqtt: typeof import('mqtt').default): MqttClient =>
    mqtt.connect(options.url, {
      ...login,
      clientId: `linewatch-${options.siteId}-${randomBytes(4).toString('hex')}`,
      clean: true,
      reconnectPeriod,
      // A refused CONNECT (bad login, broker not ready) is retried like a lost connection: mqtt.js
      // would otherwise stop for good, and a fixed password or a broker that finished starting would
      // never be noticed.
      reconnectOnConnackError: true,
      connectTimeout: options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
      queueQoSZero: false,
      // The broker tells subscribers when Linewatch vanishes without saying goodbye.
      will: {
        topic: ownStatusTopic,
        payload: Buffer.from(JSON.stringify({ state: 'offline' })),
        qos: 1,
        retain: true,
      },
    });

  const publishState = (live: MqttClient, topic: string, payload: string): void => {
    // A publish that fails here is not lost: the next connect publishes every latest state again.
    live.publish(topic, payload, { qos: 1, retain: true }, () => undefined);
  };
  const listen = (live: MqttClient): void => {
    live.on('connect', () => {
      log(`${name}: connected${everConnected ? ' again' : ''}`);
      everConnected = true;
      lastError = null;
      if (refusedWhileDown > 0) {
        log(
          `${name}: ${refusedWhileDown} alarm event(s) were refused while the broker was unreachable (retried by the dispatcher)`,
        );
        refusedWhileDown = 0;
      }
      live.publish(ownStatusTopic, JSON.stringify({ state: 'online', since: isoTime(now()) }), {
        qos: 1,
        retain: true,
      });
      for (const [topic, payload] of latestStates) publishState(live, topic, payload);
    });
    // Without a listener an 'error' would throw; one line per distinct error, not one per retry.
    live.on('error', (error) => {
      if (error.message === lastError) return;
      lastError = error.message;
      log(`${name}: ${error.message}; retrying every ${reconnectPeriod / 1000} s`);
    });
    live.on('offline', () => {
      if (!closed && lastError === null)
        log(`${name}: broker unreachable; retrying every ${reconnectPeriod / 1000} s`);
    });
  };
  const loading = import('mqtt').then(
    ({ default: mqtt }) => {
      if (closed) return;
      client = connect(mqtt);
      listen(client);
    },
    (error: unknown) => {
      lastError = `mqtt.js could not be loaded: ${String(error)}`;
      log(`${name}: ${lastError}`);
    },
  );

  return {
    id: options.id,
    kind: 'mqtt',
    get connected() {
      return client?.connected ?? false;
    },

    async deliver(message, signal) {
      if (closed) throw new Error(`${name}: channel is closed`);
      if (!client?.connected) {
        refusedWhileDown += 1;
        throw new Error(`${name}: broker not connected${lastError === null ? '' : ` (${lastError})`}`);
      }
      const payload = JSON.stringify(notificationBody(message));
      await untilAborted(client.publishAsync(eventsTopic, payload, { qos: 1, retain: false }), signal);
    },

    publishStates(updates) {
      if (closed) return;
      for (const update of updates) {
        const topic = stateTopic(options.topicPrefix, options.siteId, update.lineId, update.endpointId);
        const payload = JSON.stringify({
          state: update.state,
          since: update.since,
          site: options.siteId,
          line: update.lineId,
          endpoint: update.endpointId,
          updated_at: isoTime(now()),
        });
        latestStates.set(topic, payload);
        if (client?.connected) publishState(client, topic, payload);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      latestStates.clear();
      await loading;
      if (client === null) return;
      const live = client;
      if (live.connected) {
        // A clean DISCONNECT does not fire the will, so say "offline" ourselves first.
        live.publish(ownStatusTopic, JSON.stringify({ state: 'offline', since: isoTime(now()) }), {
          qos: 1,
          retain: true,
        });
      }
      const graceful = live.endAsync(false);
      const timer = setTimeout(() => live.end(true), CLOSE_GRACE_MS);
      try {
        await graceful;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
