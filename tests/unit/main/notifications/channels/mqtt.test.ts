// The MQTT channel against a real mosquitto on loopback, watched by a second mqtt.js client.
import mqtt, { type MqttClient } from 'mqtt';
import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationMessage } from '@src/main/notifications/channel';
import {
  createMqttChannel,
  type MqttChannel,
  type MqttChannelOptions,
} from '@src/main/notifications/channels/mqtt';
import { notificationBody } from '@src/main/notifications/payload';
import { createSecretReader } from '@src/main/notifications/secrets';
import {
  freeLoopbackPort,
  mosquittoMissingReason,
  startMosquitto,
  type Mosquitto,
  type MosquittoOptions,
} from '../../../../support/mosquitto';
import { aNotification, aNotifiedAlarm } from '../../../../support/notification-builders';

interface Received {
  topic: string;
  payload: unknown;
  retain: boolean;
  qos: number;
}

const skipReason = mosquittoMissingReason();
if (skipReason !== null) console.warn(skipReason);

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function broker(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const started = await startMosquitto(options);
  if (!started) throw new Error('mosquitto vanished during the run');
  cleanups.push(() => started.close());
  return started;
}

const ENV = { MQTT_USER: 'scada', MQTT_PASS: 'mq-s3cret', MQTT_WRONG_PASS: 'wrong' };

function channel(url: string, log: string[] = [], fields: Partial<MqttChannelOptions> = {}): MqttChannel {
  const made = createMqttChannel({
    id: 'scada',
    url,
    topicPrefix: 'linewatch',
    username: null,
    password: null,
    readSecret: createSecretReader(ENV),
    siteId: 'plant-a',
    log: (line) => log.push(line),
    reconnectPeriodMs: 100,
    connectTimeoutMs: 2_000,
    ...fields,
  });
  cleanups.push(() => made.close());
  return made;
}

/** A second client that records everything it receives on `filter`, subscribed before it resolves. */
async function subscriber(
  url: string,
  filter: string,
  login: { username?: string; password?: string } = {},
): Promise<{ client: MqttClient; received: Received[] }> {
  const client = await mqtt.connectAsync(url, { reconnectPeriod: 0, ...login });
  cleanups.push(() => client.endAsync(true));
  const received: Received[] = [];
  client.on('message', (topic, payload, packet) => {
    received.push({ topic, payload: JSON.parse(payload.toString()), retain: packet.retain, qos: packet.qos });
  });
  await client.subscribeAsync(filter, { qos: 1 });
  return { client, received };
}

const event = (type: NotificationMessage['type'], id: number): NotificationMessage =>
  aNotification(type, [aNotifiedAlarm('press1-plc', { id })]);

const signal = (): AbortSignal => AbortSignal.timeout(5_000);

describe.skipIf(skipReason !== null)('MQTT channel (real mosquitto)', () => {
  it('publishes an alarm event on <prefix>/<site>/alarms as JSON, QoS 1, not retained', async () => {
    const { url } = await broker();
    const ch = channel(url);
    await expect.poll(() => ch.connected).toBe(true);
    const { received } = await subscriber(url, 'linewatch/plant-a/alarms');

    await ch.deliver(event('alarm.raised', 7), signal());

    await expect.poll(() => received.length).toBe(1);
    expect(received[0]).toEqual({
      topic: 'linewatch/plant-a/alarms',
      payload: notificationBody(event('alarm.raised', 7)),
      retain: false,
      qos: 1,
    });
    // Not retained: a client subscribing later gets no old event.
    const late = await subscriber(url, 'linewatch/plant-a/alarms');
    await ch.deliver(event('alarm.cleared', 7), signal());
    await expect
      .poll(() => late.received.map((r) => r.payload))
      .toMatchObject([
        { type: 'alarm.cleared', alarm: { id: 7, endpoint: { id: 'press1-plc' } }, group: null },
      ]);
  });

  it('retains endpoint states, so a client that subscribes afterwards still gets the last one', async () => {
    const { url } = await broker();
    const ch = channel(url);
    await expect.poll(() => ch.connected).toBe(true);
    const first = await subscriber(url, 'linewatch/plant-a/+/+/state');

    ch.publishStates([
      { lineId: 'press-1', endpointId: 'press1-plc', state: 'up', since: '2026-01-05T14:00:00.000Z' },
    ]);
    ch.publishStates([
      { lineId: 'press-1', endpointId: 'press1-plc', state: 'down', since: '2026-01-05T14:10:00.000Z' },
    ]);
    await expect.poll(() => first.received.length).toBe(2);

    const late = await subscriber(url, 'linewatch/plant-a/#');
    await expect
      .poll(() => late.received.find((r) => r.topic === 'linewatch/plant-a/press-1/press1-plc/state'))
      .toMatchObject({
        retain: true,
        payload: {
          state: 'down',
          since: '2026-01-05T14:10:00.000Z',
          site: 'plant-a',
          line: 'press-1',
          endpoint: 'press1-plc',
        },
      });
    // Linewatch's own presence is retained beside it.
    await expect
      .poll(() => late.received.find((r) => r.topic === 'linewatch/plant-a/status'))
      .toMatchObject({ retain: true, payload: { state: 'online' } });
  });

  it('with the broker down at start, refuses events at once, keeps the latest states, and recovers when it comes up', async () => {
    const port = await freeLoopbackPort();
    const mosquitto = await broker({ port, started: false });
    const log: string[] = [];
    const ch = channel(mosquitto.url, log);

    const started = Date.now();
    await expect(ch.deliver(event('alarm.raised', 1), signal())).rejects.toThrow(/broker not connected/);
    expect(Date.now() - started).toBeLessThan(1_000);
    ch.publishStates([{ lineId: 'press-1', endpointId: 'press1-plc', state: 'up', since: null }]);
    ch.publishStates([
      { lineId: 'press-1', endpointId: 'press1-plc', state: 'down', since: '2026-01-05T14:10:00.000Z' },
    ]);

    await mosquitto.start();
    await expect.poll(() => ch.connected).toBe(true);
    const { received } = await subscriber(mosquitto.url, 'linewatch/plant-a/#');
    await expect
      .poll(() => received.filter((r) => r.topic.endsWith('/state')).map((r) => r.payload))
      .toMatchObject([{ state: 'down' }]);
    await ch.deliver(event('alarm.raised', 1), signal());
    await expect.poll(() => received.some((r) => r.topic === 'linewatch/plant-a/alarms')).toBe(true);
    expect(log.join('\n')).toMatch(/1 alarm event\(s\) were refused while the broker was unreachable/);
  });

  it('reconnects by itself after the broker restarts, and publishes every latest state again', async () => {
    const mosquitto = await broker();
    const ch = channel(mosquitto.url);
    await expect.poll(() => ch.connected).toBe(true);
    const before = await subscriber(mosquitto.url, 'linewatch/plant-a/+/+/state');
    ch.publishStates([{ lineId: 'press-1', endpointId: 'press1-plc', state: 'up', since: null }]);
    await expect.poll(() => before.received.length).toBe(1);

    await mosquitto.stop();
    await expect.poll(() => ch.connected).toBe(false);
    await expect(ch.deliver(event('alarm.raised', 2), signal())).rejects.toThrow(/not connected/);
    ch.publishStates([{ lineId: 'press-1', endpointId: 'press1-hmi', state: 'down', since: null }]);

    await mosquitto.start();
    await expect.poll(() => ch.connected).toBe(true);
    // This mosquitto runs without persistence: it lost every retained message in the restart. Both
    // states are there again: the one set before the restart and the one set while it was down.
    const { received } = await subscriber(mosquitto.url, 'linewatch/plant-a/+/+/state');
    await expect
      .poll(() => Object.fromEntries(received.map((r) => [r.topic, (r.payload as { state: string }).state])))
      .toEqual({
        'linewatch/plant-a/press-1/press1-plc/state': 'up',
        'linewatch/plant-a/press-1/press1-hmi/state': 'down',
      });
    await ch.deliver(event('alarm.raised', 2), signal());
  });

  it('close() says "offline" on the status topic and ends, and then refuses deliveries', async () => {
    const { url } = await broker();
    const ch = channel(url);
    await expect.poll(() => ch.connected).toBe(true);

    await ch.close();
    expect(ch.connected).toBe(false);
    const { received } = await subscriber(url, 'linewatch/plant-a/status');
    await expect.poll(() => received.map((r) => r.payload)).toMatchObject([{ state: 'offline' }]);
    await expect(ch.deliver(event('alarm.raised', 3), signal())).rejects.toThrow(/closed/);
  });

  it('logs in with the configured username and password', async () => {
    const { url } = await broker({ auth: { user: 'scada', password: 'mq-s3cret' } });
    const ch = channel(url, [], { username: { env: 'MQTT_USER' }, password: { env: 'MQTT_PASS' } });
    await expect.poll(() => ch.connected).toBe(true);
    const { received } = await subscriber(url, 'linewatch/plant-a/alarms', {
      username: 'scada',
      password: 'mq-s3cret',
    });
    await ch.deliver(event('alarm.raised', 4), signal());
    await expect.poll(() => received.length).toBe(1);
  });

  it('with a refused login, keeps retrying and refuses events with the reason, never throwing into the caller', async () => {
    const { url } = await broker({ auth: { user: 'scada', password: 'mq-s3cret' } });
    const log: string[] = [];
    const ch = channel(url, log, { username: { env: 'MQTT_USER' }, password: { env: 'MQTT_WRONG_PASS' } });
    await expect.poll(() => log.join('\n')).toMatch(/Connection refused: Not authorized/);
    expect(ch.connected).toBe(false);
    await expect(ch.deliver(event('alarm.raised', 5), signal())).rejects.toThrow(
      /not connected \(Connection refused: Not authorized\)/,
    );
    // One line per distinct error, not one per retry.
    expect(log.filter((line) => line.includes('Not authorized'))).toHaveLength(1);
  });

  it('fails to build when a secret cannot be read, naming the variable', () => {
    expect(() =>
      channel('mqtt://127.0.0.1:1', [], { username: { env: 'MQTT_USER' }, password: { env: 'MQTT_UNSET' } }),
    ).toThrow(/environment variable MQTT_UNSET/);
  });

  it('close() returns promptly while the broker is unreachable', async () => {
    const port = await freeLoopbackPort();
    const ch = channel(`mqtt://127.0.0.1:${port}`);
    const started = Date.now();
    await ch.close();
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
