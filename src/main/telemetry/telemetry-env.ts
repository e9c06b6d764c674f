// Where telemetry would go, from the environment only: no DSN, token or host is ever compiled in.
// With neither a DSN nor a token, telemetry is off whatever the consent.
import { OS_FAMILIES } from '../../shared/telemetry/consent';

export interface TelemetryTargets {
  sentryDsn: string | null;
  mixpanelToken: string | null;
  mixpanelApiHost: string | null;
}

const nonEmpty = (value: string | undefined): string | null =>
  value !== undefined && value.trim() !== '' ? value.trim() : null;

export function readTelemetryTargets(env: NodeJS.ProcessEnv = process.env): TelemetryTargets {
  const token = nonEmpty(env.LINEWATCH_MIXPANEL_TOKEN);
  return {
    sentryDsn: nonEmpty(env.LINEWATCH_SENTRY_DSN),
    mixpanelToken: token,
    // Without a token there is nothing to send to a host; with one, Mixpanel's EU/US default.
    mixpanelApiHost:
      token === null ? null : (nonEmpty(env.LINEWATCH_MIXPANEL_API_HOST) ?? 'https://api-js.mixpanel.com'),
  };
}

/** The origins the renderer may connect to for telemetry, for the page's CSP connect-src. */
export function telemetryOrigins(targets: TelemetryTargets): string[] {
  const origins = new Set<string>();
  for (const raw of [targets.sentryDsn, targets.mixpanelApiHost]) {
    if (raw === null) continue;
    try {
      origins.add(new URL(raw).origin);
    } catch {
      // An unparsable DSN or host is simply not allowed to be reached.
    }
  }
  return [...origins];
}

/**
 * Adds the configured telemetry origins to a CSP's connect-src; unchanged when none are
 * configured, so an unconfigured page cannot reach anything new.
 */
export function withTelemetryConnectSrc(
  csp: string,
  targets: TelemetryTargets = readTelemetryTargets(),
): string {
  const origins = telemetryOrigins(targets);
  if (origins.length === 0) return csp;
  return csp
    .split('; ')
    .map((directive) =>
      directive.startsWith('connect-src ') ? `${directive} ${origins.join(' ')}` : directive,
    )
    .join('; ');
}

/** A configured host, without credentials or path: what the CLI may print. */
export function hostOf(raw: string): string {
  try {
    return new URL(raw).host;
  } catch {
    return '(invalid URL)';
  }
}

export function osFamily(platform: NodeJS.Platform = process.platform): (typeof OS_FAMILIES)[number] {
  if (platform === 'win32') return 'windows';
  if (platform === 'darwin') return 'macos';
  if (platform === 'linux') return 'linux';
  return 'other';
}
