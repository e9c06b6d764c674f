// @sentry/electron in the main process: its settings, the backend the services report through, and
// the start. Initialised before `ready` (the SDK requires it) when a DSN is configured; consent is
// not known yet at that point (the database opens after `ready`), so nothing is decided here: every
// envelope passes the process consent gate twice, in front of the offline queue (nothing
// unconsented is ever written to disk) and again before the network (a queued envelope is not sent
// after a withdrawal). The SDK is loaded only here, in the shell, because it loads `electron`.
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gateTransport } from '../../shared/telemetry/envelope-gate';
import { faultFingerprint, faultTags, sentryPrivacyHooks } from '../../shared/telemetry/sentry-hooks';
import {
  currentSiteHash,
  installSentryBackend,
  processConsentGate,
  processScrubber,
  type SentryBackend,
} from '../telemetry/process-telemetry';
import { readTelemetryTargets } from '../telemetry/telemetry-env';

/**
 * Default integrations the app never runs. Native crash dumps hold raw memory (hostnames, config
 * text) that no scrubber can clean; net, fetch and console breadcrumbs would name plant devices;
 * local variables and screenshots could show anything; renderers use their own browser SDK, so
 * no preload needs injecting.
 */
const EXCLUDED_ELECTRON_INTEGRATIONS: ReadonlySet<string> = new Set([
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
const sentryQueuePath = (userDataDir: string): string => join(userDataDir, 'telemetry', 'sentry-queue');

function electronMainSentryOptions(input: { dsn: string; release: string; queuePath: string }) {
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
interface ElectronSentryApi {
  captureException(error: unknown, hint: { fingerprint: string[]; tags: Record<string, string> }): unknown;
  startSpan<T>(context: { name: string; op: string }, run: () => T): T;
  flush(timeoutMs?: number): PromiseLike<boolean>;
}

function electronSentryBackend(api: ElectronSentryApi, queuePath: string): SentryBackend {
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

type SentryMainSdk = typeof import('@sentry/electron/main');

// Node's own require, so the SDK (and the `electron` it needs) is only loaded when a DSN is set.
const loadSentryMain = (): SentryMainSdk =>
  createRequire(import.meta.url)('@sentry/electron/main') as SentryMainSdk;

/** Returns false when no DSN is set: then the SDK is never loaded and telemetry is off. */
export function startElectronMainSentry(
  userDataDir: string,
  release: string,
  env: NodeJS.ProcessEnv = process.env,
  load: () => Pick<
    SentryMainSdk,
    | 'init'
    | 'makeElectronTransport'
    | 'makeElectronOfflineTransport'
    | 'captureException'
    | 'startSpan'
    | 'flush'
  > = loadSentryMain,
): boolean {
  const dsn = readTelemetryTargets(env).sentryDsn;
  if (dsn === null) return false;
  // Loaded synchronously: it must be initialised before this returns (before `ready`, before our
  // scheme is registered, since the SDK wraps registerSchemesAsPrivileged).
  const SentryMain = load();
  const queuePath = sentryQueuePath(userDataDir);
  const online = gateTransport(SentryMain.makeElectronTransport, processConsentGate, {});
  SentryMain.init({
    ...electronMainSentryOptions({ dsn, release, queuePath }),
    transport: gateTransport(SentryMain.makeElectronOfflineTransport(online), processConsentGate, {}),
  });
  installSentryBackend(electronSentryBackend(SentryMain, queuePath));
  return true;
}
