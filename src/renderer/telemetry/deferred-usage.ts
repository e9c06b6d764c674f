// A UsageSender that loads mixpanel-browser only when it is first needed: when usage analytics is
// granted (opt-in) or an identity reset is asked for. Until then the console parses none of the
// SDK. Calls made while it loads are replayed in order, and every track is checked against the
// gate twice: when it is made and again by the real sender when it runs.
import type { ConsentGate } from '../../shared/telemetry/consent-gate';
import type { UsageProperties } from '../../shared/telemetry/usage-events';
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
  let queue: ((sender: UsageSender) => void)[] = [];

  const load = (): Promise<void> => {
    loading ??= create().then(
      (created) => {
        sender = created;
        const pending = queue;
        queue = [];
        for (const call of pending) call(created);
      },
      () => {
        // The SDK did not load: nothing can be sent. Keep the registrations for a later attempt.
        loading = null;
      },
    );
    return loading;
  };
  /** Runs `call` now when loaded, else queues it (and starts loading when `start`). */
  const run = (call: (sender: UsageSender) => void, start: boolean): void => {
    if (sender) return call(sender);
    queue.push(call);
    if (start) void load();
  };

  return {
    load,
    track(event, properties) {
      if (!gate.allows('usage_analytics')) return;
      run((s) => s.track(event, properties), true);
    },
    register: (properties: UsageProperties) => run((s) => s.register(properties), false),
    optIn: () => run((s) => s.optIn(), true),
    optOut() {
      // Never loaded in this session (only registrations are queued): no SDK queue exists in
      // memory, but delete any batch an earlier session left in storage.
      if (sender || loading) run((s) => s.optOut(), false);
      else clearStored();
    },
    reset() {
      // The identity lives in the SDK's own storage: "forget me" needs the SDK.
      clearStored();
      run((s) => s.reset(), true);
    },
  };
}
