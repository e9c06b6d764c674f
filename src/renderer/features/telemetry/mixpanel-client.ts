// mixpanel-browser, configured so that nothing leaves without `usage_analytics`: opted out by
// default, no IP, no URLs or referrers, localStorage only, and every batch re-checked against the
// consent gate and scrubbed right before it is sent.
import mixpanel, { type Config, type Mixpanel } from 'mixpanel-browser';
import type { ConsentGate } from '../../../shared/telemetry/consent-gate';
import type { Scrubber } from '../../../shared/telemetry/scrubber';
import { clearStoredUsageQueues } from './deferred-usage';
import { MIXPANEL_PROPERTY_BLACKLIST, type UsageProperties } from '../../../shared/telemetry/usage-events';

export interface UsageSender {
  track(event: string, properties: UsageProperties): void;
  register(properties: UsageProperties): void;
  optIn(): void;
  /** Stops sending and deletes the unsent batch queue (memory and localStorage). */
  optOut(): void;
  /** "Forget me": a new distinct id and no queue. */
  reset(): void;
}

/**
 * The part of mixpanel-browser's RequestQueue (src/request-queue.js; one per batcher in
 * `request_batchers`) that a withdrawal has to reach. Not public API: the shape is checked, and a
 * sender whose queues cannot be guarded never opts in (see createMixpanelSender).
 */
interface BatchQueue {
  storageKey: string;
  memQueue: unknown[];
  queueStorage: { removeItem(key: string): PromiseLike<unknown> };
  _enqueuePersisted(entries: unknown[]): PromiseLike<boolean>;
  saveToStorage(items: unknown[]): PromiseLike<boolean>;
}

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null;
const isBatchQueue = (value: unknown): value is BatchQueue =>
  isObject(value) &&
  typeof Reflect.get(value, 'storageKey') === 'string' &&
  Array.isArray(Reflect.get(value, 'memQueue')) &&
  isObject(Reflect.get(value, 'queueStorage')) &&
  typeof Reflect.get(value, '_enqueuePersisted') === 'function' &&
  typeof Reflect.get(value, 'saveToStorage') === 'function';

interface Batcher {
  clear(): unknown;
}
const isBatcher = (value: unknown): value is Batcher =>
  isObject(value) && typeof Reflect.get(value, 'clear') === 'function';

/**
 * Why withdrawal needs more than `opt_out_tracking` (issue 9): opting out calls
 * `stop_batch_senders`, which stops each batcher's flush timer and clears its queue (memQueue and
 * the `__mpq_<token>_ev` key). But an event tracked just before is not in the queue yet: the
 * RequestQueue writes it under a localStorage mutex (SharedLock), and when the lock is taken, e.g.
 * by a second `track` in the same task, the write waits in a `setTimeout` poll of 10-110 ms (up to
 * the lock's 2 s timeout). When the lock is granted after the clear, `_enqueuePersisted` reads the
 * now empty stored queue, saves `[...stored, entry]` and appends the entry to memQueue: the
 * withdrawn event is back in localStorage, with the batcher stopped, and is sent at the next
 * opt-in. Nothing in the SDK cancels such a pending write, so:
 * - every enqueue's entries are held in an array of ours until its write is done; a withdrawal (or
 *   reset) empties those arrays, so a write granted later saves nothing new (`cancelPending`);
 * - every write of a queue re-checks the gate at the moment it runs: while usage_analytics is
 *   withdrawn it deletes the stored queue and the memory queue instead of saving. A refused
 *   enqueue makes the SDK try an immediate send, which `before_send_events` drops on the same gate.
 * Returns null when the SDK's queues do not have the expected shape.
 */
function guardBatchQueues(instance: Mixpanel, gate: ConsentGate): { cancelPending(): void } | null {
  const batchers: unknown = Reflect.get(instance, 'request_batchers');
  if (!isObject(batchers)) return null;
  const queues = Object.values(batchers).map((batcher: unknown) =>
    isObject(batcher) ? (Reflect.get(batcher, 'queue') as unknown) : undefined,
  );
  if (queues.length === 0 || !queues.every(isBatchQueue)) return null;

  const pending = new Set<unknown[]>();
  for (const queue of queues) {
    const enqueue = queue._enqueuePersisted.bind(queue);
    const save = queue.saveToStorage.bind(queue);
    queue._enqueuePersisted = (entries) => {
      const held = [...entries];
      pending.add(held);
      const settle = (): void => void pending.delete(held);
      return Promise.resolve(enqueue(held)).then(
        (saved) => {
          settle();
          return saved;
        },
        (error: unknown) => {
          settle();
          throw error;
        },
      );
    };
    queue.saveToStorage = (items) => {
      if (gate.allows('usage_analytics')) return save(items);
      queue.memQueue = [];
      return Promise.resolve(queue.queueStorage.removeItem(queue.storageKey)).then(
        () => false,
        () => false,
      );
    };
  }
  return {
    cancelPending() {
      for (const held of pending) held.length = 0;
      pending.clear();
    },
  };
}

export function createMixpanelSender(
  options: { token: string; apiHost: string },
  gate: ConsentGate,
  scrubber: Scrubber,
): UsageSender {
  // track_marketing is a real option missing from the typings: UTM and click ids come from URLs.
  const config: Partial<Config> & { track_marketing: boolean } = {
    track_marketing: false,
    api_host: options.apiHost,
    ip: false,
    persistence: 'localStorage',
    opt_out_tracking_by_default: true,
    property_blacklist: MIXPANEL_PROPERTY_BLACKLIST,
    save_referrer: false,
    stop_utm_persistence: true,
    store_google: false,
    autocapture: false,
    track_pageview: false,
    record_sessions_percent: 0,
    hooks: {
      // The last word before a batch leaves: consent now, and scrubbed properties.
      before_send_events: (payload) => (gate.allows('usage_analytics') ? scrubber.value(payload) : null),
    },
  };
  const instance: Mixpanel = mixpanel.init(options.token, config, 'linewatch');
  const guard = guardBatchQueues(instance, gate);
  if (!guard) {
    // Fail closed: without the guard a withdrawal could leave events behind, so never opt in.
    console.warn('linewatch: Mixpanel batch queues not recognised; usage analytics stays off');
  }

  const clearQueues = (): void => {
    guard?.cancelPending();
    // Clear the batchers as well as storage so a later opt-in cannot send events queued before.
    const batchers: unknown = Reflect.get(instance, 'request_batchers');
    if (isObject(batchers)) {
      for (const batcher of Object.values(batchers)) if (isBatcher(batcher)) batcher.clear();
    }
    clearStoredUsageQueues(options.token);
  };

  return {
    track(event, properties) {
      if (guard && gate.allows('usage_analytics')) instance.track(event, scrubber.value({ ...properties }));
    },
    register: (properties) => instance.register(scrubber.value({ ...properties })),
    // `track: noop`: opting in must not send Mixpanel's own `$opt_in` event. The gate is asked when
    // the call runs: an opt-in replayed after a withdrawal (deferred loading) must not restart it.
    optIn() {
      if (guard && gate.allows('usage_analytics')) instance.opt_in_tracking({ track: () => undefined });
    },
    optOut() {
      // Pending writes first, then the SDK's stop-and-clear, then ours (see guardBatchQueues).
      guard?.cancelPending();
      instance.opt_out_tracking({ delete_user: false });
      clearQueues();
    },
    reset() {
      clearQueues();
      instance.reset();
    },
  };
}
