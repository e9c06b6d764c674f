// One device in depth: what it is and how it is probed, its live state, its RTT and loss band,
// its current alarm with the alarm's impact, the device a protocol probe identified, its state
// timeline and its last checks. Reached from tiles and alarm rows (`#/endpoint/<id>`).
import { useMemo, useState } from 'react';
import { isoTime } from '../../../../shared/time';
import { STATE_LABEL, TYPE_LABEL } from '../../../live/format-live';
import { useWall } from '../../../live/wall-store';
import { useClient } from '../../../app/client-context';
import { formatDateTime, formatRttMs } from '../format-operator';
import { RTT_RANGES, type RttRange } from './rtt-band';
import { useInterval, useRequest } from '../use-request';
import { LoadStatus, OperatorPage, endpointHref, lineHref } from '../OperatorPage';
import { AlarmImpactPanel } from './AlarmImpactPanel';
import { DevicePanel } from './DevicePanel';
import { RttChart } from './RttChart';
import { StateTimeline } from './StateTimeline';

export function EndpointPage({ params }: { params: string[] }) {
  const endpointId = decodeURIComponent(params[0] ?? '');
  const client = useClient();
  const timeZone = useWall((state) => state.site?.timezone);
  const live = useWall((state) => state.live[endpointId]);
  const lines = useWall((state) => state.lines);
  const [range, setRange] = useState<RttRange>('24h');
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 30_000);
  const { fromMs, toMs } = useMemo(() => {
    // Whole minutes, so the chart's buckets and the window line up.
    const to = Math.ceil(now / 60_000) * 60_000;
    return { fromMs: to - RTT_RANGES[range].spanMs, toMs: to };
  }, [now, range]);
  const detail = useRequest(`${endpointId}-${fromMs}-${toMs}`, () =>
    client.getEndpointDetail({
      endpointId,
      from: isoTime(fromMs),
      to: isoTime(toMs),
    }),
  );
  const endpoint = detail.data?.endpoint;
  const state = live?.state ?? 'unknown';

  return (
    <OperatorPage
      name="endpoint"
      title={endpoint?.name ?? endpointId}
      subtitle={
        endpoint ? (
          <>
            <a href={lineHref(endpoint.lineId)}>{endpoint.lineName}</a> · {TYPE_LABEL[endpoint.type]} ·{' '}
            {endpoint.probeKind.toUpperCase()} {endpoint.target} · every {endpoint.intervalMs / 1000} s
            {endpoint.critical && ' · critical for the line'}
            {endpoint.dependsOn && (
              <>
                {' '}
                · behind <a href={endpointHref(endpoint.dependsOn.id)}>{endpoint.dependsOn.name}</a>
              </>
            )}
          </>
        ) : undefined
      }
      actions={
        <div className="op-endpoint-state" data-state={state}>
          <span className={`op-tag op-tag--big op-tag--${state}`}>
            {STATE_LABEL[state].icon} {STATE_LABEL[state].text}
          </span>
          {live?.lastCheckAt && (
            <span className="op-muted">
              last check {formatDateTime(live.lastCheckAt, timeZone, true)} · {formatRttMs(live.lastRttMs)}
            </span>
          )}
        </div>
      }
    >
      <LoadStatus
        status={detail.status}
        error={detail.error}
        empty={!detail.data}
        what="this device"
        emptyText=""
      />
      {detail.data?.alarm && <AlarmImpactPanel alarm={detail.data.alarm} lines={lines} timeZone={timeZone} />}
      {detail.data?.device && <DevicePanel device={detail.data.device} timeZone={timeZone} />}
      <div className="op-range" role="group" aria-label="Time range">
        {(Object.keys(RTT_RANGES) as RttRange[]).map((key) => (
          <button
            key={key}
            type="button"
            className="op-button op-button--toggle"
            aria-pressed={range === key}
            onClick={() => setRange(key)}
          >
            {RTT_RANGES[key].label}
          </button>
        ))}
      </div>
      <section className="op-section" aria-labelledby="rtt-title">
        <h2 id="rtt-title" className="op-section__title">
          Round-trip time and loss
        </h2>
        <RttChart
          endpointId={endpointId}
          range={range}
          fromMs={fromMs}
          toMs={toMs}
          timeZone={timeZone}
          refresh={now}
        />
      </section>
      {detail.data && (
        <div className="op-columns">
          <section className="op-section" aria-labelledby="timeline-title">
            <h2 id="timeline-title" className="op-section__title">
              State timeline
            </h2>
            <StateTimeline
              spans={detail.data.stateTimeline}
              fromMs={fromMs}
              toMs={toMs}
              nowMs={now}
              timeZone={timeZone}
            />
          </section>
          <section className="op-section" aria-labelledby="checks-title">
            <h2 id="checks-title" className="op-section__title">
              Recent checks
            </h2>
            {detail.data.recentChecks.length === 0 ? (
              <p className="op-status op-status--empty">No checks recorded yet.</p>
            ) : (
              <table className="op-table op-table--compact">
                <thead>
                  <tr>
                    <th>Time</th>
                    <th>Result</th>
                    <th>RTT</th>
                    <th>Error</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.data.recentChecks.map((check) => (
                    <tr key={check.ts} data-ok={check.ok}>
                      <td>{formatDateTime(check.ts, timeZone, true)}</td>
                      <td>
                        <span className={`op-tag op-tag--${check.ok ? 'up' : 'down'}`}>
                          {check.ok ? '✓ OK' : '✕ FAIL'}
                        </span>
                      </td>
                      <td className="op-num">{formatRttMs(check.rttMs)}</td>
                      <td className="op-wrap">{check.error ?? ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
      )}
    </OperatorPage>
  );
}
