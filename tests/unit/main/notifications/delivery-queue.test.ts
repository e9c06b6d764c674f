// The outbox on a manual clock with a scripted channel and the real delivery log (SQLite).
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import type { Channel, NotificationMessage } from '@src/main/notifications/channel';
import { backoffMs, createDeliveryQueue } from '@src/main/notifications/delivery-queue';
import { aNotification, aNotifiedAlarm } from '../../../support/notification-builders';
import { useTempStores } from '../../../support/temp-store';

type Outcome = 'ok' | 'fail' | 'hang';

/** A channel that answers each attempt as scripted (then 'ok'); a hung attempt ends only by its signal. */
function scriptedChannel(script: Outcome[]): Channel & { attempts: NotificationMessage[] } {
  const attempts: NotificationMessage[] = [];
  return {
    id: 'hook',
    kind: 'webhook',
    attempts,
    deliver(message, signal) {
      attempts.push(message);
      const outcome = script.shift() ?? 'ok';
      if (outcome === 'ok') return Promise.resolve();
      if (outcome === 'fail') return Promise.reject(new Error('HTTP 500'));
      return new Promise((_resolve, reject) => {
        signal.addEventListener('abort', () =>
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted')),
        );
      });
    },
    close: () => Promise.resolve(),
  };
}

const message = (id: number): NotificationMessage =>
  aNotification('alarm.raised', [aNotifiedAlarm('plc', { id })]);
/** Lets the settled promises of an attempt run (the queue reacts in microtasks). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('delivery queue', () => {
  const tempStore = useTempStores('outbox');
  const retry = { maxAttempts: 3, baseDelayMs: 1_000, maxDelayMs: 60_000 };

  it('retries a failing channel with doubling backoff, logs each attempt, and delivers', async () => {
    const { store } = tempStore();
    const clock = new ManualClock(0);
    const channel = scriptedChannel(['fail', 'fail', 'ok']);
    const lines: string[] = [];
    const queue = createDeliveryQueue({
      channel,
      timeoutMs: 5_000,
      clock,
      deliveries: store.notificationDeliveries,
      retry,
      log: (l) => lines.push(l),
    });
    const id = queue.enqueue(message(1));
    await settle();
    expect(channel.attempts).toHaveLength(1);
    expect(store.notificationDeliveries.recent(1)[0]).toMatchObject({
      id,
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500',
    });
    clock.advance(999);
    await settle();
    expect(channel.attempts).toHaveLength(1);
    clock.advance(1);
    await settle();
    expect(channel.attempts).toHaveLength(2);
    clock.advance(2_000);
    await settle();
    expect(channel.attempts).toHaveLength(3);
    expect(store.notificationDeliveries.recent(1)[0]).toMatchObject({
      status: 'delivered',
      attempts: 3,
      lastError: null,
      deliveredAt: 3_000,
    });
    // One line for the error (not one per retry), one when it works again.
    expect(lines).toEqual([
      'notifications: channel hook: HTTP 500',
      'notifications: channel hook delivers again',
    ]);
    expect(backoffMs(retry, 10)).toBe(60_000);
  });

  it('aborts an attempt at its timeout and gives up after the last attempt', async () => {
    const { store } = tempStore();
    const clock = new ManualClock(0);
    const channel = scriptedChannel(['hang', 'hang', 'hang']);
    const queue = createDeliveryQueue({
      channel,
      timeoutMs: 2_000,
      clock,
      deliveries: store.notificationDeliveries,
      retry,
    });
    queue.enqueue(message(1));
    for (let i = 0; i < 10; i++) {
      clock.advance(1_000);
      await settle();
    }
    expect(channel.attempts).toHaveLength(3);
    expect(store.notificationDeliveries.recent(1)[0]).toMatchObject({
      status: 'failed',
      attempts: 3,
      lastError: 'no answer within 2 s',
    });
    await queue.idle();
  });

  it('enqueue returns at once; a full queue drops the oldest waiting message, logged as dropped', async () => {
    const { store } = tempStore();
    const clock = new ManualClock(0);
    const channel = scriptedChannel(['hang']);
    const queue = createDeliveryQueue({
      channel,
      timeoutMs: 60_000,
      clock,
      deliveries: store.notificationDeliveries,
      retry,
      limit: 2,
    });
    const started = performance.now();
    for (let id = 1; id <= 4; id++) queue.enqueue(message(id));
    expect(performance.now() - started).toBeLessThan(200);
    expect(queue.waiting).toBe(2);
    const byAlarm = new Map(store.notificationDeliveries.recent(10).map((d) => [d.alarmIds[0], d]));
    expect(byAlarm.get(1)?.status).toBe('pending');
    expect(byAlarm.get(2)?.status).toBe('dropped');
    expect(byAlarm.get(2)?.lastError).toMatch(/^queue full/);
    expect(byAlarm.get(3)?.status).toBe('pending');
    queue.stop('Linewatch stopped before it was delivered');
    await settle();
    expect(store.notificationDeliveries.recent(10).map((d) => d.status)).toEqual([
      'dropped',
      'dropped',
      'dropped',
      'dropped',
    ]);
  });
});
