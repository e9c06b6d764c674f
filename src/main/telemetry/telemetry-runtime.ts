// The telemetry capability as the composition root sees it: the consent contract handlers, the
// renderer's telemetry config, and the hooks that put performance spans around probe cycles and
// KPI queries and report unexpected handler and probe-engine failures with the manufacturing
// context of the device or line they concern, all through the one process gate.
import {
  ContractFailure,
  type Caller,
  type ContractHandlers,
  type EventName,
  type EventPayload,
} from '../../shared/contract';
import { bucketCount } from '../../shared/telemetry/buckets';
import type { ConsentState, TelemetryConfig } from '../../shared/telemetry/consent';
import {
  createFaultLocator,
  EMPTY_FAULT_SITE,
  type FaultLocator,
  type FaultPlace,
} from '../../shared/telemetry/fault-context';
import { endpointCount, type LinewatchConfig } from '../config';
import { wrapProbeRunner, type ProbeRunner } from '../probes/run-probe';
import type { ConsentStore } from '../store';
import { ConsentLockedError, createConsentService, type ConsentService } from './consent-service';
import { readConsentOverride } from './policy';
import { faultSiteOf } from './fault-site';
import { createNodeSentry } from './node-sentry';
import {
  currentSiteHash,
  installSentryBackend,
  noSentry,
  processConsentGate,
  processScrubber,
  sentryBackend,
  setSiteHash,
} from './process-telemetry';
import { configSensitiveStrings, hashSiteId, machineSensitiveStrings } from './sensitive-strings';
import { osFamily, readTelemetryTargets, type TelemetryTargets } from './telemetry-env';

type TelemetryHandlerName = 'getTelemetryConfig' | 'getConsent' | 'setConsent' | 'forgetMe';
export type TelemetryHandlers = Pick<ContractHandlers, TelemetryHandlerName>;

export interface TelemetryRuntime {
  handlers: TelemetryHandlers;
  consent: ConsentService;
  /** The loaded config changed: new sensitive strings, site hash and endpoint count. */
  configChanged(config: LinewatchConfig): void;
  /** Wraps KPI handlers in spans and reports unexpected failures (never ContractFailures). */
  instrumentHandlers(handlers: ContractHandlers): ContractHandlers;
  instrumentProbe(probe: ProbeRunner): ProbeRunner;
  /** A check of `endpointId` threw (a bug in the probe engine, not a failed probe). */
  reportCheckError(endpointId: string, error: unknown): void;
}

export interface TelemetryRuntimeOptions {
  /** Where the choice is kept (`store.consent`). */
  consentStore: ConsentStore;
  config: LinewatchConfig;
  appVersion: string;
  /** The Electron shell installs @sentry/electron itself; the headless host gets @sentry/node here. */
  host: 'electron' | 'headless';
  now: () => number;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
  targets?: TelemetryTargets;
  /** The device of an alarm, so a fault in an alarm request carries that device's context. */
  endpointOfAlarm?: (alarmId: number) => string | null;
}

const KPI_REQUESTS = new Set<string>([
  'getReport',
  'getShiftHandover',
  'getAvailabilitySeries',
  'getRttSeries',
]);

export function startTelemetryRuntime(options: TelemetryRuntimeOptions): TelemetryRuntime {
  const env = options.env ?? process.env;
  const targets = options.targets ?? readTelemetryTargets(env);
  const { override, warnings } = readConsentOverride(env);
  for (const warning of warnings) options.log(warning);
  let config = options.config;
  let locateFault: FaultLocator = createFaultLocator(EMPTY_FAULT_SITE);

  const applyConfig = (next: LinewatchConfig): void => {
    config = next;
    locateFault = createFaultLocator(faultSiteOf(next));
    setSiteHash(hashSiteId(next.site.id));
    processScrubber.setSensitive([...machineSensitiveStrings(), ...configSensitiveStrings(next)]);
  };
  applyConfig(config);

  if (options.host === 'headless' && targets.sentryDsn !== null && sentryBackend() === noSentry) {
    installSentryBackend(
      createNodeSentry({
        dsn: targets.sentryDsn,
        release: options.appVersion,
        gate: processConsentGate,
        scrubber: processScrubber,
        siteHash: currentSiteHash,
      }),
    );
  }

  const consent = createConsentService({
    store: options.consentStore,
    override,
    gate: processConsentGate,
    appVersion: options.appVersion,
    now: options.now,
    onChange: (state: ConsentState) => options.emit('consentChanged', state),
    deleteSentryQueue: () => sentryBackend().deleteQueue(),
  });

  const configured = targets.sentryDsn !== null || targets.mixpanelToken !== null;
  const telemetryConfig = (): TelemetryConfig => ({
    sentryDsn: targets.sentryDsn,
    mixpanelToken: targets.mixpanelToken,
    mixpanelApiHost: targets.mixpanelApiHost,
    appVersion: options.appVersion,
    osFamily: osFamily(),
    endpointCountBucket: bucketCount(endpointCount(config)),
    siteHash: currentSiteHash(),
    // Only a page that may send anything needs to know what to scrub.
    sensitiveStrings: configured ? [...machineSensitiveStrings(), ...configSensitiveStrings(config)] : [],
    // Only a page that may send errors needs the context to send with them.
    faultSite: targets.sentryDsn !== null ? faultSiteOf(config) : EMPTY_FAULT_SITE,
  });
  const report = (error: unknown, errorKind: string, place: FaultPlace): void => {
    sentryBackend().captureException(error, locateFault(errorKind, place, options.now()));
  };

  const handlers: TelemetryHandlers = {
    getTelemetryConfig: () => telemetryConfig(),
    getConsent: () => consent.state(),
    setConsent: ({ choice }) => {
      try {
        return consent.set(choice);
      } catch (error) {
        if (error instanceof ConsentLockedError) throw new ContractFailure('conflict', error.message);
        throw error;
      }
    },
    forgetMe: () => consent.forgetMe(),
  };

  const instrumentHandlers = (all: ContractHandlers): ContractHandlers => {
    const wrapped: Record<string, unknown> = {};
    type AnyHandler = (request: unknown, caller: Caller) => unknown;
    for (const [name, handler] of Object.entries(all) as [string, AnyHandler][]) {
      wrapped[name] = async (request: unknown, caller: Caller) => {
        const run = (): unknown => handler(request, caller);
        try {
          return await (KPI_REQUESTS.has(name)
            ? sentryBackend().startSpan(`kpi.${name}`, 'kpi.query', run)
            : run());
        } catch (error) {
          if (!(error instanceof ContractFailure))
            report(error, `handler.${name}`, placeOfRequest(request, options.endpointOfAlarm));
          throw error;
        }
      };
    }
    // Same keys and the same request/response types as `all`; only the behaviour is wrapped.
    return wrapped as ContractHandlers;
  };

  const instrumentProbe = (probe: ProbeRunner): ProbeRunner =>
    wrapProbeRunner(probe, (probeConfig, timeoutMs) =>
      sentryBackend().startSpan(`probe.${probeConfig.kind}`, 'probe.cycle', () =>
        probe(probeConfig, timeoutMs),
      ),
    );

  const reportCheckError = (endpointId: string, error: unknown): void => {
    report(error, 'probe_engine', { endpointId });
  };

  // IT's way to see that a running host reports errors (and the e2e test's way to throw one in
  // main): one synthetic error, through the same gate and scrubber as any other.
  if (env.LINEWATCH_TELEMETRY_SELFTEST === '1') {
    setTimeout(() => {
      // Shaped like a real probe fault, naming a real device, so the scrubber is exercised too.
      const line = config.lines[0];
      const endpoint = line?.endpoints[0];
      const probe = endpoint?.probe;
      const target = probe === undefined ? 'none' : 'url' in probe ? probe.url : probe.host;
      report(
        new Error(`Linewatch telemetry self-test: ${endpoint?.name ?? 'no device'} at ${target} unreachable`),
        'selftest',
        endpoint ? { endpointId: endpoint.id } : {},
      );
    }, 500).unref();
  }

  return {
    handlers,
    consent,
    configChanged: applyConfig,
    instrumentHandlers,
    instrumentProbe,
    reportCheckError,
  };
}

/**
 * The device or line a request is about, when it names one (endpoint pages, line pages, ...); an
 * alarm request names its alarm, whose device the store knows (a batch: its first alarm).
 */
function placeOfRequest(
  request: unknown,
  endpointOfAlarm: ((alarmId: number) => string | null) | undefined,
): FaultPlace {
  if (typeof request !== 'object' || request === null) return {};
  const place: FaultPlace = {};
  if ('endpointId' in request && typeof request.endpointId === 'string')
    place.endpointId = request.endpointId;
  const alarmId =
    'alarmId' in request
      ? request.alarmId
      : 'alarmIds' in request && Array.isArray(request.alarmIds)
        ? (request.alarmIds as unknown[])[0]
        : undefined;
  if (place.endpointId === undefined && typeof alarmId === 'number' && endpointOfAlarm) {
    const endpointId = endpointOfAlarm(alarmId);
    if (endpointId !== null) place.endpointId = endpointId;
  }
  if ('lineId' in request && typeof request.lineId === 'string') place.lineId = request.lineId;
  return place;
}
