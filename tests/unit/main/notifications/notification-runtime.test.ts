// The runtime on a manual clock with a real store and a real webhook receiver: alarms described
// from the store (impact, names), secrets read from a file, a reload that rebuilds a changed
// channel, and a restart that neither loses nor repeats an escalation.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import type { LinewatchConfig, NotificationsConfig } from '@src/main/config';
import {
  startNotificationRuntime,
  type NotificationRuntime,
} from '@src/main/notifications/notification-runtime';
import type { Store } from '@src/main/store';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';
import { useTempStores } from '../../../support/temp-store';
import { startWebhookReceiver, type WebhookReceiver } from '../../../support/webhook-receiver';

const T0 = Date.parse('2026-01-05T14:00:00Z');

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function receiver(): Promise<WebhookReceiver> {
  const hook = await startWebhookReceiver();
  cleanups.push(() => hook.close());
  return hook;
}

function plant(notifications: NotificationsConfig): LinewatchConfig {
  return aConfig({
    lines: [
      aLine('press-1', [anEndpoint('press1-plc', { name: 'Press 1 PLC', critical: true })], {
        name: 'Press line 1',
        downtimeCostPerMinute: 850,
      }),
    ],
    notifications,
  });
}

function raise(store: Store, id: number, at: number): void {
  store.outages.insert({
    id,
    endpointId: 'press1-plc',
    startedAt: at - 10_000,
    detectedAt: at,
    endedAt: null,
    endedByGap: false,
    inMaintenance: false,
    secondaryOfEndpoint: null,
    secondaryOfOutage: null,
    failureKind: 'refused',
    failureMessage: 'connect ECONNREFUSED',
  });
  store.alarms.insert({ id, outageId: id, endpointId: 'press1-plc', raisedAt: at });
}

function start(
  store: Store,
  clock: ManualClock,
  config: () => LinewatchConfig,
  lines: string[] = [],
): NotificationRuntime {
  const runtime = startNotificationRuntime({
    config,
    clock,
    store,
    flush: () => undefined,
    showDesktop: () => Promise.resolve(),
    log: (line) => lines.push(line),
  });
  cleanups.push(() => runtime.stop());
  return runtime;
}

describe('notification runtime', () => {
  const tempStore = useTempStores('notify-runtime');

  it('keeps the delivery log to its 90 days while it runs, not only at start', () => {
    const { store } = tempStore();
    const clock = new ManualClock(T0);
    start(store, clock, () => plant({ groupWindowMs: 1_000, channels: [], rules: [] }));
    const logged = (createdAt: number): number =>
      store.notificationDeliveries.create({
        channelId: 'ops-hook',
        channelKind: 'webhook',
        type: 'alarm.raised',
        alarmIds: [1],
        createdAt,
      });
    logged(T0);
    logged(T0 + 2 * 86_400_000);
    // 90 days and two hours on: the first row is past the log's age, the second is not yet.
    clock.advance(90 * 86_400_000 + 2 * 3_600_000);
    expect(store.notificationDeliveries.recent(10).map((d) => d.createdAt)).toEqual([T0 + 2 * 86_400_000]);
  });

  it('describes the alarm from the store and signs with a secret read from a file', async () => {
    const { store, dir } = tempStore();
    const hook = await receiver();
    const secretFile = join(dir, 'hook.secret');
    writeFileSync(secretFile, 'file-secret\n');
    const clock = new ManualClock(T0);
    const config = plant({
      groupWindowMs: 1_000,
      channels: [
        { id: 'ops-hook', kind: 'webhook', url: hook.url, secret: { file: secretFile }, timeoutMs: 5_000 },
      ],
      rules: [
        {
          channels: ['ops-hook'],
          minSeverity: 'low',
          lines: null,
          endpoints: null,
          unacknowledgedForMs: null,
        },
      ],
    });
    const runtime = start(store, clock, () => config);
    raise(store, 1, T0);
    runtime.alarmSignal('raised', 1);
    clock.advance(1_000);
    await runtime.idle();
    const [got] = hook.received;
    if (!got) throw new Error('nothing received');
    expect(hook.signatureValid(got, 'file-secret')).toBe(true);
    expect(got.body).toMatchObject({
      type: 'alarm.raised',
      site: { id: 'plant', name: 'Plant' },
      alarm: {
        id: 1,
        endpoint: { id: 'press1-plc', name: 'Press 1 PLC' },
        line: { id: 'press-1', name: 'Press line 1' },
        started_at: '2026-01-05T13:59:50.000Z',
        detected_at: '2026-01-05T14:00:00.000Z',
        impact: { cost_per_minute: 850, affected: { line_ids: ['press-1'] } },
      },
    });
    expect(store.notificationDeliveries.recent(5).map((d) => d.status)).toEqual(['delivered']);
  });

  it('a reload that changes a channel rebuilds it: the next message goes to the new URL', async () => {
    const { store } = tempStore();
    const [first, second] = [await receiver(), await receiver()];
    const clock = new ManualClock(T0);
    const rules = [
      {
        channels: ['ops-hook'],
        minSeverity: 'low' as const,
        lines: null,
        endpoints: null,
        unacknowledgedForMs: null,
      },
    ];
    let config = plant({
      groupWindowMs: 1_000,
      channels: [{ id: 'ops-hook', kind: 'webhook', url: first.url, secret: null, timeoutMs: 5_000 }],
      rules,
    });
    const runtime = start(store, clock, () => config);
    raise(store, 1, T0);
    runtime.alarmSignal('raised', 1);
    clock.advance(1_000);
    await runtime.idle();
    config = plant({
      groupWindowMs: 1_000,
      channels: [{ id: 'ops-hook', kind: 'webhook', url: second.url, secret: null, timeoutMs: 5_000 }],
      rules,
    });
    runtime.configChanged(config);
    raise(store, 2, T0 + 5_000);
    runtime.alarmSignal('raised', 2);
    clock.advance(1_000);
    await runtime.idle();
    expect(first.received.map((h) => (h.body as { alarm: { id: number } }).alarm.id)).toEqual([1]);
    expect(second.received.map((h) => (h.body as { alarm: { id: number } }).alarm.id)).toEqual([2]);
  });

  it('after a restart: pending messages are marked dropped, an escalation due is sent once, not again after the next restart', async () => {
    const temp = tempStore();
    const hook = await receiver();
    const clock = new ManualClock(T0);
    const config = plant({
      groupWindowMs: 1_000,
      channels: [{ id: 'lead', kind: 'webhook', url: hook.url, secret: null, timeoutMs: 5_000 }],
      rules: [
        { channels: ['lead'], minSeverity: 'low', lines: null, endpoints: null, unacknowledgedForMs: 60_000 },
      ],
    });
    raise(temp.store, 1, T0);
    temp.store.notificationDeliveries.create({
      channelId: 'lead',
      channelKind: 'webhook',
      type: 'alarm.cleared',
      alarmIds: [9],
      createdAt: T0,
    });
    // "Restart" two minutes after the alarm: its escalation is overdue and goes out at once.
    clock.advance(120_000);
    const lines: string[] = [];
    const before = start(temp.store, clock, () => config, lines);
    expect(lines).toContain('notifications: 1 message(s) still pending from the last run marked dropped');
    clock.advance(1_000);
    await before.idle();
    expect(hook.received.map((h) => (h.body as { type: string }).type)).toEqual(['alarm.escalated']);
    await before.stop();
    const store = temp.reopen();
    const after = start(store, clock, () => config);
    clock.advance(120_000);
    await after.idle();
    expect(hook.received).toHaveLength(1);
  });
});
