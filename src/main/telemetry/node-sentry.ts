// @sentry/node for the headless host (`linewatch serve/demo`) and `linewatch telemetry test`.
// Initialised only once a Sentry category is granted (and a DSN is set); from then on every
// envelope still passes the consent gate at the transport, so a withdrawal applies at once.
import * as Sentry from '@sentry/node';
import { gateTransport } from '../../shared/telemetry/envelope-gate';
import { faultFingerprint, faultTags, sentryPrivacyHooks } from '../../shared/telemetry/sentry-hooks';
import type { ConsentGate } from '../../shared/telemetry/consent-gate';
import type { Scrubber } from '../../shared/telemetry/scrubber';
import type { SentryBackend } from './process-telemetry';

export interface NodeSentryOptions {
  dsn: string;
  release: string;
  gate: ConsentGate;
  scrubber: Scrubber;
  siteHash: () => string;
}

const wantsSentry = (gate: ConsentGate): boolean =>
  gate.allows('error_diagnostics') || gate.allows('performance');

export function createNodeSentry(
  options: NodeSentryOptions,
): SentryBackend & { started(): boolean; stop(): void } {
  let started = false;
  const start = (): void => {
    if (started || !wantsSentry(options.gate)) return;
    started = true;
    Sentry.init({
      dsn: options.dsn,
      release: `linewatch@${options.release}`,
      environment: 'production',
      // The OS hostname would otherwise be sent as server_name.
      serverName: 'linewatch-host',
      ...sentryPrivacyHooks(options.gate, options.scrubber, options.siteHash),
      // No automatic instrumentation: probes talk to plant devices, and http/fetch instrumentation
      // would turn every probe into a breadcrumb or span naming a device.
      defaultIntegrations: false,
      integrations: [
        Sentry.eventFiltersIntegration(),
        Sentry.functionToStringIntegration(),
        Sentry.linkedErrorsIntegration(),
        Sentry.dedupeIntegration(),
        Sentry.onUnhandledRejectionIntegration({ mode: 'warn' }),
      ],
      sendClientReports: false,
      transport: gateTransport(Sentry.makeNodeTransport, options.gate, {}),
    });
  };
  const unsubscribe = options.gate.subscribe(start);
  start();

  return {
    started: () => started,
    stop: unsubscribe,
    captureException(error, fault) {
      if (!started || !options.gate.allows('error_diagnostics')) return;
      Sentry.captureException(error, {
        fingerprint: faultFingerprint(fault),
        tags: faultTags(options.siteHash(), fault),
      });
    },
    startSpan(name, op, run) {
      if (!started || !options.gate.allows('performance')) return run();
      return Sentry.startSpan({ name, op }, run);
    },
    flush: (timeoutMs) => (started ? Sentry.flush(timeoutMs) : Promise.resolve(true)),
    // @sentry/node keeps nothing on disk; in-flight envelopes are re-checked by the gate.
    deleteQueue: () => Promise.resolve(),
  };
}
