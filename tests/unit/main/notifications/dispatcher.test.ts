// Grouping, rules, dedupe and escalation on a manual clock; the outboxes are recorders.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import type { NotificationRuleConfig } from '@src/main/config';
import type { NotificationMessage, NotifiedAlarm } from '@src/main/notifications/channel';
import type { DeliveryQueue } from '@src/main/notifications/delivery-queue';
import { createDispatcher } from '@src/main/notifications/dispatcher';
import { aNotifiedAlarm } from '../../../support/notification-builders';

const rule = (fields: Partial<NotificationRuleConfig> & { channels: string[] }): NotificationRuleConfig => ({
  minSeverity: 'low',
  lines: null,
  endpoints: null,
  unacknowledgedForMs: null,
  ...fields,
});

function setup(rules: NotificationRuleConfig[], channelIds = ['hook', 'lead', 'desk']) {
  const clock = new ManualClock(1_000_000);
  const alarms = new Map<number, NotifiedAlarm>();
  const sent = new Map<string, NotificationMessage[]>(channelIds.map((id) => [id, []]));
  const escalationsLogged = new Set<string>();
  const queues = new Map<string, DeliveryQueue>(
    channelIds.map((id) => [
      id,
      {
        channel: { id, kind: 'webhook', deliver: () => Promise.resolve(), close: () => Promise.resolve() },
        waiting: 0,
        enqueue(message) {
          sent.get(id)?.push(message);
          if (message.type === 'alarm.escalated')
            for (const a of message.alarms) escalationsLogged.add(`${id}|${a.id}`);
          return 1;
        },
        idle: () => Promise.resolve(),
        stop: () => undefined,
      },
    ]),
  );
  const dispatcher = createDispatcher({
    clock,
    site: () => ({ id: 'plant-a', name: 'Plant A' }),
    rules: () => rules,
    groupWindowMs: () => 1_000,
    queues: () => queues,
    describe: (ids) => ids.flatMap((id) => alarms.get(id) ?? []),
    deliveries: { wasSent: (channelId, _type, alarmId) => escalationsLogged.has(`${channelId}|${alarmId}`) },
  });
  const add = (alarm: NotifiedAlarm): NotifiedAlarm => {
    alarms.set(alarm.id, alarm);
    return alarm;
  };
  const summary = (id: string): string[] =>
    (sent.get(id) ?? []).map(
      (m) =>
        `${m.type} ${m.alarms.map((a) => a.id).join(',')}${m.group ? ` (group of ${m.group.count})` : ''}`,
    );
  return { clock, alarms, dispatcher, add, summary, escalationsLogged };
}

describe('notification dispatcher', () => {
  it('a storm of 50 alarms within the window is ONE message per channel, worst listed with the rest', () => {
    const { clock, dispatcher, add, summary } = setup([rule({ channels: ['hook'] })]);
    for (let id = 1; id <= 50; id++) {
      add(aNotifiedAlarm(`robot-${id}`, { id, severity: id === 17 ? 'critical' : 'high' }));
      dispatcher.raised(id);
      clock.advance(15);
    }
    expect(summary('hook')).toEqual([]);
    clock.advance(1_000);
    expect(summary('hook')).toEqual([
      `alarm.raised ${Array.from({ length: 50 }, (_, i) => i + 1).join(',')} (group of 50)`,
    ]);
    // The same signal again (a replayed event) is not sent twice.
    dispatcher.raised(3);
    clock.advance(1_000);
    expect(summary('hook')).toHaveLength(1);
  });

  it('a single alarm goes out one window after detection, not grouped', () => {
    const { clock, dispatcher, add, summary } = setup([rule({ channels: ['hook', 'desk'] })]);
    add(aNotifiedAlarm('plc', { id: 1 }));
    dispatcher.raised(1);
    clock.advance(999);
    expect(summary('hook')).toEqual([]);
    clock.advance(1);
    expect(summary('hook')).toEqual(['alarm.raised 1']);
    expect(summary('desk')).toEqual(['alarm.raised 1']);
  });

  it('rules filter by min_severity, lines and endpoints', () => {
    const { clock, dispatcher, add, summary } = setup([
      rule({ channels: ['hook'], minSeverity: 'medium' }),
      rule({ channels: ['desk'], lines: ['press-2'] }),
      rule({ channels: ['lead'], endpoints: ['plc'] }),
    ]);
    add(aNotifiedAlarm('plc', { id: 1, severity: 'low' }));
    add(aNotifiedAlarm('hmi', { id: 2, severity: 'high', line: { id: 'press-2', name: 'Press line 2' } }));
    dispatcher.raised(1);
    dispatcher.raised(2);
    clock.advance(1_000);
    expect(summary('hook')).toEqual(['alarm.raised 2']);
    expect(summary('desk')).toEqual(['alarm.raised 2']);
    expect(summary('lead')).toEqual(['alarm.raised 1']);
  });

  it('a clear follows only where the raise went, even when the severity changed in between', () => {
    const { clock, dispatcher, add, alarms, summary } = setup([
      rule({ channels: ['hook'], minSeverity: 'high' }),
    ]);
    add(aNotifiedAlarm('plc', { id: 1, severity: 'medium' }));
    dispatcher.raised(1);
    clock.advance(1_000);
    alarms.set(1, { ...(alarms.get(1) as NotifiedAlarm), severity: 'high', clearedAt: clock.now() });
    dispatcher.cleared(1);
    clock.advance(1_000);
    expect(summary('hook')).toEqual([]);
  });

  it('sends nothing for an alarm in maintenance or one the store no longer has', () => {
    const { clock, dispatcher, add, summary } = setup([rule({ channels: ['hook'] })]);
    add(aNotifiedAlarm('plc', { id: 1, impact: { inMaintenance: true } }));
    dispatcher.raised(1);
    dispatcher.raised(99);
    clock.advance(1_000);
    expect(summary('hook')).toEqual([]);
  });

  it('escalates after unacknowledged_for, to the escalation channels only; cleared and acknowledged follow', () => {
    const { clock, dispatcher, add, alarms, summary } = setup([
      rule({ channels: ['hook'] }),
      rule({ channels: ['lead'], minSeverity: 'high', unacknowledgedForMs: 10_000 }),
    ]);
    add(aNotifiedAlarm('plc', { id: 1, severity: 'high' }));
    add(aNotifiedAlarm('hmi', { id: 2, severity: 'high' }));
    add(aNotifiedAlarm('cam', { id: 3, severity: 'low' }));
    for (const id of [1, 2, 3]) dispatcher.raised(id);
    clock.advance(5_000);
    // Alarm 2 is acknowledged in time: no escalation for it.
    alarms.set(2, { ...(alarms.get(2) as NotifiedAlarm), acknowledgedAt: clock.now() });
    dispatcher.acknowledged(2);
    clock.advance(4_999);
    expect(summary('lead')).toEqual([]);
    clock.advance(1 + 1_000);
    expect(summary('lead')).toEqual(['alarm.escalated 1']);
    expect(summary('hook')).toEqual(['alarm.raised 1,2,3 (group of 3)', 'alarm.acknowledged 2']);
    alarms.set(1, { ...(alarms.get(1) as NotifiedAlarm), clearedAt: clock.now() });
    dispatcher.cleared(1);
    clock.advance(1_000);
    expect(summary('lead')).toEqual(['alarm.escalated 1', 'alarm.cleared 1']);
    expect(summary('hook')).toEqual([
      'alarm.raised 1,2,3 (group of 3)',
      'alarm.acknowledged 2',
      'alarm.cleared 1',
    ]);
  });

  it('a clear before the escalation time cancels it', () => {
    const { clock, dispatcher, add, alarms, summary } = setup([
      rule({ channels: ['lead'], unacknowledgedForMs: 3_000 }),
    ]);
    add(aNotifiedAlarm('plc', { id: 1 }));
    dispatcher.raised(1);
    clock.advance(2_000);
    alarms.set(1, { ...(alarms.get(1) as NotifiedAlarm), clearedAt: clock.now() });
    dispatcher.cleared(1);
    clock.advance(10_000);
    expect(summary('lead')).toEqual([]);
  });

  it('after a restart re-arms escalation of open alarms from detection, skipping what the log says was sent', () => {
    const { clock, dispatcher, add, summary, escalationsLogged } = setup([
      rule({ channels: ['lead'], unacknowledgedForMs: 10_000 }),
    ]);
    const early = add(aNotifiedAlarm('plc', { id: 1, detectedAt: clock.now() - 30_000 }));
    const recent = add(aNotifiedAlarm('hmi', { id: 2, detectedAt: clock.now() - 4_000 }));
    const done = add(aNotifiedAlarm('cam', { id: 3, detectedAt: clock.now() - 60_000 }));
    escalationsLogged.add('lead|3');
    dispatcher.resume([early, recent, done]);
    clock.advance(1_000);
    expect(summary('lead')).toEqual(['alarm.escalated 1']);
    clock.advance(6_000);
    expect(summary('lead')).toEqual(['alarm.escalated 1', 'alarm.escalated 2']);
  });
});
