// The gauges computed at scrape time from the live state (engine snapshot, scheduler) and the
// cached plant figures. One table serves both the Prometheus registry and the OTLP push, so the two
// can never disagree on a name, a label or a value.
import type { EndpointLive } from '../../shared/contract';
import { ENDPOINT_STATES } from '../../shared/domain/endpoint';
import { impactTopology } from '../alarms/impact';
import type { LinewatchConfig } from '../config';
import { familyLabel } from './exposition';
import type { SchedulerStats } from '../scheduler/scheduler';
import { ENDPOINT_LABEL_NAMES, LINE_LABEL_NAMES, metricLabelsOf } from './metric-labels';
import type { PlantFigures } from './plant-figures';

export interface Sample {
  /** Shared, cached label objects (metric-labels.ts): the exposition escapes each once. */
  labels: Readonly<Record<string, string>>;
  /** Labels of this family only (state, kind, window), after the shared ones: `familyLabel` objects. */
  extra?: Readonly<Record<string, string>>;
  value: number;
}

/** The sample's labels as one object (OTLP attributes, tests). */
export const allLabels = (sample: Sample): Record<string, string> => ({ ...sample.labels, ...sample.extra });

export interface ScrapeInput {
  config: LinewatchConfig;
  live: readonly EndpointLive[];
  scheduler: SchedulerStats;
  figures: PlantFigures;
  nowMs: number;
}

export interface GaugeDefinition {
  name: string;
  help: string;
  labelNames: readonly string[];
  samples(input: ScrapeInput): Sample[];
}

const UP_VALUE = { up: 1, down: 0, unknown: Number.NaN } as const;

function endpointSamples(
  input: ScrapeInput,
  value: (live: EndpointLive) => number | null,
  extra?: (live: EndpointLive) => readonly Record<string, string>[],
): Sample[] {
  const { endpoints } = metricLabelsOf(input.config);
  const out: Sample[] = [];
  for (const live of input.live) {
    const labels = endpoints.get(live.id)?.labels;
    if (!labels) continue;
    const v = value(live);
    if (v === null) continue;
    if (!extra) out.push({ labels, value: v });
    else for (const more of extra(live)) out.push({ labels, extra: more, value: v });
  }
  return out;
}

/**
 * The line rule of the spec ("Line state"): down while one of its critical endpoints (all of them
 * when it marks none) is down and not in maintenance; unknown (NaN) while none of them has a state.
 */
function lineUpSamples(input: ScrapeInput): Sample[] {
  const { criticalForLine, calendar } = impactTopology(input.config);
  const stateOf = new Map(input.live.map((l) => [l.id, l.state]));
  const { lines } = metricLabelsOf(input.config);
  return input.config.lines.map((line) => {
    let known = false;
    let down = false;
    for (const endpoint of line.endpoints) {
      if (!criticalForLine.has(endpoint.id)) continue;
      const state = stateOf.get(endpoint.id) ?? 'unknown';
      if (state === 'unknown') continue;
      known = true;
      if (
        state === 'down' &&
        !calendar.isInMaintenance({ endpointId: endpoint.id, lineId: line.id }, input.nowMs)
      ) {
        down = true;
      }
    }
    return { labels: lines.get(line.id) ?? {}, value: down ? 0 : known ? 1 : Number.NaN };
  });
}

function lineFigureSamples(input: ScrapeInput, pick: 'availability' | 'downtime_cost'): Sample[] {
  const { lines } = metricLabelsOf(input.config);
  const out: Sample[] = [];
  for (const window of input.figures.windows) {
    for (const figures of window.lines) {
      const labels = lines.get(figures.id);
      const value = figures[pick];
      if (!labels || value === null) continue;
      out.push(
        pick === 'availability'
          ? { labels, extra: familyLabel('window', window.window), value }
          : { labels, value },
      );
    }
    // The downtime cost is the day's (a counter that resets at the site's midnight).
    if (pick === 'downtime_cost') break;
  }
  return out;
}

export const SCRAPE_GAUGES: readonly GaugeDefinition[] = [
  {
    name: 'linewatch_endpoint_up',
    help: 'Whether the endpoint is up (1), down (0) or has no state yet (NaN).',
    labelNames: ENDPOINT_LABEL_NAMES,
    samples: (input) => endpointSamples(input, (live) => UP_VALUE[live.state]),
  },
  {
    name: 'linewatch_endpoint_state',
    help: 'The endpoint state machine: 1 for the state it is in, 0 for the others.',
    labelNames: [...ENDPOINT_LABEL_NAMES, 'state'],
    samples: (input) => {
      const out: Sample[] = [];
      for (const state of ENDPOINT_STATES) {
        const extra = [familyLabel('state', state)];
        out.push(
          ...endpointSamples(
            input,
            (live) => (live.state === state ? 1 : 0),
            () => extra,
          ),
        );
      }
      return out;
    },
  },
  {
    name: 'linewatch_endpoint_warning',
    help: 'An early warning (insights) is active on the endpoint; one series per active kind.',
    labelNames: [...ENDPOINT_LABEL_NAMES, 'kind'],
    samples: (input) =>
      endpointSamples(
        input,
        (live) => (input.figures.activeWarnings.has(live.id) ? 1 : null),
        (live) => (input.figures.activeWarnings.get(live.id) ?? []).map((kind) => familyLabel('kind', kind)),
      ),
  },
  {
    name: 'linewatch_line_up',
    help: 'Whether the line runs: 0 while a critical endpoint is down outside maintenance, NaN unknown.',
    labelNames: LINE_LABEL_NAMES,
    samples: lineUpSamples,
  },
  {
    name: 'linewatch_line_availability_ratio',
    help: 'Line availability of the KPI report (0-1) for today and the running shift, so far.',
    labelNames: [...LINE_LABEL_NAMES, 'window'],
    samples: (input) => lineFigureSamples(input, 'availability'),
  },
  {
    name: 'linewatch_site_availability_ratio',
    help: 'Site availability of the KPI report (0-1) for today and the running shift, so far.',
    labelNames: ['site', 'window'],
    samples: (input) =>
      input.figures.windows
        .filter((w) => w.site.availability !== null)
        .map((w) => ({
          labels: metricLabelsOf(input.config).site,
          extra: familyLabel('window', w.window),
          value: w.site.availability ?? 0,
        })),
  },
  {
    name: 'linewatch_alarms_active',
    help: 'Active (not cleared) alarms by their impact severity.',
    labelNames: ['site', 'severity'],
    samples: (input) =>
      Object.entries(input.figures.alarmsBySeverity).map(([severity, count]) => ({
        labels: metricLabelsOf(input.config).site,
        extra: familyLabel('severity', severity),
        value: count,
      })),
  },
  {
    name: 'linewatch_scheduler_lag_seconds',
    help: 'How late checks started against their schedule (max over the last minute).',
    labelNames: ['site'],
    samples: (input) => [
      { labels: metricLabelsOf(input.config).site, value: input.scheduler.maxLagMs / 1000 },
    ],
  },
];

/** Counted at scrape time from the KPI report: it restarts at the site's midnight (use increase()). */
export const DOWNTIME_COST: GaugeDefinition = {
  name: 'linewatch_line_downtime_cost_total',
  help: "The line's downtime cost today (its downtime_cost_per_minute times down minutes); resets at the site's midnight.",
  labelNames: LINE_LABEL_NAMES,
  samples: (input) => lineFigureSamples(input, 'downtime_cost'),
};

/** Where a scrape reads the live state; the composition root wires these to the running engine. */
export interface ScrapeSources {
  config(): LinewatchConfig;
  liveStates(): EndpointLive[];
  schedulerStats(): SchedulerStats;
  figures(): PlantFigures;
  now(): number;
}

export function readScrapeInput(sources: ScrapeSources): ScrapeInput {
  return {
    config: sources.config(),
    live: sources.liveStates(),
    scheduler: sources.schedulerStats(),
    figures: sources.figures(),
    nowMs: sources.now(),
  };
}
