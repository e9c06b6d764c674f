// One consent gate and one scrubber per main process. The consent service feeds the gate; the
// Sentry SDK of this process (Electron main or Node host), the Mixpanel sender and the contract
// handlers all read it, so there is exactly one answer to "may this leave now?".
import { createConsentGate } from '../../shared/telemetry/consent-gate';
import { createScrubber } from '../../shared/telemetry/scrubber';
import type { FaultContext } from '../../shared/telemetry/sentry-hooks';
import { machineSensitiveStrings } from './sensitive-strings';

export const processConsentGate = createConsentGate();
export const processScrubber = createScrubber({ sensitive: machineSensitiveStrings() });

/** Site hash of the loaded config; set by the telemetry runtime once the config is known. */
let siteHash = 'unknown';
export const currentSiteHash = (): string => siteHash;
export const setSiteHash = (hash: string): void => {
  siteHash = hash;
};

/** What the services need from whichever Sentry SDK this process runs (or none). */
export interface SentryBackend {
  captureException(error: unknown, fault: FaultContext): void;
  startSpan<T>(name: string, op: string, run: () => T): T;
  flush(timeoutMs: number): Promise<boolean>;
  /** Deletes envelopes waiting on disk (the offline queue), called when consent is withdrawn. */
  deleteQueue(): Promise<void>;
}

export const noSentry: SentryBackend = {
  captureException: () => undefined,
  startSpan: (_name, _op, run) => run(),
  flush: () => Promise.resolve(true),
  deleteQueue: () => Promise.resolve(),
};

let backend: SentryBackend = noSentry;
export const sentryBackend = (): SentryBackend => backend;
/** Installed by the host (CLI serve or Electron shell) before the services start. */
export function installSentryBackend(next: SentryBackend): void {
  backend = next;
}
