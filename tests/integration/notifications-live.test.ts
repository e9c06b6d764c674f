// Notifications end to end on loopback: the real services monitor real TCP listeners; a webhook
// receiver on 127.0.0.1 checks the signature and the JSON; the delivery log is read through the
// contract. Every wait polls for an event, none sleeps a fixed time.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import type { LinewatchServices } from '@src/main/app/services-types';
import type { Caller, EventName, EventPayload } from '@src/shared/contract';
import { makeTempDir, type TempDir } from '../support/temp-store';
import { startWebhookReceiver, type ReceivedHook, type WebhookReceiver } from '../support/webhook-receiver';

const SECRET_ENV = 'LINEWATCH_TEST_HOOK_SECRET';
const SECRET = 'the-plant-hook-secret-4711';
const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };
const POLL = { timeout: 15_000, interval: 50 };

interface Body {
  type: string;
  alarm: { id: number; endpoint: { id: string }; detected_at: string; secondary_endpoint_ids: string[] };
  alarms: { id: number; endpoint: { id: string } }[];
  group: { count: number } | null;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  Reflect.deleteProperty(process.env, SECRET_ENV);
});

async function devices(count: number): Promise<SimulatedDevice[]> {
  const started = await Promise.all(
    Array.from({ length: count }, () => startSimulatedDevice({ kind: 'tcp', host: '127.0.0.1' })),
  );
  cleanups.push(async () => {
    await Promise.all(started.filter((d) => d.isRunning).map((d) => d.stop()));
  });
  return started;
}

async function receiver(): Promise<WebhookReceiver> {
  const hook = await startWebhookReceiver('127.0.0.1');
  cleanups.push(() => hook.close());
  return hook;
}

async function start(
  yaml: string,
  logLines: string[] = [],
): Promise<{ services: LinewatchServices; temp: TempDir }> {
  const temp = makeTempDir('notify');
  const configPath = join(temp.dir, 'plant.yaml');
  writeFileSync(configPath, yaml);
  const services = await startLinewatchServices({
    dataDir: join(temp.dir, 'data'),
    configPath,
    host: 'headless',
    appVersion: 'test',
    watchConfig: false,
    log: (line) => logLines.push(line),
  });
  cleanups.push(async () => {
    await services.stop();
    temp.remove();
  });
  return { services, temp };
}

const endpointYaml = (id: string, device: SimulatedDevice, extra = ''): string =>
  `      - { id: ${id}, name: ${id}, type: plc, probe: { kind: tcp, host: 127.0.0.1, port: ${device.port} }${extra} }`;

const bodies = (hook: WebhookReceiver, type?: string): { hook: ReceivedHook; body: Body }[] =>
  hook.received
    .map((h) => ({ hook: h, body: h.body as Body }))
    .filter((h) => type === undefined || h.body.type === type);

describe('notifications on loopback', () => {
  it('a stopped device is announced signed within 2 s of detection, escalated after 1 s, and the desktop notice reaches the dashboard', async () => {
    process.env[SECRET_ENV] = SECRET;
    const [plc] = await devices(1);
    if (!plc) throw new Error('no device');
    const hook = await receiver();
    const logLines: string[] = [];
    const { services } = await start(
      `version: 1
site: { id: plant-a, name: Plant A, timezone: Europe/Berlin }
defaults: { interval: 250ms, timeout: 150ms, down_after: 1, up_after: 1 }
lines:
  - id: press-1
    name: Press line 1
    downtime_cost_per_minute: 850
    endpoints:
${endpointYaml('press1-plc', plc, ', critical: true')}
notifications:
  channels:
    - { id: ops-hook, kind: webhook, url: "${hook.url}", secret_env: ${SECRET_ENV} }
    - { id: lead-hook, kind: webhook, url: "${hook.url.replace('/hook', '/lead')}" }
    - { id: desk, kind: desktop }
  rules:
    - { channels: [ops-hook, desk], min_severity: medium }
    - { channels: [lead-hook], unacknowledged_for: 1s }
`,
      logLines,
    );
    const notices: EventPayload<'desktopNotification'>[] = [];
    services.subscribe({
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        if (event === 'desktopNotification') notices.push(payload as EventPayload<'desktopNotification'>);
      },
    });
    await expect
      .poll(async () => (await services.handlers.getWallSnapshot({}, READER)).states[0]?.state, POLL)
      .toBe('up');
    await plc.stop();

    await expect.poll(() => bodies(hook, 'alarm.raised').length, POLL).toBe(1);
    const raised = bodies(hook, 'alarm.raised')[0];
    if (!raised) throw new Error('no raised');
    expect(raised.hook.headers['x-linewatch-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(hook.signatureValid(raised.hook, SECRET)).toBe(true);
    expect(raised.body.alarm.endpoint.id).toBe('press1-plc');
    const detectedAt = Date.parse(raised.body.alarm.detected_at);
    expect(raised.hook.at - detectedAt).toBeLessThanOrEqual(2_000);

    await expect.poll(() => bodies(hook, 'alarm.escalated').length, POLL).toBe(1);
    const escalated = bodies(hook, 'alarm.escalated')[0];
    expect(escalated?.hook.at).toBeGreaterThanOrEqual(detectedAt + 1_000);
    // The escalation rule is not a second "raised" channel, and the unsigned channel has no signature.
    expect(bodies(hook).filter((b) => b.body.type === 'alarm.raised')).toHaveLength(1);
    expect(escalated?.hook.headers['x-linewatch-signature']).toBeUndefined();

    await expect.poll(() => notices.length, POLL).toBe(1);
    expect(notices[0]).toMatchObject({ title: 'press1-plc down', type: 'alarm.raised' });

    // Acknowledged by an operator (no PIN set): the raised channels and the escalated one hear it.
    const OPERATOR: Caller = { connectionId: 'desk', canMutate: true, label: 'desk' };
    await services.handlers.acknowledgeAlarm(
      { alarmId: raised.body.alarm.id, operator: 'Mia', note: 'swapping the cable' },
      OPERATOR,
    );
    await expect.poll(() => bodies(hook, 'alarm.acknowledged').length, POLL).toBe(2);
    expect(
      (bodies(hook, 'alarm.acknowledged')[0]?.body.alarm as { acknowledged_by?: string }).acknowledged_by,
    ).toBe('Mia');

    await plc.start();
    await expect.poll(() => bodies(hook, 'alarm.cleared').length, POLL).toBe(2);

    const log = await services.handlers.listNotificationDeliveries({ limit: 50 }, READER);
    expect(log.channels).toEqual([
      { id: 'ops-hook', kind: 'webhook' },
      { id: 'lead-hook', kind: 'webhook' },
      { id: 'desk', kind: 'desktop' },
    ]);
    await expect
      .poll(async () =>
        (await services.handlers.listNotificationDeliveries({ limit: 50 }, READER)).deliveries
          .map((d) => `${d.channelId} ${d.type} ${d.status}`)
          .sort(),
      )
      .toEqual([
        'desk alarm.acknowledged delivered',
        'desk alarm.cleared delivered',
        'desk alarm.raised delivered',
        'lead-hook alarm.acknowledged delivered',
        'lead-hook alarm.cleared delivered',
        'lead-hook alarm.escalated delivered',
        'ops-hook alarm.acknowledged delivered',
        'ops-hook alarm.cleared delivered',
        'ops-hook alarm.raised delivered',
      ]);
    // The secret is only named: not in the stored config text, not in the log.
    const configText = await services.handlers.getConfigText({}, READER);
    expect(JSON.stringify(configText)).toContain(SECRET_ENV);
    expect(JSON.stringify(configText)).not.toContain(SECRET);
    expect(logLines.join('\n')).not.toContain(SECRET);
  });

  it('50 devices on one line down at once are ONE webhook call; a secondary is listed, not sent; maintenance sends nothing', async () => {
    const line = await devices(50);
    const [sw, child, planned] = await devices(3);
    if (!sw || !child || !planned) throw new Error('no device');
    const hook = await receiver();
    const { services } = await start(
      `version: 1
site: { id: plant-a, name: Plant A, timezone: UTC }
defaults: { interval: 300ms, timeout: 150ms, down_after: 1, up_after: 1 }
lines:
  - id: body-1
    name: Body shop 1
    endpoints:
${line.map((d, i) => endpointYaml(`robot-${i + 1}`, d)).join('\n')}
  - id: paint-1
    name: Paint 1
    endpoints:
${endpointYaml('paint-switch', sw)}
${endpointYaml('paint-plc', child, ', depends_on: paint-switch, down_after: 4')}
${endpointYaml('planned-plc', planned)}
maintenance:
  - { id: swap, targets: [planned-plc], from: "2000-01-01T00:00Z", to: "2100-01-01T00:00Z" }
notifications:
  # 5 s, not the default 1 s: on a loaded machine the 50 detections of one stop spread over more
  # than a second, and the test is about grouping what falls in one window, not about its length.
  group_window: 5s
  channels:
    - { id: ops-hook, kind: webhook, url: "${hook.url}" }
  rules:
    - { channels: [ops-hook], lines: [body-1] }
    - { channels: [ops-hook], lines: [paint-1] }
`,
    );
    await expect
      .poll(
        async () =>
          (await services.handlers.getWallSnapshot({}, READER)).states.filter((s) => s.state === 'up').length,
        POLL,
      )
      .toBe(53);
    await Promise.all(line.map((d) => d.stop()));
    await expect.poll(() => hook.received.length, POLL).toBe(1);
    const storm = bodies(hook)[0]?.body;
    expect(storm?.type).toBe('alarm.raised');
    expect(storm?.group?.count).toBe(50);
    expect(storm?.alarms.map((a) => a.endpoint.id).sort()).toEqual(
      line.map((_, i) => `robot-${i + 1}`).sort(),
    );

    await Promise.all([sw.stop(), child.stop(), planned.stop()]);
    await expect.poll(() => hook.received.length, POLL).toBe(2);
    const paint = bodies(hook)[1]?.body;
    expect(paint?.alarms.map((a) => a.endpoint.id)).toEqual(['paint-switch']);
    // The child is detected after its parent: secondary, no alarm of its own; its parent lists it.
    await expect
      .poll(
        async () =>
          (await services.handlers.listAlarms({}, READER)).alarms.find((a) => a.endpointId === 'paint-switch')
            ?.secondaryEndpointIds,
      )
      .toEqual(['paint-plc']);
    const outages = await services.handlers.listOutages(
      { from: Date.now() - 60_000, to: Date.now() + 1, limit: 100 },
      READER,
    );
    expect(outages.outages.find((o) => o.endpointId === 'planned-plc')?.inMaintenance).toBe(true);
    const alarms = (await services.handlers.listAlarms({}, READER)).alarms.map((a) => a.endpointId);
    expect(alarms).not.toContain('planned-plc');
    expect(alarms).not.toContain('paint-plc');
    expect(hook.received).toHaveLength(2);
  });

  it('a failing receiver (500, then hanging) is retried and logged, and the engine keeps its pace', async () => {
    const [plc, other] = await devices(2);
    if (!plc || !other) throw new Error('no device');
    const hook = await receiver();
    hook.answer(500);
    const { services } = await start(
      `version: 1
site: { id: plant-a, name: Plant A, timezone: UTC }
defaults: { interval: 200ms, timeout: 100ms, down_after: 1, up_after: 1 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
${endpointYaml('press1-plc', plc)}
${endpointYaml('press1-hmi', other)}
notifications:
  channels:
    - { id: ops-hook, kind: webhook, url: "${hook.url}", timeout: 500ms }
  rules:
    - { channels: [ops-hook] }
`,
    );
    await expect
      .poll(
        async () =>
          (await services.handlers.getWallSnapshot({}, READER)).states.every((s) => s.state === 'up'),
        POLL,
      )
      .toBe(true);
    await plc.stop();
    const delivery = async () =>
      (await services.handlers.listNotificationDeliveries({ limit: 5 }, READER)).deliveries[0];
    await expect.poll(async () => (await delivery())?.attempts ?? 0, POLL).toBeGreaterThanOrEqual(2);
    expect(await delivery()).toMatchObject({
      channelId: 'ops-hook',
      type: 'alarm.raised',
      status: 'pending',
      lastError: expect.stringContaining('HTTP 500') as string,
    });
    hook.answer('hang');
    await expect
      .poll(async () => (await delivery())?.lastError ?? '', POLL)
      .toContain('no answer within 0.5 s');
    // Meanwhile the engine checks on time: the healthy endpoint keeps getting fresh checks.
    const lastCheck = async () =>
      Date.parse(
        (await services.handlers.getWallSnapshot({}, READER)).states.find((s) => s.id === 'press1-hmi')
          ?.lastCheckAt ?? '',
      );
    const before = await lastCheck();
    await expect.poll(lastCheck, POLL).toBeGreaterThan(before);
    const status = await services.handlers.getEngineStatus({}, READER);
    expect(status.schedulerMaxLagMs).toBeLessThan(500);
    hook.answer(200);
    await expect
      .poll(async () => (await delivery())?.status, { timeout: 30_000, interval: 100 })
      .toBe('delivered');
    expect(bodies(hook, 'alarm.raised').length).toBeGreaterThanOrEqual(3);
  });
});
