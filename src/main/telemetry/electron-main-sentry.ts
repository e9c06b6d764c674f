// The Electron main process's Sentry settings, kept free of `electron` imports so they are plain,
// testable data: the shell (src/main/electron/sentry-main.ts) hands them to @sentry/electron.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { faultFingerprint, faultTags, sentryPrivacyHooks } from '../../shared/telemetry/sentry-hooks';
import {
  currentSiteHash,
  processConsentGate,
  processScrubber,
  type SentryBackend,
} from './process-telemetry';

/**
 * Default integrations the app never runs. Native crash dumps hold raw memory (hostnames, config
 * text) that no scrubber can clean; net, fetch and console breadcrumbs would name plant devices;
 * local variables and screenshots could show anything; renderers use their own browser SDK, so
 * no preload needs injecting.
 */
export const EXCLUDED_ELECTRON_INTEGRATIONS: ReadonlySet<string> = new Set([
  'SentryMinidump',
  'ElectronMinidump',
  'ElectronNet',
  'NodeFetch',
  'Http',
  'Console',
  'LocalVariables',
  'ContextLines',
  'Screenshots',
  'PreloadInjection',
  'RendererEventLoopBlock',
]);

/** Unsent envelopes wait here; deleted when error or performance consent is withdrawn. */
export const sentryQueuePath = (userDataDir: string): string =>
  join(userDataDir, 'telemetry', 'sentry-queue');

export function electronMainSentryOptions(input: { dsn: string; release: string; queuePath: string }) {
  return {
    dsn: input.dsn,
    release: `linewatch@${input.release}`,
    environment: 'production',
    ...sentryPrivacyHooks(processConsentGate, processScrubber, currentSiteHash),
    transportOptions: { queuePath: input.queuePath },
    integrations: <I extends { name: string }>(defaults: I[]): I[] =>
      defaults.filter((integration) => !EXCLUDED_ELECTRON_INTEGRATIONS.has(integration.name)),
  };
}

/** The subset of @sentry/electron/main the services use, as a SentryBackend. */
export interface ElectronSentryApi {
  captureException(error: unknown, hint: { fingerprint: string[]; tags: Record<string, string> }): unknown;
  startSpan<T>(context: { name: string; op: string }, run: () => T): T;
  flush(timeoutMs?: number): PromiseLike<boolean>;
}

export function electronSentryBackend(api: ElectronSentryApi, queuePath: string): SentryBackend {
  return {
    captureException(error, fault) {
      if (!processConsentGate.allows('error_diagnostics')) return;
      api.captureException(error, {
        fingerprint: faultFingerprint(fault),
        tags: faultTags(currentSiteHash(), fault),
      });
    },
    startSpan: (name, op, run) =>
      processConsentGate.allows('performance') ? api.startSpan({ name, op }, run) : run(),
    flush: async (timeoutMs) => api.flush(timeoutMs),
    deleteQueue: () => rm(queuePath, { recursive: true, force: true }),
  };
}
