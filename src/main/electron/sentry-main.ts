// @sentry/electron in the main process. Initialised before `ready` (the SDK requires it) when a
// DSN is configured; consent is not known yet at that point (the database opens after `ready`), so
// nothing is decided here: every envelope passes the process consent gate twice, in front of the
// offline queue (nothing unconsented is ever written to disk) and again before the network (a
// queued envelope is not sent after a withdrawal).
import { createRequire } from 'node:module';
import { gateTransport } from '../../shared/telemetry/envelope-gate';
import {
  electronMainSentryOptions,
  electronSentryBackend,
  sentryQueuePath,
} from '../telemetry/electron-main-sentry';
import { installSentryBackend, processConsentGate } from '../telemetry/process-telemetry';
import { readTelemetryTargets } from '../telemetry/telemetry-env';

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
