// The metrics of one running Linewatch: the Prometheus registry behind /metrics and, when the
// config asks for it, the OTLP push, both fed by one check stream and reading one set of sources.
// A config reload that changes `otlp:` restarts the push; a broken one is logged, never fatal.
import type { LinewatchConfig } from '../config';
import { startOtlpPush, type OtlpPush } from '../otlp/otlp-push';
import type { MetricsFeed } from './metrics-feed';
import { createPlantFigures, type PlantFiguresDeps } from './plant-figures';
import { createPrometheusMetrics } from './prometheus-metrics';
import type { ScrapeSources } from './scrape-gauges';

export interface MetricsRuntime {
  feed: MetricsFeed;
  scrape(): Promise<{ contentType: string; body: string }>;
  configChanged(config: LinewatchConfig): void;
  stop(): Promise<void>;
}

export function startMetricsRuntime(
  options: PlantFiguresDeps &
    Omit<ScrapeSources, 'figures' | 'config'> & {
      build: { version: string; host: string };
      log: (line: string) => void;
      env?: NodeJS.ProcessEnv;
      otlpIntervalMs?: number;
    },
): MetricsRuntime {
  const plant = createPlantFigures(options);
  const sources: ScrapeSources = {
    config: options.config,
    liveStates: options.liveStates,
    schedulerStats: options.schedulerStats,
    figures: () => plant.current(),
    now: options.now,
  };
  const prometheus = createPrometheusMetrics(sources, options.build);
  let otlp: OtlpPush | null = null;
  let otlpKey = 'null';
  const startOtlp = (config: LinewatchConfig): void => {
    const key = JSON.stringify(config.otlp ?? null);
    if (key === otlpKey) return;
    otlpKey = key;
    const previous = otlp;
    otlp = null;
    void previous?.stop();
    if (!config.otlp) return;
    try {
      otlp = startOtlpPush({
        config: config.otlp,
        sources,
        build: options.build,
        env: options.env,
        exportIntervalMs: options.otlpIntervalMs,
        log: options.log,
      });
    } catch (error) {
      options.log(`OTLP push not started: ${(error as Error).message}`);
    }
  };
  startOtlp(options.config());

  return {
    feed: {
      check(endpoint, result, durationMs) {
        prometheus.feed.check(endpoint, result, durationMs);
        otlp?.feed.check(endpoint, result, durationMs);
      },
      outageOpened(endpointId) {
        prometheus.feed.outageOpened(endpointId);
        otlp?.feed.outageOpened(endpointId);
      },
      committed(durationMs) {
        prometheus.feed.committed(durationMs);
        otlp?.feed.committed(durationMs);
      },
    },
    scrape: () => prometheus.scrape(),
    configChanged: startOtlp,
    async stop() {
      await otlp?.stop();
      otlp = null;
    },
  };
}
