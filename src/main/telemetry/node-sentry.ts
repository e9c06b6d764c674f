// @sentry/node for the headless host (`linewatch serve/demo`) and `linewatch telemetry test`.
// Initialised only once a Sentry category is granted (and a DSN is set); from then on every
// envelope still passes the consent gate at the transport, so a withdrawal applies at once.
// The SDK is loaded only then: it holds ~45 MB of RSS, which the default (no consent) never pays.
import type * as SentrySdk from '@sentry/node';
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

/** Errors kept while the SDK loads; more in those few ms would be a storm Sentry would drop anyway. */
const MAX_WAITING = 20;

const wantsSentry = (gate: ConsentGate): boolean =>
  gate.allows('error_diagnostics') || gate.allows('performance');

export function createNodeSentry(
  options: NodeSentryOptions,
): SentryBackend & { started(): boolean; stop(): void } {
  let started = false;
  let sdk: typeof SentrySdk | null = null;
  let loading: Promise<void> = Promise.resolve();
  // Errors captured while the SDK loads (a few ms after consent) are sent once it is up.
  const waiting: { error: unknown; fault: Parameters<SentryBackend['captureException']>[1] }[] = [];
  const init = (Sentry: typeof SentrySdk): void => {
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
    sdk = Sentry;
    for (const { error, fault } of waiting.splice(0)) capture(error, fault);
  };
  const capture: SentryBackend['captureException'] = (error, fault) => {
    if (!started || !options.gate.allows('error_diagnostics')) return;
    if (sdk === null) {
      if (waiting.length < MAX_WAITING) waiting.push({ error, fault });
      return;
    }
    sdk.captureException(error, {
      fingerprint: faultFingerprint(fault),
      tags: faultTags(options.siteHash(), fault),
    });
  };
  const start = (): void => {
    if (started || !wantsSentry(options.gate)) return;
    started = true;
    loading = import('@sentry/node').then(init, (error: unknown) => {
      // Telemetry must never take the engine down: without the SDK nothing is sent.
      waiting.length = 0;
      process.emitWarning(`Sentry could not be loaded: ${String(error)}`);
    });
  };
  const unsubscribe = options.gate.subscribe(start);
  start();

  return {
    started: () => started,
    stop: unsubscribe,
    captureException: capture,
    startSpan(name, op, run) {
      if (sdk === null || !options.gate.allows('performance')) return run();
      return sdk.startSpan({ name, op }, run);
    },
    flush: (timeoutMs) =>
      started ? loading.then(() => sdk?.flush(timeoutMs) ?? true) : Promise.resolve(true),
    // @sentry/node keeps nothing on disk; in-flight envelopes are re-checked by the gate.
    deleteQueue: () => Promise.resolve(),
  };
}
