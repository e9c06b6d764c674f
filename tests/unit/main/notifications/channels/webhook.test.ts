// The webhook channel against a real HTTP receiver on 127.0.0.1.
import { afterEach, describe, expect, it } from 'vitest';
import { createWebhookChannel } from '@src/main/notifications/channels/webhook';
import { createSecretReader } from '@src/main/notifications/secrets';
import { aNotification, aNotifiedAlarm } from '../../../../support/notification-builders';
import { startWebhookReceiver, type WebhookReceiver } from '../../../../support/webhook-receiver';

const SECRET = 'correct horse battery staple';
const env = { LINEWATCH_HOOK_SECRET: SECRET };

const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const r of receivers.splice(0)) await r.close();
});
async function receiver(): Promise<WebhookReceiver> {
  const r = await startWebhookReceiver();
  receivers.push(r);
  return r;
}

const signal = (): AbortSignal => AbortSignal.timeout(5_000);

describe('webhook channel', () => {
  it('POSTs the alarm as snake_case JSON signed with HMAC-SHA256 of the body', async () => {
    const hook = await receiver();
    const channel = createWebhookChannel({
      id: 'ops-hook',
      url: hook.url,
      secret: { env: 'LINEWATCH_HOOK_SECRET' },
      readSecret: createSecretReader(env),
    });
    const alarm = aNotifiedAlarm('press1-plc', {
      id: 42,
      severity: 'high',
      impact: {
        costPerMinute: 850,
        costSoFar: 1700,
        affected: { endpointIds: ['press1-hmi'], lineIds: ['press-1'] },
      },
      secondaryEndpointIds: ['press1-hmi'],
    });
    await channel.deliver(aNotification('alarm.raised', [alarm]), signal());
    expect(hook.received).toHaveLength(1);
    const [got] = hook.received;
    if (!got) throw new Error('nothing received');
    expect(hook.signatureValid(got, SECRET)).toBe(true);
    expect(hook.signatureValid(got, 'another secret')).toBe(false);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['x-linewatch-event']).toBe('alarm.raised');
    const expectedAlarm = {
      id: 42,
      endpoint: { id: 'press1-plc', name: 'press1-plc' },
      line: { id: 'press-1', name: 'Press line 1' },
      severity: 'high',
      started_at: '2026-01-05T14:10:00.000Z',
      detected_at: '2026-01-05T14:10:10.000Z',
      cleared_at: null,
      acknowledged_at: null,
      acknowledged_by: null,
      secondary_endpoint_ids: ['press1-hmi'],
      impact: {
        cost_per_minute: 850,
        cost_so_far: 1700,
        affected: { endpoint_ids: ['press1-hmi'], line_ids: ['press-1'] },
        cascade_risk: 'low',
        expected_recovery_s: null,
        shift: null,
        severity: 'high',
        in_maintenance: false,
      },
    };
    expect(got.body).toEqual({
      type: 'alarm.raised',
      sent_at: '2026-01-05T14:10:12.000Z',
      site: { id: 'plant-a', name: 'Plant A' },
      alarm: expectedAlarm,
      alarms: [expectedAlarm],
      group: null,
    });
    // The secret itself is nowhere in what was sent.
    expect(JSON.stringify(got.headers) + got.raw).not.toContain(SECRET);
  });

  it('a group leads with the worst alarm and lists all, worst first', async () => {
    const hook = await receiver();
    const channel = createWebhookChannel({
      id: 'h',
      url: hook.url,
      secret: null,
      readSecret: createSecretReader({}),
    });
    const alarms = [
      aNotifiedAlarm('a', { id: 1, severity: 'low' }),
      aNotifiedAlarm('b', { id: 2, severity: 'critical' }),
      aNotifiedAlarm('c', { id: 3, severity: 'medium' }),
    ];
    await channel.deliver(aNotification('alarm.raised', alarms), signal());
    const body = hook.received[0]?.body as {
      alarm: { id: number };
      alarms: { id: number }[];
      group: unknown;
    };
    expect(body.alarm.id).toBe(2);
    expect(body.alarms.map((a) => a.id)).toEqual([2, 3, 1]);
    expect(body.group).toEqual({ reason: 'storm on Press line 1', count: 3 });
    expect(hook.received[0]?.headers['x-linewatch-signature']).toBeUndefined();
  });

  it('rejects on a non-2xx answer, a refused connection, an abort and a missing secret', async () => {
    const hook = await receiver();
    const message = aNotification('alarm.raised', [aNotifiedAlarm('a')]);
    const make = (url: string, readSecret = createSecretReader(env)) =>
      createWebhookChannel({ id: 'h', url, secret: { env: 'LINEWATCH_HOOK_SECRET' }, readSecret });
    hook.answer(500);
    await expect(make(hook.url).deliver(message, signal())).rejects.toThrow(/HTTP 500 receiver says no/);
    hook.answer('hang');
    await expect(make(hook.url).deliver(message, AbortSignal.timeout(200))).rejects.toThrow(
      /POST http:\/\/127\.0\.0\.1:\d+\/hook/,
    );
    const closed = await receiver();
    const closedUrl = closed.url;
    await closed.close();
    await expect(make(closedUrl).deliver(message, signal())).rejects.toThrow(/ECONNREFUSED/);
    const noSecret = make(hook.url, createSecretReader({}));
    await expect(noSecret.deliver(message, signal())).rejects.toThrow(
      'secret not set: environment variable LINEWATCH_HOOK_SECRET is empty or missing',
    );
  });
});
