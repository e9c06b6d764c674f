import { describe, expect, it } from 'vitest';
import { useTempStores } from '../../../support/temp-store';

describe('notification deliveries store', () => {
  const tempStore = useTempStores('deliveries');

  it('logs a message as pending with its alarms, then each attempt, newest first', () => {
    const { store } = tempStore();
    const log = store.notificationDeliveries;
    const first = log.create({
      channelId: 'hook',
      channelKind: 'webhook',
      type: 'alarm.raised',
      alarmIds: [7, 3, 5],
      createdAt: 1_000,
    });
    const second = log.create({
      channelId: 'desk',
      channelKind: 'desktop',
      type: 'alarm.raised',
      alarmIds: [7],
      createdAt: 1_001,
    });
    log.update(first, { status: 'pending', attempts: 1, lastError: 'HTTP 500', at: 1_100 });
    log.update(first, { status: 'delivered', attempts: 2, lastError: null, at: 2_100 });
    log.update(second, { status: 'failed', attempts: 5, lastError: 'timeout after 5 s', at: 9_000 });
    expect(log.recent(10)).toEqual([
      {
        id: second,
        channelId: 'desk',
        channelKind: 'desktop',
        type: 'alarm.raised',
        alarmIds: [7],
        status: 'failed',
        attempts: 5,
        lastError: 'timeout after 5 s',
        createdAt: 1_001,
        lastAttemptAt: 9_000,
        deliveredAt: null,
      },
      {
        id: first,
        channelId: 'hook',
        channelKind: 'webhook',
        type: 'alarm.raised',
        alarmIds: [3, 5, 7],
        status: 'delivered',
        attempts: 2,
        lastError: null,
        createdAt: 1_000,
        lastAttemptAt: 2_100,
        deliveredAt: 2_100,
      },
    ]);
    expect(log.recent(1).map((d) => d.id)).toEqual([second]);
  });

  it('knows what was sent per channel and type, not counting dropped messages', () => {
    const { store } = tempStore();
    const log = store.notificationDeliveries;
    log.create({
      channelId: 'lead',
      channelKind: 'email',
      type: 'alarm.escalated',
      alarmIds: [4],
      createdAt: 1,
    });
    log.create({
      channelId: 'lead',
      channelKind: 'email',
      type: 'alarm.escalated',
      alarmIds: [9],
      createdAt: 2,
    });
    expect(log.dropPending(3, 'Linewatch stopped before it was sent')).toBe(2);
    log.create({
      channelId: 'lead',
      channelKind: 'email',
      type: 'alarm.escalated',
      alarmIds: [4],
      createdAt: 4,
    });
    expect(log.wasSent('lead', 'alarm.escalated', 4)).toBe(true);
    expect(log.wasSent('lead', 'alarm.escalated', 9)).toBe(false);
    expect(log.wasSent('lead', 'alarm.raised', 4)).toBe(false);
    expect(log.wasSent('hook', 'alarm.escalated', 4)).toBe(false);
    expect(log.recent(5).map((d) => d.status)).toEqual(['pending', 'dropped', 'dropped']);
  });

  it('survives a reopen (the log is on disk)', () => {
    const temp = tempStore();
    temp.store.notificationDeliveries.create({
      channelId: 'hook',
      channelKind: 'webhook',
      type: 'alarm.cleared',
      alarmIds: [1],
      createdAt: 5,
    });
    expect(temp.reopen().notificationDeliveries.recent(5)).toHaveLength(1);
  });
});
