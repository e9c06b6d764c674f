// `/metrics` in the Prometheus exposition format, on a registry of its own (never prom-client's
// global one, which any library in the process could fill). Gauges are computed at scrape time
// from the live state (scrape-gauges.ts); counters and histograms are fed by the check stream.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { LinewatchConfig } from '../config';
import {
  CHECK_DURATION_BUCKETS_S,
  CHECK_RESULTS,
  COMMIT_DURATION_BUCKETS_S,
  RTT_BUCKETS_S,
  type MetricsFeed,
} from './metrics-feed';
import { ENDPOINT_LABEL_NAMES, metricLabelsOf, type EndpointLabels } from './metric-labels';
import {
  DOWNTIME_COST,
  SCRAPE_GAUGES,
  readScrapeInput,
  type ScrapeInput,
  type ScrapeSources,
} from './scrape-gauges';

export interface PrometheusMetrics {
  feed: MetricsFeed;
  /** The exposition text of one scrape and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

interface EndpointSeries {
  labels: EndpointLabels;
  checks: Record<(typeof CHECK_RESULTS)[number], Counter.Internal>;
  outages: Counter.Internal;
  rtt: Histogram.Internal<string>;
}

export function createPrometheusMetrics(
  sources: ScrapeSources,
  build: { version: string; host: string },
): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  // Node's own figures (resident memory, heap, event loop lag, GC) as every exporter has them.
  collectDefaultMetrics({ register: registry });

  // One scrape reads the live state once; every gauge's collect() of that scrape uses it.
  let input: ScrapeInput | null = null;
  const current = (): ScrapeInput => {
    input ??= readScrapeInput(sources);
    return input;
  };
  for (const definition of [...SCRAPE_GAUGES, DOWNTIME_COST]) {
    const isCounter = definition === DOWNTIME_COST;
    const collect = function (this: Gauge | Counter): void {
      this.reset();
      for (const sample of definition.samples(current())) {
        if (this instanceof Gauge) this.set(sample.labels, sample.value);
        else this.inc(sample.labels, sample.value);
      }
    };
    const options = {
      name: definition.name,
      help: definition.help,
      labelNames: definition.labelNames,
      registers,
    };
    if (isCounter) new Counter({ ...options, collect });
    else new Gauge({ ...options, collect });
  }
  new Gauge({
    name: 'linewatch_build_info',
    help: 'The running Linewatch: version and host (headless or electron); always 1.',
    labelNames: ['version', 'host', 'node'],
    registers,
  }).set({ version: build.version, host: build.host, node: process.versions.node }, 1);

  const checks = new Counter({
    name: 'linewatch_checks_total',
    help: 'Checks of the endpoint by result (ok or failed).',
    labelNames: [...ENDPOINT_LABEL_NAMES, 'result'],
    registers,
  });
  const outages = new Counter({
    name: 'linewatch_outages_total',
    help: 'Outages of the endpoint that began while this process ran.',
    labelNames: ENDPOINT_LABEL_NAMES,
    registers,
  });
  const rtt = new Histogram({
    name: 'linewatch_endpoint_rtt_seconds',
    help: 'Round-trip time of successful checks.',
    labelNames: ENDPOINT_LABEL_NAMES,
    buckets: RTT_BUCKETS_S,
    registers,
  });
  const checkDuration = new Histogram({
    name: 'linewatch_check_duration_seconds',
    help: 'How long a whole check took (probe kind), timeouts included.',
    labelNames: ['site', 'kind'],
    buckets: CHECK_DURATION_BUCKETS_S,
    registers,
  });
  const commitDuration = new Histogram({
    name: 'linewatch_commit_duration_seconds',
    help: "How long the engine's write transaction took.",
    labelNames: ['site'],
    buckets: COMMIT_DURATION_BUCKETS_S,
    registers,
  });

  // Children per endpoint, so a check costs no label hashing. A reload that drops or moves an
  // endpoint removes its old series: a deleted device must not stay in Prometheus forever.
  let seriesConfig: LinewatchConfig | null = null;
  let series = new Map<string, EndpointSeries>();
  const seriesOf = (endpointId: string): EndpointSeries | undefined => {
    const config = sources.config();
    const { endpoints } = metricLabelsOf(config);
    if (config !== seriesConfig) {
      seriesConfig = config;
      const kept = new Map<string, EndpointSeries>();
      for (const [id, entry] of series) {
        if (sameLabels(endpoints.get(id)?.labels, entry.labels)) {
          kept.set(id, entry);
          continue;
        }
        for (const result of CHECK_RESULTS) checks.remove({ ...entry.labels, result });
        outages.remove(entry.labels);
        rtt.remove(entry.labels);
      }
      series = kept;
    }
    const existing = series.get(endpointId);
    if (existing) return existing;
    const labels = endpoints.get(endpointId)?.labels;
    if (!labels) return undefined;
    const created: EndpointSeries = {
      labels,
      checks: {
        ok: checks.labels({ ...labels, result: 'ok' }),
        failed: checks.labels({ ...labels, result: 'failed' }),
      },
      outages: outages.labels(labels),
      rtt: rtt.labels(labels),
    };
    // Zero from the start, so rate() and increase() see the first check and the first outage.
    created.checks.ok.inc(0);
    created.checks.failed.inc(0);
    created.outages.inc(0);
    series.set(endpointId, created);
    return created;
  };

  const feed: MetricsFeed = {
    check(endpoint, result, durationMs) {
      const entry = seriesOf(endpoint.id);
      if (!entry) return;
      entry.checks[result.ok ? 'ok' : 'failed'].inc();
      if (result.ok) entry.rtt.observe(result.rttMs / 1000);
      checkDuration.observe({ site: entry.labels.site, kind: endpoint.probe.kind }, durationMs / 1000);
    },
    outageOpened(endpointId) {
      seriesOf(endpointId)?.outages.inc();
    },
    committed(durationMs) {
      commitDuration.observe({ site: sources.config().site.id }, durationMs / 1000);
    },
  };

  return {
    feed,
    async scrape() {
      input = null;
      try {
        const body = await registry.metrics();
        return { contentType: registry.contentType, body };
      } finally {
        input = null;
      }
    },
  };
}

function sameLabels(a: EndpointLabels | undefined, b: EndpointLabels): boolean {
  return (
    a !== undefined &&
    a.site === b.site &&
    a.line === b.line &&
    a.endpoint === b.endpoint &&
    a.type === b.type &&
    a.critical === b.critical
  );
}
