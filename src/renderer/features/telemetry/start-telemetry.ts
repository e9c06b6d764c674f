// Renderer telemetry: fetches the config and consent from main (never from the bundle), keeps the
// renderer's consent gate in step with main's `consentChanged` events, and starts Sentry and
// Mixpanel behind that gate. Kiosk walls never ask; unasked means everything off. The SDKs are
// loaded (dynamic import) only when a DSN or token is configured AND consent grants them, so a
// console without telemetry never parses them.
import type { ConsentChoice, ConsentState } from '../../../shared/telemetry/consent';
import { grantedCategories, NO_CONSENT } from '../../../shared/telemetry/consent';
import { createConsentGate, withdrawnCategories } from '../../../shared/telemetry/consent-gate';
import { createFaultLocator } from '../../../shared/telemetry/fault-context';
import { faultPlaceOfRoute } from '../../../shared/telemetry/route-fault-place';
import { createScrubber } from '../../../shared/telemetry/scrubber';
import { superProperties, usageProperties, type UsageEvent } from '../../../shared/telemetry/usage-events';
import type { LinewatchClient } from '../../client/linewatch-client';
import type { BrowserSentry } from './browser-sentry';
import { clearStoredUsageQueues, createDeferredUsageSender } from './deferred-usage';
import type { UsageSender } from './mixpanel-client';
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
  let locateFault = createFaultLocator(config.faultSite);
  // A new config brings new names to scrub and new lines and devices to describe faults by.
  client.on('configApplied', () => {
    client.getTelemetryConfig().then(
      (next) => {
        scrubber.setSensitive(next.sensitiveStrings);
        locateFault = createFaultLocator(next.faultSite);
      },
      () => undefined, // the previous names stay in force; the next config change tries again
    );
  });
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

  // Granted at startup: load the SDKs before the consent is applied, as if they were bundled.
  const startChoice = effectiveChoice(initial, kiosk);
  const sentryDsn = config.sentryDsn;
  if (sentryDsn !== null) {
    const wanted = (choice: ConsentChoice): boolean => choice.error_diagnostics || choice.performance;
    let loading: Promise<void> | null = null;
    const load = (): Promise<void> =>
      (loading ??= import('./browser-sentry').then(
        ({ startBrowserSentry }) => {
          sentry = startBrowserSentry(
            {
              dsn: sentryDsn,
              release: config.appVersion,
              siteHash: config.siteHash,
              faultContext: (errorKind) =>
                locateFault(errorKind, faultPlaceOfRoute(window.location.hash), Date.now()),
            },
            rendererConsentGate,
            scrubber,
          );
        },
        () => {
          loading = null; // not loaded: nothing is sent; tried again on the next grant
        },
      ));
    if (wanted(startChoice)) await load();
    rendererConsentGate.subscribe((choice) => {
      if (wanted(choice)) void load();
    });
  }
  const { mixpanelToken, mixpanelApiHost } = config;
  if (mixpanelToken !== null && mixpanelApiHost !== null) {
    const options = { token: mixpanelToken, apiHost: mixpanelApiHost };
    // Not granted machine-wide: no window may hold unsent usage events (a session that ended
    // between a track and its withdrawal could have left some; they must never go out later).
    if (!initial.choice.usage_analytics) clearStoredUsageQueues(options.token);
    const deferred = createDeferredUsageSender(
      async () =>
        (await import('./mixpanel-client')).createMixpanelSender(options, rendererConsentGate, scrubber),
      rendererConsentGate,
      () => clearStoredUsageQueues(options.token),
    );
    usage = deferred;
    usage.register(
      superProperties({
        appVersion: config.appVersion,
        osFamily: config.osFamily,
        endpointCountBucket: config.endpointCountBucket,
        mode: kiosk ? 'kiosk' : 'desk',
      }),
    );
    if (startChoice.usage_analytics) await deferred.load();
  }
  applyState(initial);
  // Two frames after the consent arrived: the first render of the console has been painted.
  requestAnimationFrame(() => requestAnimationFrame(() => sentry?.dashboardLoaded()));
  trackUsage({ name: 'Console Started' });
  wireUsageEvents(client, kiosk, trackUsage);
}
