// The endpoint's RTT and loss as a SmokePing-style band (min to max, average line, loss bars),
// read from the rollups through getRttSeries.
import { useCallback, useMemo } from 'react';
import { isoTime } from '../../../../shared/time';
import { useClient } from '../../../app/client-context';
import { EChart } from '../EChart';
import { rttChartOption } from '../chart-options';
import { RTT_RANGES, shapeRttBand, type RttRange } from './rtt-band';
import { warningSpans } from './warning-spans';
import { useRequest } from '../use-request';
import { LoadStatus } from '../OperatorPage';

export function RttChart({
  endpointId,
  range,
  fromMs,
  toMs,
  timeZone,
  refresh,
}: {
  endpointId: string;
  range: RttRange;
  fromMs: number;
  toMs: number;
  timeZone: string | undefined;
  refresh: number;
}) {
  const client = useClient();
  const { resolution, bucketMs } = RTT_RANGES[range];
  const series = useRequest(`${endpointId}-${fromMs}-${toMs}-${refresh}`, () =>
    client.getRttSeries({
      endpointId,
      resolution,
      from: isoTime(fromMs),
      to: isoTime(toMs),
    }),
  );
  // The early warnings of the same window, shaded on the chart. Without them (an older host, a
  // failure) the chart is drawn as before: the band is extra evidence, not the chart.
  const insights = useRequest(`insights-${fromMs}-${toMs}-${refresh}`, () =>
    client.getInsights({ from: isoTime(fromMs), to: isoTime(toMs) }),
  );
  const warnings = useMemo(
    () => warningSpans(insights.data?.warnings ?? [], endpointId, fromMs, toMs),
    [insights.data, endpointId, fromMs, toMs],
  );
  const band = useMemo(() => shapeRttBand(series.data?.buckets ?? [], bucketMs), [series.data, bucketMs]);
  const makeOption = useCallback(
    (fontPx: number) =>
      rttChartOption(band, { fontPx, timeZone, fromMs, toMs, multiDay: range === '7d', warnings }),
    [band, timeZone, fromMs, toMs, range, warnings],
  );
  return (
    <div
      className="op-chart-box"
      data-chart="rtt"
      data-buckets={band.bucketCount}
      data-warning-bands={warnings.length}
    >
      <LoadStatus
        status={series.status}
        error={series.error}
        empty={band.bucketCount === 0}
        what="round-trip times"
        emptyText="No checks recorded in this window, so there is nothing to chart."
      />
      {band.bucketCount > 0 && (
        <EChart makeOption={makeOption} label="Round-trip time band and loss" className="op-chart--rtt" />
      )}
    </div>
  );
}
