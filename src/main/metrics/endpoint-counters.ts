// The per-endpoint counters and the RTT histogram, fed check by check: plain numbers per endpoint
// (a check costs a map lookup and a few additions), written straight to the exposition.
import type { LinewatchConfig } from '../config';
import { CHECK_RESULTS, RTT_BUCKETS_S } from './metrics-feed';
import { metricLabelsOf } from './metric-labels';
import { formatValue, labelText, withLabel, type ExpositionWriter } from './exposition';

interface Counts {
  ok: number;
  failed: number;
  outages: number;
  /** Cumulative per bucket (le), as the format wants them: bucket i counts RTTs <= RTT_BUCKETS_S[i]. */
  buckets: Float64Array;
  rttSum: number;
  rttCount: number;
}

const newCounts = (): Counts => ({
  ok: 0,
  failed: 0,
  outages: 0,
  buckets: new Float64Array(RTT_BUCKETS_S.length),
  rttSum: 0,
  rttCount: 0,
});

const LE = RTT_BUCKETS_S.map((bound) => formatValue(bound));

export class EndpointCounters {
  private readonly counts = new Map<string, Counts>();
  private prunedFor: LinewatchConfig | null = null;

  private of(endpointId: string): Counts {
    let counts = this.counts.get(endpointId);
    if (!counts) {
      counts = newCounts();
      this.counts.set(endpointId, counts);
    }
    return counts;
  }

  check(endpointId: string, ok: boolean, rttSeconds: number | null): void {
    const counts = this.of(endpointId);
    if (!ok) {
      counts.failed += 1;
      return;
    }
    counts.ok += 1;
    if (rttSeconds === null) return;
    counts.rttSum += rttSeconds;
    counts.rttCount += 1;
    for (let i = RTT_BUCKETS_S.length - 1; i >= 0 && rttSeconds <= (RTT_BUCKETS_S[i] ?? 0); i--) {
      counts.buckets[i] = (counts.buckets[i] ?? 0) + 1;
    }
  }

  outage(endpointId: string): void {
    this.of(endpointId).outages += 1;
  }

  /** Every configured endpoint, zero until its first check; endpoints a reload removed are gone. */
  write(out: ExpositionWriter, config: LinewatchConfig): void {
    const { endpoints } = metricLabelsOf(config);
    if (this.prunedFor !== config) {
      this.prunedFor = config;
      for (const id of this.counts.keys()) if (!endpoints.has(id)) this.counts.delete(id);
    }
    const rows = [...endpoints].map(([id, { labels }]) => ({
      labels: labelText(labels),
      counts: this.counts.get(id) ?? newCounts(),
    }));
    out.family('linewatch_checks_total', 'Checks of the endpoint by result (ok or failed).', 'counter');
    for (const result of CHECK_RESULTS) {
      for (const row of rows) {
        out.sample('linewatch_checks_total', withLabel(row.labels, 'result', result), row.counts[result]);
      }
    }
    out.family(
      'linewatch_outages_total',
      'Outages of the endpoint that began while this process ran.',
      'counter',
    );
    for (const row of rows) out.sample('linewatch_outages_total', row.labels, row.counts.outages);
    out.family('linewatch_endpoint_rtt_seconds', 'Round-trip time of successful checks.', 'histogram');
    for (const row of rows) {
      const { counts } = row;
      for (let i = 0; i < LE.length; i++) {
        out.sample(
          'linewatch_endpoint_rtt_seconds_bucket',
          `${row.labels},le="${LE[i]}"`,
          counts.buckets[i] ?? 0,
        );
      }
      out.sample('linewatch_endpoint_rtt_seconds_bucket', `${row.labels},le="+Inf"`, counts.rttCount);
      out.sample('linewatch_endpoint_rtt_seconds_sum', row.labels, counts.rttSum);
      out.sample('linewatch_endpoint_rtt_seconds_count', row.labels, counts.rttCount);
    }
  }
}
