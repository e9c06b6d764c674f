// /metrics' registry on its own: scrape-time gauges from fake live sources (states, line rule,
// KPI figures, alarms, warnings), counters and histograms fed by the check stream, and series of
// an endpoint a reload removed going away.
import { describe, expect, it } from 'vitest';
import type { EndpointLive } from '@src/shared/contract';
import type { LinewatchConfig } from '@src/main/config';
import type { PlantFigures } from '@src/main/metrics/plant-figures';
import { createPrometheusMetrics } from '@src/main/metrics/prometheus-metrics';
import type { ScrapeSources } from '@src/main/metrics/scrape-gauges';
import { aConfig, aLine, anEndpoint, tcp } from '../../../support/config-builders';
import { parseExposition, samplesOf, valueOf } from '../../../support/prometheus-text';

const NOW = Date.parse('2026-12-02T10:00:00Z');

const live = (id: string, state: EndpointLive['state']): EndpointLive => ({
  id,
  state,
  since: null,
  lastCheckAt: null,
  lastOk: state === 'up',
  lastRttMs: null,
  lastError: null,
  lastFailureKind: null,
  flapping: false,
});

const plant = (): LinewatchConfig =>
  aConfig({
    site: { id: 'plant-a', name: 'Plant A', timezone: 'Europe/Berlin' },
    lines: [
      aLine(
        'press-1',
        [
          anEndpoint('press1-plc', { type: 'plc', critical: true, probe: tcp('10.0.0.2', 502) }),
          anEndpoint('press1-hmi', { type: 'hmi' }),
        ],
        { downtimeCostPerMinute: 850 },
      ),
      aLine('paint', [anEndpoint('paint-plc', { type: 'plc' })]),
    ],
  });

function figuresFor(config: LinewatchConfig): PlantFigures {
  const figures = (id: string, availability: number | null, cost: number | null) => ({
    id,
    up_s: 0,
    down_s: 0,
    maintenance_s: 0,
    unknown_s: 0,
    availability,
    failures: 0,
    mttr_s: null,
    mtbf_s: null,
    downtime_cost: cost,
  });
  return {
    config,
    windows: [
      {
        window: 'today',
        site: figures('plant-a', 0.95, 1700),
        lines: [figures('press-1', 0.9, 1700), figures('paint', null, null)],
      },
      { window: 'shift', site: figures('plant-a', 0.8, 1700), lines: [figures('press-1', 0.75, 1700)] },
    ],
    alarmsBySeverity: { critical: 0, high: 2, medium: 0, low: 1 },
    activeWarnings: new Map([['press1-hmi', ['rtt_rise']]]),
  };
}

function fixture() {
  let config = plant();
  let states = [live('press1-plc', 'down'), live('press1-hmi', 'up'), live('paint-plc', 'unknown')];
  const sources: ScrapeSources = {
    config: () => config,
    liveStates: () => states,
    schedulerStats: () => ({ maxLagMs: 250, started: 10, skippedBusy: 0 }),
    figures: () => figuresFor(config),
    now: () => NOW,
  };
  const metrics = createPrometheusMetrics(sources, { version: '9.9.9', host: 'headless' });
  return {
    metrics,
    scrape: async () => parseExposition((await metrics.scrape()).body),
    reload: (next: LinewatchConfig, nextStates: EndpointLive[]) => {
      config = next;
      states = nextStates;
    },
    endpoint: (id: string) => {
      const found = config.lines.flatMap((l) => l.endpoints).find((e) => e.id === id);
      if (!found) throw new Error(id);
      return found;
    },
  };
}

describe('prometheus metrics', () => {
  it('exposes up as 1, 0 and NaN and the state as one series per state, with all five labels', async () => {
    const { metrics, scrape } = fixture();
    const samples = await scrape();
    const plc = { site: 'plant-a', line: 'press-1', endpoint: 'press1-plc', type: 'plc', critical: 'true' };
    expect(valueOf(samples, 'linewatch_endpoint_up', plc)).toBe(0);
    expect(valueOf(samples, 'linewatch_endpoint_up', { endpoint: 'press1-hmi', critical: 'false' })).toBe(1);
    expect(valueOf(samples, 'linewatch_endpoint_up', { endpoint: 'paint-plc' })).toBeNaN();
    expect(valueOf(samples, 'linewatch_endpoint_state', { ...plc, state: 'down' })).toBe(1);
    expect(valueOf(samples, 'linewatch_endpoint_state', { ...plc, state: 'up' })).toBe(0);
    expect(samplesOf(samples, 'linewatch_endpoint_state')).toHaveLength(9);
    expect((await metrics.scrape()).contentType).toMatch(/^text\/plain; version=0\.0\.4/);
  });

  it('says a line is down with its critical endpoint, unknown when none of them has a state', async () => {
    const samples = await fixture().scrape();
    expect(valueOf(samples, 'linewatch_line_up', { site: 'plant-a', line: 'press-1' })).toBe(0);
    // paint marks no endpoint critical, so all of them are; its only one has no state yet.
    expect(valueOf(samples, 'linewatch_line_up', { line: 'paint' })).toBeNaN();
  });

  it('takes availability, cost, alarms and warnings from the plant figures', async () => {
    const samples = await fixture().scrape();
    expect(valueOf(samples, 'linewatch_line_availability_ratio', { line: 'press-1', window: 'today' })).toBe(
      0.9,
    );
    expect(valueOf(samples, 'linewatch_line_availability_ratio', { line: 'press-1', window: 'shift' })).toBe(
      0.75,
    );
    // A line without figures (no monitored time) has no availability series rather than a made-up one.
    expect(samplesOf(samples, 'linewatch_line_availability_ratio', { line: 'paint' })).toEqual([]);
    expect(valueOf(samples, 'linewatch_site_availability_ratio', { site: 'plant-a', window: 'today' })).toBe(
      0.95,
    );
    expect(valueOf(samples, 'linewatch_line_downtime_cost_total', { line: 'press-1' })).toBe(1700);
    expect(valueOf(samples, 'linewatch_alarms_active', { severity: 'high' })).toBe(2);
    expect(valueOf(samples, 'linewatch_alarms_active', { severity: 'critical' })).toBe(0);
    expect(samplesOf(samples, 'linewatch_endpoint_warning')).toEqual([
      {
        name: 'linewatch_endpoint_warning',
        labels: {
          site: 'plant-a',
          line: 'press-1',
          endpoint: 'press1-hmi',
          type: 'hmi',
          critical: 'false',
          kind: 'rtt_rise',
        },
        value: 1,
      },
    ]);
    expect(valueOf(samples, 'linewatch_scheduler_lag_seconds')).toBe(0.25);
    expect(valueOf(samples, 'linewatch_build_info', { version: '9.9.9', host: 'headless' })).toBe(1);
    expect(samplesOf(samples, 'process_resident_memory_bytes')[0]?.value).toBeGreaterThan(0);
  });

  it('counts checks by result and outages, and puts successful RTTs in the histogram', async () => {
    const { metrics, scrape, endpoint } = fixture();
    const plc = endpoint('press1-plc');
    metrics.feed.check(plc, { ok: true, rttMs: 0.8 }, 1);
    metrics.feed.check(plc, { ok: true, rttMs: 3 }, 4);
    metrics.feed.check(plc, { ok: false, kind: 'refused', message: 'refused', rttMs: null }, 2);
    metrics.feed.outageOpened('press1-plc');
    metrics.feed.committed(1.5);
    const samples = await scrape();
    const labels = { endpoint: 'press1-plc' };
    expect(valueOf(samples, 'linewatch_checks_total', { ...labels, result: 'ok' })).toBe(2);
    expect(valueOf(samples, 'linewatch_checks_total', { ...labels, result: 'failed' })).toBe(1);
    expect(valueOf(samples, 'linewatch_outages_total', labels)).toBe(1);
    expect(valueOf(samples, 'linewatch_endpoint_rtt_seconds_count', labels)).toBe(2);
    expect(valueOf(samples, 'linewatch_endpoint_rtt_seconds_bucket', { ...labels, le: '0.001' })).toBe(1);
    expect(valueOf(samples, 'linewatch_endpoint_rtt_seconds_bucket', { ...labels, le: '0.01' })).toBe(2);
    expect(valueOf(samples, 'linewatch_check_duration_seconds_count', { kind: 'tcp' })).toBe(3);
    expect(valueOf(samples, 'linewatch_commit_duration_seconds_count', { site: 'plant-a' })).toBe(1);
  });

  it('drops the counters of an endpoint a reload removed, and keeps the others counting', async () => {
    const { metrics, scrape, reload, endpoint } = fixture();
    metrics.feed.check(endpoint('press1-plc'), { ok: true, rttMs: 1 }, 1);
    metrics.feed.check(endpoint('press1-hmi'), { ok: true, rttMs: 1 }, 1);
    const before = plant();
    reload(
      {
        ...before,
        lines: before.lines.map((l) => ({
          ...l,
          endpoints: l.endpoints.filter((e) => e.id !== 'press1-plc'),
        })),
      },
      [live('press1-hmi', 'up'), live('paint-plc', 'up')],
    );
    metrics.feed.check(endpoint('press1-hmi'), { ok: true, rttMs: 1 }, 1);
    const samples = await scrape();
    expect(samplesOf(samples, 'linewatch_checks_total', { endpoint: 'press1-plc' })).toEqual([]);
    expect(samplesOf(samples, 'linewatch_endpoint_up', { endpoint: 'press1-plc' })).toEqual([]);
    expect(valueOf(samples, 'linewatch_checks_total', { endpoint: 'press1-hmi', result: 'ok' })).toBe(2);
  });
});
