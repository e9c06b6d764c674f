// A UsageSender that loads mixpanel-browser only when it is first needed: when usage analytics is
// granted (opt-in) or an identity reset is asked for. Until then the console parses none of the
// SDK. Calls made while it loads are replayed in order, and every track is checked against the
// gate when it is made and again when it runs (here and in the real sender). A withdrawal or a
// reset while the SDK loads drops the tracks queued so far: they are unsent usage data too.
import type { ConsentGate } from '../../../shared/telemetry/consent-gate';
import type { UsageProperties } from '../../../shared/telemetry/usage-events';
import type { UsageSender } from './mixpanel-client';

/** Deletes Mixpanel's unsent batch queues for `token` from localStorage (no SDK needed). */
export function clearStoredUsageQueues(token: string): void {
  const prefix = `__mpq_${token}`;
  for (const key of Object.keys(window.localStorage))
    if (key.startsWith(prefix)) window.localStorage.removeItem(key);
}

export interface DeferredUsageSender extends UsageSender {
  /** Loads and creates the real sender now (once); resolves when queued calls have been replayed. */
  load(): Promise<void>;
}

export function createDeferredUsageSender(
  create: () => Promise<UsageSender>,
  gate: ConsentGate,
  clearStored: () => void,
): DeferredUsageSender {
  let sender: UsageSender | null = null;
  let loading: Promise<void> | null = null;
  let queue: { kind: 'track' | 'setup'; call: (sender: UsageSender) => void }[] = [];

  const load = (): Promise<void> => {
    loading ??= create().then(
      (created) => {
        sender = created;
        const pending = queue;
        queue = [];
        for (const { call } of pending) call(created);
      },
      () => {
        // The SDK did not load: nothing can be sent. Keep the registrations for a later attempt.
        loading = null;
      },
    );
    return loading;
  };
  /** Runs `call` now when loaded, else queues it (and starts loading when `start`). */
  const run = (kind: 'track' | 'setup', call: (sender: UsageSender) => void, start: boolean): void => {
    if (sender) {
      call(sender);
      return;
    }
    queue.push({ kind, call });
    if (start) void load();
  };
  const dropQueuedTracks = (): void => {
    queue = queue.filter((entry) => entry.kind !== 'track');
  };

  return {
    load,
    track(event, properties) {
      if (!gate.allows('usage_analytics')) return;
      run(
        'track',
        (s) => {
          if (gate.allows('usage_analytics')) s.track(event, properties);
        },
        true,
      );
    },
    register: (properties: UsageProperties) => run('setup', (s) => s.register(properties), false),
    optIn: () => run('setup', (s) => s.optIn(), true),
    optOut() {
      dropQueuedTracks();
      // Delete the stored batch now, whether or not the SDK ever loads (an earlier session may have
      // left one); once loaded, the SDK stops its batchers and clears its memory queue too.
      clearStored();
      if (sender || loading) run('setup', (s) => s.optOut(), false);
    },
    reset() {
      // The identity lives in the SDK's own storage: "forget me" needs the SDK.
      dropQueuedTracks();
      clearStored();
      run('setup', (s) => s.reset(), true);
    },
  };
}
