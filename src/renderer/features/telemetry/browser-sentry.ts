// @sentry/browser in the renderer (in a browser and in the Electron window alike), started only
// once error or performance consent is granted and a DSN is configured; every envelope still
// passes the consent gate at the transport, so a withdrawal applies to the very next one.
import * as Sentry from '@sentry/browser';
import type { ConsentGate } from '../../../shared/telemetry/consent-gate';
import { gateTransport } from '../../../shared/telemetry/envelope-gate';
import type { FaultContext } from '../../../shared/telemetry/fault-context';
import type { Scrubber } from '../../../shared/telemetry/scrubber';
import { rendererErrorKind } from '../../../shared/telemetry/route-fault-place';
import { faultFingerprint, faultTags, sentryPrivacyHooks } from '../../../shared/telemetry/sentry-hooks';

export interface BrowserSentry {
  /** Ends the `dashboard.load` span (sent only under `performance`). */
  dashboardLoaded(): void;
}

export function startBrowserSentry(
  options: {
    dsn: string;
    release: string;
    siteHash: string;
    /** The manufacturing context of an error of this kind, now (page, config and shift of the moment). */
    faultContext: (errorKind: string) => FaultContext;
  },
  gate: ConsentGate,
  scrubber: Scrubber,
): BrowserSentry {
  // start() sets it; `as boolean` keeps TypeScript from narrowing it to false after the call.
  let started = false as boolean;
  let loadSpan: ReturnType<typeof Sentry.startInactiveSpan> | null = null;
  const start = (): void => {
    if (started || !(gate.allows('error_diagnostics') || gate.allows('performance'))) return;
    started = true;
    Sentry.init({
      dsn: options.dsn,
      release: `linewatch@${options.release}`,
      environment: 'production',
      ...sentryPrivacyHooks(gate, scrubber, () => options.siteHash),
      // Uncaught errors only: no fetch/XHR/navigation breadcrumbs (URLs), no DOM click trails.
      defaultIntegrations: false,
      integrations: [
        Sentry.eventFiltersIntegration(),
        Sentry.functionToStringIntegration(),
        Sentry.browserApiErrorsIntegration(),
        Sentry.globalHandlersIntegration(),
        Sentry.linkedErrorsIntegration(),
        Sentry.dedupeIntegration(),
      ],
      sendClientReports: false,
      transport: gateTransport(Sentry.makeFetchTransport, gate, {}),
    });
    Sentry.setTag('process', 'renderer');
    // Before the privacy hooks (beforeSend runs after every processor), so the context is scrubbed too.
    Sentry.addEventProcessor((event, hint) => {
      if (event.type !== undefined) return event; // transactions and other non-errors
      const fault = options.faultContext(rendererErrorKind(hint.originalException));
      return {
        ...event,
        fingerprint: faultFingerprint(fault),
        tags: { ...event.tags, ...faultTags(options.siteHash, fault) },
      };
    });
  };
  gate.subscribe(start);
  start();
  if (started && gate.allows('performance')) {
    // From navigation start, so the span covers bundle load and the first render.
    loadSpan = Sentry.startInactiveSpan({
      name: 'dashboard.load',
      op: 'ui.load',
      startTime: performance.timeOrigin / 1000,
    });
  }
  return {
    dashboardLoaded() {
      loadSpan?.end();
      loadSpan = null;
    },
  };
}
