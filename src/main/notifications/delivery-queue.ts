// One channel's outbox: messages go out one at a time, in order, each attempt bounded by a timeout
// (an AbortSignal on the injected clock), failures retried with exponential backoff, and every
// message and attempt written to the delivery log. The queue is bounded: when a channel is down
// long enough to fill it, the OLDEST waiting message is dropped (and logged as dropped) so the
// newest news still gets out once the channel is back. Nothing here throws to its caller: a dead
// channel never slows or stops the engine, whose only cost is an array push.
import type { Clock, TimerHandle } from '../clock/clock';
import type { NotificationDeliveryStore } from '../store';
import type { Channel, NotificationMessage } from './channel';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** Wait before the 2nd attempt; doubled for each further one, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 1_000, maxDelayMs: 60_000 };
export const DEFAULT_QUEUE_LIMIT = 100;

export interface DeliveryQueueOptions {
  channel: Channel;
  /** One attempt's limit. */
  timeoutMs: number;
  clock: Clock;
  deliveries: Pick<NotificationDeliveryStore, 'create' | 'update'>;
  retry?: RetryPolicy;
  limit?: number;
  log?: (line: string) => void;
}

export interface DeliveryQueue {
  readonly channel: Channel;
  /** Logs the message as pending and queues it; returns its delivery id (null when the log failed). */
  enqueue(message: NotificationMessage): number | null;
  /** Waiting (not counting the one in flight). */
  readonly waiting: number;
  /** Resolves when nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
  /** Drops what waits (logged as dropped with `reason`), aborts the attempt in flight. */
  stop(reason: string): void;
}

interface Entry {
  deliveryId: number | null;
  message: NotificationMessage;
  attempts: number;
}

export function backoffMs(policy: RetryPolicy, failedAttempts: number): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 497)}...` : text;
}

export function createDeliveryQueue(options: DeliveryQueueOptions): DeliveryQueue {
  const { channel, clock, deliveries } = options;
  const retry = options.retry ?? DEFAULT_RETRY;
  const limit = options.limit ?? DEFAULT_QUEUE_LIMIT;
  const log = options.log ?? (() => undefined);
  const waiting: Entry[] = [];
  let current: Entry | null = null;
  let retryTimer: TimerHandle | null = null;
  let inFlight: AbortController | null = null;
  let stopped = false;
  let idleWaiters: (() => void)[] = [];
  let lastLoggedError: string | null = null;

  /** The log must never take the outbox down with it (a full disk, a closed store at shutdown). */
  const record = (work: () => void): void => {
    try {
      work();
    } catch (error) {
      log(`notifications: delivery log write failed: ${errorText(error)}`);
    }
  };

  const settleIdle = (): void => {
    if (current !== null || waiting.length > 0) return;
    const waiters = idleWaiters;
    idleWaiters = [];
    for (const resolve of waiters) resolve();
  };

  const next = (): void => {
    if (stopped || current !== null) return;
    current = waiting.shift() ?? null;
    if (current === null) {
      settleIdle();
      return;
    }
    void attempt(current);
  };

  const attempt = async (entry: Entry): Promise<void> => {
    entry.attempts += 1;
    const controller = new AbortController();
    inFlight = controller;
    const timer = clock.after(options.timeoutMs, () => {
      controller.abort(new Error(`no answer within ${options.timeoutMs / 1000} s`));
    });
    let failure: string | null = null;
    try {
      await channel.deliver(entry.message, controller.signal);
    } catch (error) {
      failure = errorText(error);
    } finally {
      timer.cancel();
      inFlight = null;
    }
    if (stopped) return;
    const at = clock.now();
    const id = entry.deliveryId;
    if (failure === null) {
      if (id !== null)
        record(() =>
          deliveries.update(id, { status: 'delivered', attempts: entry.attempts, lastError: null, at }),
        );
      if (lastLoggedError !== null) log(`notifications: channel ${channel.id} delivers again`);
      lastLoggedError = null;
      current = null;
      next();
      return;
    }
    const giveUp = entry.attempts >= retry.maxAttempts;
    if (id !== null) {
      record(() =>
        deliveries.update(id, {
          status: giveUp ? 'failed' : 'pending',
          attempts: entry.attempts,
          lastError: failure,
          at,
        }),
      );
    }
    // One log line per distinct error, not one per retry of a channel that stays down.
    if (failure !== lastLoggedError) log(`notifications: channel ${channel.id}: ${failure}`);
    lastLoggedError = failure;
    if (giveUp) {
      log(
        `notifications: channel ${channel.id}: gave up on a ${entry.message.type} after ${entry.attempts} attempts`,
      );
      current = null;
      next();
      return;
    }
    retryTimer = clock.after(backoffMs(retry, entry.attempts), () => {
      retryTimer = null;
      if (!stopped) void attempt(entry);
    });
  };

  const drop = (entry: Entry, reason: string): void => {
    const id = entry.deliveryId;
    if (id !== null) {
      record(() =>
        deliveries.update(id, {
          status: 'dropped',
          attempts: entry.attempts,
          lastError: reason,
          at: clock.now(),
        }),
      );
    }
  };

  return {
    channel,
    get waiting() {
      return waiting.length;
    },
    enqueue(message) {
      if (stopped) return null;
      let deliveryId: number | null = null;
      record(() => {
        deliveryId = deliveries.create({
          channelId: channel.id,
          channelKind: channel.kind,
          type: message.type,
          alarmIds: message.alarms.map((alarm) => alarm.id),
          createdAt: clock.now(),
        });
      });
      waiting.push({ deliveryId, message, attempts: 0 });
      while (waiting.length > limit) {
        const oldest = waiting.shift();
        if (oldest)
          drop(
            oldest,
            `queue full (${limit} messages waiting for channel ${channel.id}); dropped the oldest`,
          );
      }
      next();
      return deliveryId;
    },
    idle() {
      if (current === null && waiting.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
    stop(reason) {
      if (stopped) return;
      stopped = true;
      retryTimer?.cancel();
      retryTimer = null;
      inFlight?.abort(new Error(reason));
      if (current !== null) drop(current, reason);
      for (const entry of waiting.splice(0)) drop(entry, reason);
      current = null;
      settleIdle();
    },
  };
}
