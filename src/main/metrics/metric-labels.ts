// The labels every per-endpoint and per-line series carries, computed once per config: a scrape of
// 2,000 endpoints must not rebuild 2,000 label objects for each of its metrics.
import type { EndpointConfig, LinewatchConfig } from '../config';

export const ENDPOINT_LABEL_NAMES = ['site', 'line', 'endpoint', 'type', 'critical'] as const;
export const LINE_LABEL_NAMES = ['site', 'line'] as const;

export type EndpointLabels = Record<(typeof ENDPOINT_LABEL_NAMES)[number], string>;
export type LineLabels = Record<(typeof LINE_LABEL_NAMES)[number], string>;

export interface MetricLabels {
  endpoints: ReadonlyMap<string, { config: EndpointConfig; labels: EndpointLabels }>;
  lines: ReadonlyMap<string, LineLabels>;
  site: { site: string };
}

const cache = new WeakMap<LinewatchConfig, MetricLabels>();

/** Ids, not display names: they are stable across renames, so a series keeps its history. */
export function metricLabelsOf(config: LinewatchConfig): MetricLabels {
  const cached = cache.get(config);
  if (cached) return cached;
  const site = config.site.id;
  const endpoints = new Map<string, { config: EndpointConfig; labels: EndpointLabels }>();
  const lines = new Map<string, LineLabels>();
  for (const line of config.lines) {
    lines.set(line.id, { site, line: line.id });
    for (const endpoint of line.endpoints) {
      endpoints.set(endpoint.id, {
        config: endpoint,
        labels: {
          site,
          line: line.id,
          endpoint: endpoint.id,
          type: endpoint.type,
          critical: String(endpoint.critical),
        },
      });
    }
  }
  const labels: MetricLabels = { endpoints, lines, site: { site } };
  cache.set(config, labels);
  return labels;
}
