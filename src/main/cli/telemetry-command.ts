// `linewatch telemetry test --config FILE --data DIR`: proves the telemetry path end to end. With
// consent (stored, environment or policy) it sends one test error to Sentry and one test event to
// Mixpanel and names the host each went to; without consent it sends nothing and says so.
import { grantedCategories } from '../../shared/telemetry/consent';
import { superProperties } from '../../shared/telemetry/usage-events';
import { bucketCount } from '../../shared/telemetry/buckets';
import { formatIssue, loadConfigFile } from '../config';
import { APP_VERSION } from '../app/app-version';
import { openStore } from '../store';
import { createConsentService } from '../telemetry/consent-service';
import { trackMixpanelEvent } from '../telemetry/mixpanel-http';
import { createNodeSentry } from '../telemetry/node-sentry';
import { readConsentOverride } from '../telemetry/policy';
import {
  currentSiteHash,
  processConsentGate,
  processScrubber,
  setSiteHash,
} from '../telemetry/process-telemetry';
import { configSensitiveStrings, hashSiteId, machineSensitiveStrings } from '../telemetry/sensitive-strings';
import { hostOf, osFamily, readTelemetryTargets } from '../telemetry/telemetry-env';
import { parseArgs } from 'node:util';
import { EXIT_BAD_INPUT, EXIT_OK, UsageError, type CliIo } from './cli-io';

export interface TelemetryTestOptions {
  configPath: string;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
}

/** `telemetry test --config FILE --data DIR` (the only subcommand so far). */
export function parseTelemetryArgs(args: string[]): TelemetryTestOptions {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { config: { type: 'string' }, data: { type: 'string' } },
  });
  if (positionals.length !== 1 || positionals[0] !== 'test' || !values.config || !values.data) {
    throw new UsageError('telemetry: expected test --config FILE --data DIR');
  }
  return { configPath: values.config, dataDir: values.data };
}

export async function runTelemetryTest(options: TelemetryTestOptions, io: CliIo): Promise<number> {
  const env = options.env ?? process.env;
  const loaded = loadConfigFile(options.configPath);
  if (!loaded.ok) {
    for (const issue of loaded.issues) io.stderr(formatIssue(issue));
    return EXIT_BAD_INPUT;
  }
  const config = loaded.config;
  setSiteHash(hashSiteId(config.site.id));
  processScrubber.setSensitive([...machineSensitiveStrings(), ...configSensitiveStrings(config)]);

  const { override, warnings } = readConsentOverride(env);
  for (const warning of warnings) io.stderr(warning);
  const store = openStore(options.dataDir);
  try {
    // Feeds the process gate exactly as the running app would.
    createConsentService({
      store: store.consent,
      override,
      gate: processConsentGate,
      appVersion: APP_VERSION,
      now: Date.now,
      onChange: () => undefined,
      deleteSentryQueue: () => Promise.resolve(),
    });
  } finally {
    store.close();
  }

  const targets = readTelemetryTargets(env);
  if (targets.sentryDsn === null && targets.mixpanelToken === null) {
    io.stderr(
      'telemetry is not configured (set LINEWATCH_SENTRY_DSN and/or LINEWATCH_MIXPANEL_TOKEN); nothing sent',
    );
    return EXIT_BAD_INPUT;
  }
  const sentryWanted = targets.sentryDsn !== null && processConsentGate.allows('error_diagnostics');
  const mixpanelWanted = targets.mixpanelToken !== null && processConsentGate.allows('usage_analytics');
  if (!sentryWanted && !mixpanelWanted) {
    const granted = grantedCategories(processConsentGate.current());
    io.stderr(
      `consent missing: nothing sent (granted: ${granted.length > 0 ? granted.join(', ') : 'none'}; ` +
        'needed: error_diagnostics for Sentry, usage_analytics for Mixpanel)',
    );
    return EXIT_BAD_INPUT;
  }

  let failed = false;
  if (targets.sentryDsn !== null) {
    if (sentryWanted) {
      const sentry = createNodeSentry({
        dsn: targets.sentryDsn,
        release: APP_VERSION,
        gate: processConsentGate,
        scrubber: processScrubber,
        siteHash: currentSiteHash,
      });
      sentry.captureException(new Error('Linewatch telemetry test error'), { errorKind: 'telemetry_test' });
      if (await sentry.flush(10_000))
        io.stdout(`sent a test error to Sentry at ${hostOf(targets.sentryDsn)}`);
      else {
        failed = true;
        io.stderr(`could not deliver the test error to Sentry at ${hostOf(targets.sentryDsn)}`);
      }
    } else io.stdout('Sentry: consent for error_diagnostics missing; nothing sent');
  }
  if (targets.mixpanelToken !== null && targets.mixpanelApiHost !== null) {
    if (mixpanelWanted) {
      const endpoints = config.lines.reduce((n, line) => n + line.endpoints.length, 0);
      try {
        const result = await trackMixpanelEvent({
          apiHost: targets.mixpanelApiHost,
          token: targets.mixpanelToken,
          event: 'Telemetry Test',
          properties: superProperties({
            appVersion: APP_VERSION,
            osFamily: osFamily(),
            endpointCountBucket: bucketCount(endpoints),
            mode: 'desk',
          }),
          scrubber: processScrubber,
        });
        if (!result.ok) throw new Error(`HTTP ${result.status}`);
        io.stdout(`sent a test event to Mixpanel at ${hostOf(targets.mixpanelApiHost)}`);
      } catch (error) {
        failed = true;
        io.stderr(
          `could not deliver the test event to Mixpanel at ${hostOf(targets.mixpanelApiHost)}: ${(error as Error).message}`,
        );
      }
    } else io.stdout('Mixpanel: consent for usage_analytics missing; nothing sent');
  }
  return failed ? EXIT_BAD_INPUT : EXIT_OK;
}
