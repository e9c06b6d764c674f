import { describe, expect, it } from 'vitest';
// The headless host's page policy: its connect-src also names ws: and wss:.
import { HEADLESS_CONTENT_SECURITY_POLICY as CONTENT_SECURITY_POLICY } from '@src/main/host/content-security-policy';
import { hostOf, readTelemetryTargets, withTelemetryConnectSrc } from '@src/main/telemetry/telemetry-env';

describe('telemetry targets', () => {
  it('are off without variables and never invent a DSN or token', () => {
    expect(readTelemetryTargets({})).toEqual({ sentryDsn: null, mixpanelToken: null, mixpanelApiHost: null });
    expect(withTelemetryConnectSrc(CONTENT_SECURITY_POLICY, readTelemetryTargets({}))).toBe(
      CONTENT_SECURITY_POLICY,
    );
  });

  it('add only the configured origins to connect-src', () => {
    const targets = readTelemetryTargets({
      LINEWATCH_SENTRY_DSN: 'https://key@o1.ingest.sentry.io/42',
      LINEWATCH_MIXPANEL_TOKEN: 'tok',
      LINEWATCH_MIXPANEL_API_HOST: 'https://api-eu.mixpanel.com',
    });
    const csp = withTelemetryConnectSrc(CONTENT_SECURITY_POLICY, targets);
    expect(csp).toContain(
      "connect-src 'self' ws: wss: https://o1.ingest.sentry.io https://api-eu.mixpanel.com;",
    );
    expect(csp).not.toContain('key@');
    expect(hostOf('https://key@o1.ingest.sentry.io/42')).toBe('o1.ingest.sentry.io');
  });
});
