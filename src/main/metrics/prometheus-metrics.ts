// `/metrics` in the Prometheus text format. Gauges are computed at scrape time from the live state
// (scrape-gauges.ts); counters and histograms are fed by the check stream. The families with a
// series per endpoint are written by exposition.ts (escaped once per config, not once per scrape);
// the process figures, build info and engine durations come from prom-client, on a registry of
// its own (never prom-client's global one, which any library in the process could fill).
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { EndpointCounters } from './endpoint-counters';
import { ExpositionWriter, seriesPrefix } from './exposition';
import { CHECK_DURATION_BUCKETS_S, COMMIT_DURATION_BUCKETS_S, type MetricsFeed } from './metrics-feed';
import { DOWNTIME_COST, SCRAPE_GAUGES, readScrapeInput, type ScrapeSources } from './scrape-gauges';

export interface PrometheusMetrics {
  feed: MetricsFeed;
  /** The exposition text of one scrape and its content type. */
  scrape(): Promise<{ contentType: string; body: string }>;
}

export function createPrometheusMetrics(
  sources: ScrapeSources,
  build: { version: string; host: string },
): PrometheusMetrics {
  const registry = new Registry();
  const registers = [registry];
  // Node's own figures (resident memory, heap, event loop lag, GC) as every exporter has them.
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'linewatch_build_info',
    help: 'The running Linewatch: version and host (headless or electron); always 1.',
    labelNames: ['version', 'host', 'node'],
    registers,
  }).set({ version: build.version, host: build.host, node: process.versions.node }, 1);
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
  const counters = new EndpointCounters();

  const feed: MetricsFeed = {
    check(endpoint, result, durationMs) {
      counters.check(endpoint.id, result.ok, result.ok ? result.rttMs / 1000 : null);
      checkDuration.observe({ site: sources.config().site.id, kind: endpoint.probe.kind }, durationMs / 1000);
    },
    outageOpened(endpointId) {
      counters.outage(endpointId);
    },
    committed(durationMs) {
      commitDuration.observe({ site: sources.config().site.id }, durationMs / 1000);
    },
  };

  return {
    feed,
    async scrape() {
      const input = readScrapeInput(sources);
      const out = new ExpositionWriter();
      for (const definition of SCRAPE_GAUGES) {
        out.family(definition.name, definition.help, 'gauge');
        for (const sample of definition.samples(input)) {
          out.sample(seriesPrefix(definition.name, sample.labels, sample.extra), sample.value);
        }
      }
      out.family(DOWNTIME_COST.name, DOWNTIME_COST.help, 'counter');
      for (const sample of DOWNTIME_COST.samples(input)) {
        out.sample(seriesPrefix(DOWNTIME_COST.name, sample.labels), sample.value);
      }
      counters.write(out, input.config);
      const own = await registry.metrics();
      return { contentType: registry.contentType, body: out.text() + own };
    },
  };
}
