// The per-endpoint counters and the RTT histogram, fed check by check: plain numbers per endpoint
// (a check costs a map lookup and a few additions), written straight to the exposition.
import type { LinewatchConfig } from '../config';
import { CHECK_RESULTS, RTT_BUCKETS_S } from './metrics-feed';
import { metricLabelsOf } from './metric-labels';
import { familyLabel, formatValue, seriesPrefix, type ExpositionWriter } from './exposition';

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

const LE_LABELS = [...RTT_BUCKETS_S.map((bound) => formatValue(bound)), '+Inf'].map((le) =>
  familyLabel('le', le),
);
const RESULT_LABELS = CHECK_RESULTS.map((result) => familyLabel('result', result));

/** An endpoint's line starts in the three families, rendered once per config. */
interface Row {
  id: string;
  checks: string[];
  outages: string;
  /** The RTT_BUCKETS_S buckets, then +Inf. */
  buckets: string[];
  sum: string;
  count: string;
}

export class EndpointCounters {
  private readonly counts = new Map<string, Counts>();
  private rowsFor: LinewatchConfig | null = null;
  private rows: Row[] = [];

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
    const rows = this.rowsOf(config);
    const none = newCounts();
    out.family('linewatch_checks_total', 'Checks of the endpoint by result (ok or failed).', 'counter');
    CHECK_RESULTS.forEach((result, r) => {
      for (const row of rows) out.sample(row.checks[r] ?? '', (this.counts.get(row.id) ?? none)[result]);
    });
    out.family(
      'linewatch_outages_total',
      'Outages of the endpoint that began while this process ran.',
      'counter',
    );
    for (const row of rows) out.sample(row.outages, (this.counts.get(row.id) ?? none).outages);
    out.family('linewatch_endpoint_rtt_seconds', 'Round-trip time of successful checks.', 'histogram');
    for (const row of rows) {
      const counts = this.counts.get(row.id) ?? none;
      for (let i = 0; i < RTT_BUCKETS_S.length; i++) out.sample(row.buckets[i] ?? '', counts.buckets[i] ?? 0);
      out.sample(row.buckets[RTT_BUCKETS_S.length] ?? '', counts.rttCount);
      out.sample(row.sum, counts.rttSum);
      out.sample(row.count, counts.rttCount);
    }
  }

  /** The rows of this config; a new config also drops the counts of endpoints it removed. */
  private rowsOf(config: LinewatchConfig): Row[] {
    if (this.rowsFor === config) return this.rows;
    const { endpoints } = metricLabelsOf(config);
    for (const id of this.counts.keys()) if (!endpoints.has(id)) this.counts.delete(id);
    this.rows = [...endpoints].map(([id, { labels }]) => ({
      id,
      checks: RESULT_LABELS.map((result) => seriesPrefix('linewatch_checks_total', labels, result)),
      outages: seriesPrefix('linewatch_outages_total', labels),
      buckets: LE_LABELS.map((le) => seriesPrefix('linewatch_endpoint_rtt_seconds_bucket', labels, le)),
      sum: seriesPrefix('linewatch_endpoint_rtt_seconds_sum', labels),
      count: seriesPrefix('linewatch_endpoint_rtt_seconds_count', labels),
    }));
    this.rowsFor = config;
    return this.rows;
  }
}
