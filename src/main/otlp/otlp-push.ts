// The OTLP metrics push: the instruments of /metrics through the OpenTelemetry SDK, exported as
// OTLP/HTTP (JSON) to `otlp.endpoint` every 30 s, for plants whose monitoring runs on an
// OpenTelemetry collector instead of a Prometheus that scrapes.
import type { Attributes, Observable } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  MeterProvider,
  PeriodicExportingMetricReader,
  type PushMetricExporter,
} from '@opentelemetry/sdk-metrics';
import type { OtlpConfig } from '../config';
import {
  CHECK_DURATION_BUCKETS_S,
  COMMIT_DURATION_BUCKETS_S,
  RTT_BUCKETS_S,
  type MetricsFeed,
} from '../metrics/metrics-feed';
import { metricLabelsOf } from '../metrics/metric-labels';
import {
  allLabels,
  DOWNTIME_COST,
  SCRAPE_GAUGES,
  readScrapeInput,
  type GaugeDefinition,
  type ScrapeSources,
} from '../metrics/scrape-gauges';
import { otlpHeadersFromEnv } from './otlp-headers';

export const OTLP_EXPORT_INTERVAL_MS = 30_000;
/** A collector that stays unreachable is logged once per this, and again when it answers. */
const FAILURE_LOG_EVERY_MS = 10 * 60_000;
const STOP_EXPORT_WAIT_MS = 1500;

/**
 * The SDK reports failed exports only to its diagnostics logger (silent by default): this says in
 * the Linewatch log that the push is failing (a failed result carries its error), and when it
 * works again. Only `export` is wrapped; temporality and aggregation stay the exporter's own.
 */
function logFailures<E extends PushMetricExporter>(
  exporter: E,
  endpoint: string,
  log: (line: string) => void,
): E {
  let failing = false;
  let lastLogged = 0;
  const exportBatch = exporter.export.bind(exporter);
  exporter.export = (metrics, resultCallback) =>
    exportBatch(metrics, (result) => {
      const now = Date.now();
      if (result.error === undefined) {
        if (failing) log(`OTLP push to ${endpoint} works again`);
        failing = false;
      } else {
        failing = true;
        if (now - lastLogged >= FAILURE_LOG_EVERY_MS) {
          lastLogged = now;
          log(`OTLP push to ${endpoint} failed: ${result.error.message}`);
        }
      }
      resultCallback(result);
    });
  return exporter;
}

export interface OtlpPush {
  feed: MetricsFeed;
  /** Export now (tests, and the last figures before a stop). */
  flush(): Promise<void>;
  stop(): Promise<void>;
}

export function startOtlpPush(options: {
  config: OtlpConfig;
  sources: ScrapeSources;
  build: { version: string; host: string };
  env?: NodeJS.ProcessEnv;
  exportIntervalMs?: number;
  log: (line: string) => void;
}): OtlpPush {
  const { sources } = options;
  const exporter = logFailures(
    new OTLPMetricExporter({
      url: options.config.endpoint,
      headers: otlpHeadersFromEnv(options.config.headersEnv, options.env),
    }),
    options.config.endpoint,
    options.log,
  );
  const interval = options.exportIntervalMs ?? OTLP_EXPORT_INTERVAL_MS;
  const reader = new PeriodicExportingMetricReader({
    exporter,
    exportIntervalMillis: interval,
    exportTimeoutMillis: Math.min(10_000, interval),
  });
  const provider = new MeterProvider({
    resource: resourceFromAttributes({
      'service.name': 'linewatch',
      'service.version': options.build.version,
      'service.instance.id': sources.config().site.id,
    }),
    readers: [reader],
  });
  // Not registered as the global provider: it is only for Linewatch's own instruments.
  const meter = provider.getMeter('linewatch', options.build.version);

  const observed = new Map<GaugeDefinition, Observable>();
  for (const definition of SCRAPE_GAUGES) {
    observed.set(definition, meter.createObservableGauge(definition.name, { description: definition.help }));
  }
  observed.set(
    DOWNTIME_COST,
    meter.createObservableCounter(DOWNTIME_COST.name, { description: DOWNTIME_COST.help }),
  );
  const buildInfo = meter.createObservableGauge('linewatch_build_info', {
    description: 'The running Linewatch: version and host; always 1.',
  });
  meter.addBatchObservableCallback(
    (result) => {
      const input = readScrapeInput(sources);
      for (const [definition, instrument] of observed) {
        for (const sample of definition.samples(input)) {
          // OTLP has no "unknown" gauge point: an endpoint without a state is left out.
          if (!Number.isNaN(sample.value)) result.observe(instrument, sample.value, allLabels(sample));
        }
      }
      result.observe(buildInfo, 1, { version: options.build.version, host: options.build.host });
    },
    [...observed.values(), buildInfo],
  );

  const checks = meter.createCounter('linewatch_checks_total', {
    description: 'Checks of the endpoint by result (ok or failed).',
  });
  const outages = meter.createCounter('linewatch_outages_total', {
    description: 'Outages of the endpoint that began while this process ran.',
  });
  const rtt = meter.createHistogram('linewatch_endpoint_rtt_seconds', {
    description: 'Round-trip time of successful checks.',
    unit: 's',
    advice: { explicitBucketBoundaries: RTT_BUCKETS_S },
  });
  const checkDuration = meter.createHistogram('linewatch_check_duration_seconds', {
    description: 'How long a whole check took (probe kind), timeouts included.',
    unit: 's',
    advice: { explicitBucketBoundaries: CHECK_DURATION_BUCKETS_S },
  });
  const commitDuration = meter.createHistogram('linewatch_commit_duration_seconds', {
    description: "How long the engine's write transaction took.",
    unit: 's',
    advice: { explicitBucketBoundaries: COMMIT_DURATION_BUCKETS_S },
  });
  const labelsOf = (endpointId: string): Attributes | undefined =>
    metricLabelsOf(sources.config()).endpoints.get(endpointId)?.labels;

  const feed: MetricsFeed = {
    check(endpoint, result, durationMs) {
      const labels = labelsOf(endpoint.id);
      if (!labels) return;
      checks.add(1, { ...labels, result: result.ok ? 'ok' : 'failed' });
      if (result.ok) rtt.record(result.rttMs / 1000, labels);
      checkDuration.record(durationMs / 1000, { site: labels.site, kind: endpoint.probe.kind });
    },
    outageOpened(endpointId) {
      const labels = labelsOf(endpointId);
      if (labels) outages.add(1, labels);
    },
    committed(durationMs) {
      commitDuration.record(durationMs / 1000, { site: sources.config().site.id });
    },
  };
  options.log(
    `pushing metrics over OTLP to ${options.config.endpoint} every ${Math.round(interval / 1000)} s`,
  );

  return {
    feed,
    flush: () => provider.forceFlush(),
    async stop() {
      // The last export is tried, but a collector that does not answer must not hold up a stop
      // that closes the database within `serve`'s five seconds.
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, STOP_EXPORT_WAIT_MS);
        timer.unref();
      });
      try {
        await Promise.race([provider.shutdown(), giveUp]);
      } catch (error) {
        options.log(`OTLP push: the last export failed: ${String(error)}`);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
