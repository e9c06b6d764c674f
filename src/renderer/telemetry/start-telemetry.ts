// Renderer telemetry: fetches the config and consent from main (never from the bundle), keeps the
// renderer's consent gate in step with main's `consentChanged` events, and starts Sentry and
// Mixpanel behind that gate. Kiosk walls never ask; unasked means everything off.
import type { ConsentChoice, ConsentState } from '../../shared/telemetry/consent';
import { grantedCategories, NO_CONSENT } from '../../shared/telemetry/consent';
import { createConsentGate, withdrawnCategories } from '../../shared/telemetry/consent-gate';
import { createScrubber } from '../../shared/telemetry/scrubber';
import { superProperties, usageProperties, type UsageEvent } from '../../shared/telemetry/usage-events';
import type { LinewatchClient } from '../client/linewatch-client';
import { startBrowserSentry, type BrowserSentry } from './browser-sentry';
import { createMixpanelSender, type UsageSender } from './mixpanel-client';
import { telemetryStore } from './telemetry-store';
import { wireUsageEvents } from './usage-wiring';

export const rendererConsentGate = createConsentGate();
const scrubber = createScrubber();
let usage: UsageSender | null = null;
let sentry: BrowserSentry | null = null;

/** For the rest of the renderer (e.g. report export): a no-op unless usage analytics is granted. */
export function trackUsage(event: UsageEvent): void {
  usage?.track(event.name, usageProperties(event));
}

/** A kiosk wall that was never asked runs with everything off, whatever a preset says. */
const effectiveChoice = (state: ConsentState, kiosk: boolean): ConsentChoice =>
  kiosk && state.source === 'never_asked' ? { ...NO_CONSENT } : state.choice;

export async function startRendererTelemetry(client: LinewatchClient, kiosk: boolean): Promise<void> {
  telemetryStore.setState({ kiosk });
  try {
    await startWith(client, kiosk);
  } finally {
    telemetryStore.setState({ ready: true });
  }
}

async function startWith(client: LinewatchClient, kiosk: boolean): Promise<void> {
  const [config, initial] = await Promise.all([client.getTelemetryConfig(), client.getConsent()]);
  scrubber.setSensitive(config.sensitiveStrings);
  let epoch = initial.identityEpoch;

  const applyState = (state: ConsentState): void => {
    telemetryStore.setState({ consent: state });
    const previous = rendererConsentGate.current();
    const next = effectiveChoice(state, kiosk);
    rendererConsentGate.set(next);
    if (usage) {
      if (next.usage_analytics && !previous.usage_analytics) usage.optIn();
      if (withdrawnCategories(previous, next).includes('usage_analytics')) usage.optOut();
      if (state.identityEpoch > epoch) usage.reset();
    }
    epoch = Math.max(epoch, state.identityEpoch);
  };

  telemetryStore.setState({
    config,
    actions: {
      async save(choice) {
        try {
          applyState(await client.setConsent({ choice }));
          trackUsage({ name: 'Consent Changed', granted: grantedCategories(choice) });
          telemetryStore.setState({ error: null });
        } catch (error) {
          telemetryStore.setState({ error: (error as Error).message });
        }
      },
      async forgetMe() {
        try {
          applyState(await client.forgetMe());
          telemetryStore.setState({ error: null });
        } catch (error) {
          telemetryStore.setState({ error: (error as Error).message });
        }
      },
    },
  });
  client.on('consentChanged', applyState);

  if (config.sentryDsn !== null) {
    sentry = startBrowserSentry(
      { dsn: config.sentryDsn, release: config.appVersion, siteHash: config.siteHash },
      rendererConsentGate,
      scrubber,
    );
  }
  if (config.mixpanelToken !== null && config.mixpanelApiHost !== null) {
    usage = createMixpanelSender(
      { token: config.mixpanelToken, apiHost: config.mixpanelApiHost },
      rendererConsentGate,
      scrubber,
    );
    usage.register(
      superProperties({
        appVersion: config.appVersion,
        osFamily: config.osFamily,
        endpointCountBucket: config.endpointCountBucket,
        mode: kiosk ? 'kiosk' : 'desk',
      }),
    );
  }
  applyState(initial);
  // Two frames after the consent arrived: the first render of the console has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => sentry?.dashboardLoaded()));
  trackUsage({ name: 'Console Started' });
  wireUsageEvents(client, kiosk, trackUsage);
}
