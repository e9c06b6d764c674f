// mixpanel-browser, configured so that nothing leaves without `usage_analytics`: opted out by
// default, no IP, no URLs or referrers, localStorage only, and every batch re-checked against the
// consent gate and scrubbed right before it is sent.
import mixpanel, { type Config, type Mixpanel } from 'mixpanel-browser';
import type { ConsentGate } from '../../shared/telemetry/consent-gate';
import type { Scrubber } from '../../shared/telemetry/scrubber';
import { clearStoredUsageQueues } from './deferred-usage';
import { MIXPANEL_PROPERTY_BLACKLIST, type UsageProperties } from '../../shared/telemetry/usage-events';

export interface UsageSender {
  track(event: string, properties: UsageProperties): void;
  register(properties: UsageProperties): void;
  optIn(): void;
  /** Stops sending and deletes the unsent batch queue (memory and localStorage). */
  optOut(): void;
  /** "Forget me": a new distinct id and no queue. */
  reset(): void;
}

interface Clearable {
  clear(): unknown;
}
const hasClear = (value: unknown): value is Clearable =>
  typeof value === 'object' && value !== null && 'clear' in value && typeof value.clear === 'function';

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

  const clearQueues = (): void => {
    // The batchers are not public API; clear them when present so a later opt-in cannot send
    // events queued before the withdrawal.
    const batchers: unknown = Reflect.get(instance, 'request_batchers');
    if (typeof batchers === 'object' && batchers !== null) {
      for (const batcher of Object.values(batchers)) if (hasClear(batcher)) batcher.clear();
    }
    clearStoredUsageQueues(options.token);
  };

  return {
    track(event, properties) {
      if (gate.allows('usage_analytics')) instance.track(event, scrubber.value({ ...properties }));
    },
    register: (properties) => instance.register(scrubber.value({ ...properties })),
    // `track: noop`: opting in must not send Mixpanel's own `$opt_in` event.
    optIn: () => instance.opt_in_tracking({ track: () => undefined }),
    optOut() {
      instance.opt_out_tracking({ delete_user: false });
      clearQueues();
    },
    reset() {
      clearQueues();
      instance.reset();
    },
  };
}
