// Issue 11 acceptance for the email and MQTT channels, live through the whole services: a loopback
// PLC stops and starts again; the shift lead's mail (smtp-server, with login) and the SCADA broker
// (Debian mosquitto) hear about it, and the broker keeps the PLC's state retained.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import { startSimulatedDevice } from '@src/main/demo/simulated-device';
import { mosquittoMissingReason, startMosquitto } from '../support/mosquitto';
import { startSmtpReceiver } from '../support/smtp-receiver';
import { makeTempDir } from '../support/temp-store';

const POLL = { timeout: 20_000 };
const skipReason = mosquittoMissingReason();
if (skipReason !== null) console.warn(skipReason);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  vi.unstubAllEnvs();
});

interface Seen {
  topic: string;
  payload: Record<string, unknown>;
  retain: boolean;
}

describe.skipIf(skipReason !== null)('email and MQTT notifications, live', () => {
  it('mails and publishes a PLC outage and its end, and keeps its state retained', async () => {
    const smtp = await startSmtpReceiver({ auth: { user: 'linewatch', password: 'smtp-s3cret' } });
    cleanups.push(() => smtp.close());
    const broker = await startMosquitto();
    if (!broker) throw new Error('mosquitto vanished during the run');
    cleanups.push(() => broker.close());
    const plc = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.93' });
    cleanups.push(() => plc.stop());
    vi.stubEnv('LW_TEST_SMTP_USER', 'linewatch');
    vi.stubEnv('LW_TEST_SMTP_PASS', 'smtp-s3cret');

    const temp = makeTempDir('notify-live');
    cleanups.push(() => {
      temp.remove();
    });
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: live, name: Live Plant, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 850
    endpoints:
      - { id: plc, name: Press 1 PLC, type: plc, critical: true, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
notifications:
  group_window: 200ms
  channels:
    - { id: shift-lead, kind: email, to: [lead@plant.example], smtp: { host: 127.0.0.1, port: ${smtp.port}, starttls: false, user_env: LW_TEST_SMTP_USER, password_env: LW_TEST_SMTP_PASS } }
    - { id: scada, kind: mqtt, url: "${broker.url}", topic_prefix: plant/linewatch }
  rules:
    - { channels: [shift-lead, scada] }
`,
    );

    const seen: Seen[] = [];
    const watcher = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    cleanups.push(() => watcher.endAsync(true));
    watcher.on('message', (topic, payload, packet) => {
      seen.push({
        topic,
        payload: JSON.parse(payload.toString()) as Record<string, unknown>,
        retain: packet.retain,
      });
    });
    await watcher.subscribeAsync('plant/linewatch/#', { qos: 1 });
    const stateOfPlc = (): unknown =>
      seen.filter((m) => m.topic === 'plant/linewatch/live/press-1/plc/state').at(-1)?.payload.state;
    const events = (): unknown[] =>
      seen.filter((m) => m.topic === 'plant/linewatch/live/alarms').map((m) => m.payload.type);

    const services = await startLinewatchServices({
      dataDir: join(temp.dir, 'data'),
      configPath,
      host: 'headless',
      appVersion: 'test',
    });
    cleanups.push(() => services.stop());

    await expect.poll(stateOfPlc, POLL).toBe('up');
    await plc.stop();
    await expect.poll(stateOfPlc, POLL).toBe('down');
    await expect.poll(events, POLL).toEqual(['alarm.raised']);
    const [raised] = await smtp.waitForMessages(1, POLL.timeout);
    expect(raised?.subject).toMatch(/^\[Linewatch\] [A-Z]+ Press line 1: Press 1 PLC down$/);
    expect(raised?.user).toBe('linewatch');
    expect(raised?.text).toContain('850 / min');
    expect(raised?.html).toContain('Press 1 PLC (plc)');

    await plc.start();
    await expect.poll(stateOfPlc, POLL).toBe('up');
    await expect.poll(events, POLL).toEqual(['alarm.raised', 'alarm.cleared']);
    const cleared = (await smtp.waitForMessages(2, POLL.timeout))[1];
    expect(cleared?.subject).toBe('[Linewatch] CLEARED Press line 1: Press 1 PLC up again');

    // A SCADA client that connects only now still learns where the PLC stands.
    const late = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
    cleanups.push(() => late.endAsync(true));
    const retained: Seen[] = [];
    late.on('message', (topic, payload, packet) => {
      retained.push({
        topic,
        payload: JSON.parse(payload.toString()) as Record<string, unknown>,
        retain: packet.retain,
      });
    });
    await late.subscribeAsync('plant/linewatch/live/+/+/state', { qos: 1 });
    await expect
      .poll(() => retained.map((m) => [m.topic, m.payload.state, m.retain]), POLL)
      .toEqual([['plant/linewatch/live/press-1/plc/state', 'up', true]]);
  }, 60_000);
  it('fills every retained state topic of an MQTT channel added by a config reload', async () => {
    const broker = await startMosquitto();
    if (!broker) throw new Error('mosquitto vanished during the run');
    cleanups.push(() => broker.close());
    const plc = await startSimulatedDevice({ kind: 'tcp', host: '127.0.0.94' });
    cleanups.push(() => plc.stop());
    const temp = makeTempDir('notify-reload');
    cleanups.push(() => {
      temp.remove();
    });
    const configPath = join(temp.dir, 'plant.yaml');
    const config = (notifications: string): string => `version: 1
site: { id: live, name: Live Plant, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 300ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: plc, name: Press 1 PLC, type: plc, probe: { kind: tcp, host: ${plc.host}, port: ${plc.port} } }
${notifications}`;
    writeFileSync(configPath, config(''));
    const logs: string[] = [];
    const services = await startLinewatchServices({
      dataDir: join(temp.dir, 'data'),
      configPath,
      host: 'headless',
      appVersion: 'test',
      log: (line) => logs.push(line),
    });
    cleanups.push(() => services.stop());
    const plcUp = new Promise<void>((resolve) => {
      const unsubscribe = services.subscribe({
        emit: (event: string, payload: unknown) => {
          if (event !== 'endpointStates') return;
          const states = (payload as { states: { id: string; state: string }[] }).states;
          if (states.some((s) => s.id === 'plc' && s.state === 'up')) {
            unsubscribe();
            resolve();
          }
        },
      });
    });
    await plcUp;

    // The PLC is up and stays up: no change will come that could fill the new channel's topic.
    writeFileSync(
      configPath,
      config(`notifications:
  channels:
    - { id: scada, kind: mqtt, url: "${broker.url}", topic_prefix: plant/linewatch }
  rules:
    - { channels: [scada] }
`),
    );
    await expect.poll(() => logs.some((line) => line.startsWith('config reloaded')), POLL).toBe(true);
    const subscribe = async (): Promise<Seen[]> => {
      const client = await mqtt.connectAsync(broker.url, { reconnectPeriod: 0 });
      cleanups.push(() => client.endAsync(true));
      const seen: Seen[] = [];
      client.on('message', (topic, payload, packet) => {
        seen.push({
          topic,
          payload: JSON.parse(payload.toString()) as Record<string, unknown>,
          retain: packet.retain,
        });
      });
      await client.subscribeAsync('plant/linewatch/live/+/+/state', { qos: 1 });
      return seen;
    };
    // The new channel connects and publishes in its own time: a first subscriber may get the state
    // live or retained; once it has it, the broker keeps it for anyone who comes later.
    const first = await subscribe();
    await expect
      .poll(() => first.map((m) => [m.topic, m.payload.state]), POLL)
      .toEqual([['plant/linewatch/live/press-1/plc/state', 'up']]);
    const later = await subscribe();
    await expect
      .poll(() => later.map((m) => [m.topic, m.payload.state, m.retain]), POLL)
      .toEqual([['plant/linewatch/live/press-1/plc/state', 'up', true]]);
  }, 60_000);
});
