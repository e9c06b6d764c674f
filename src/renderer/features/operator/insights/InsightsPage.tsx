// Early warnings (issue 12): the maintenance priority list, ranked, each with its RTT against the
// usual band, and every warning of the window. Figures come from getInsights and getRttSeries;
// nothing is judged here.
import { useMemo, useState } from 'react';
import type { InsightWarningView, Insights, MaintenancePriorityView } from '../../../../shared/contract';
import { DAY_MS, HOUR_MS, MINUTE_MS, isoTime as iso } from '../../../../shared/time';
import { useClient } from '../../../app/client-context';
import { useWall } from '../../../live/wall-store';
import { formatDateTime } from '../format-operator';
import { LoadStatus, OperatorPage, endpointHref } from '../OperatorPage';
import { useInterval, useRequest } from '../use-request';
import { shapeSparkline } from './sparkline';
import { WARNING_KIND_LABELS } from './warning-kinds';
import './insights.css';

const RANGES = [
  ['day', 'Last 24 h', DAY_MS],
  ['week', 'Last 7 days', 7 * DAY_MS],
] as const;
type RangeId = (typeof RANGES)[number][0];

/** Sparklines are drawn for the top entries only: each one is a series request. */
const SPARKLINE_ENTRIES = 10;
const SPARK = { width: 160, height: 32 };

/** "now" on a minute grid, so every page and wall asks for the same window (main caches it). */
const minuteNow = (): number => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;

function RttSparkline({
  priority,
  warnings,
  window,
}: {
  priority: MaintenancePriorityView;
  warnings: readonly InsightWarningView[];
  window: { from: number; to: number };
}) {
  const client = useClient();
  const resolution = window.to - window.from > DAY_MS ? 'hour' : 'minute';
  const series = useRequest(`spark-${priority.endpointId}-${window.from}-${window.to}`, () =>
    client.getRttSeries({
      endpointId: priority.endpointId,
      resolution,
      from: iso(window.from),
      to: iso(window.to),
    }),
  );
  const own = warnings.filter((w) => w.endpointId === priority.endpointId);
  const firstAt = own.length > 0 ? Math.min(...own.map((w) => Date.parse(w.startedAt))) : null;
  const baselineMs = own.find((w) => w.baseline.rttMs !== null)?.baseline.rttMs ?? null;
  const spark = useMemo(
    () => (series.data ? shapeSparkline(series.data.buckets, window, firstAt, baselineMs, SPARK) : null),
    [series.data, window, firstAt, baselineMs],
  );
  if (!spark) return <span className="op-muted">{series.status === 'error' ? 'no RTT' : '…'}</span>;
  if (spark.path === '') return <span className="op-muted">no RTT in this window</span>;
  return (
    <figure className="insights-spark-box">
      <svg
        className="insights-spark"
        viewBox={`0 0 ${SPARK.width} ${SPARK.height}`}
        role="img"
        aria-label={`RTT of ${priority.endpointName}, peak ${Math.round(spark.peakMs ?? 0)} ms, against its usual band`}
      >
        {spark.band && (
          <rect
            className="insights-spark__band"
            x={0}
            width={SPARK.width}
            y={spark.band.top}
            height={Math.max(1, spark.band.bottom - spark.band.top)}
          />
        )}
        {spark.baselineY !== null && (
          <line
            className="insights-spark__baseline"
            x1={0}
            x2={SPARK.width}
            y1={spark.baselineY}
            y2={spark.baselineY}
          />
        )}
        <path className="insights-spark__line" d={spark.path} />
      </svg>
      <figcaption className="op-muted">RTT, peak {Math.round(spark.peakMs ?? 0)} ms · band: usual</figcaption>
    </figure>
  );
}

function PriorityList({ insights, window }: { insights: Insights; window: { from: number; to: number } }) {
  return (
    <ol className="insights-priorities" aria-label="Maintenance priorities">
      {insights.priorities.map((p) => (
        <li key={p.endpointId} className="insights-priority" data-endpoint={p.endpointId}>
          <span className="insights-priority__rank" aria-label={`rank ${p.rank}`}>
            {p.rank}
          </span>
          <div className="insights-priority__who">
            <a href={endpointHref(p.endpointId)}>{p.endpointName}</a>
            <span className="op-muted"> · {p.lineName}</span>
            <p className="insights-priority__reason">{p.reason}</p>
            <p className="insights-priority__action">
              <strong>Action:</strong> {p.action}
            </p>
          </div>
          <span className="insights-priority__score op-num" title="priority score, 0-1">
            <span className="insights-priority__label op-muted">score</span>
            {p.score.toFixed(2)}
          </span>
          {p.rank <= SPARKLINE_ENTRIES && (
            <RttSparkline priority={p} warnings={insights.warnings} window={window} />
          )}
        </li>
      ))}
    </ol>
  );
}

function WarningTable({ warnings, timeZone }: { warnings: readonly InsightWarningView[]; timeZone: string }) {
  return (
    <div className="op-table-wrap">
      <table className="op-table insights-warnings">
        <thead>
          <tr>
            <th>Kind</th>
            <th>Device</th>
            <th>Started</th>
            <th>Ended</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {[...warnings].reverse().map((w) => {
            const kind = WARNING_KIND_LABELS[w.kind];
            return (
              <tr key={`${w.endpointId}-${w.kind}-${w.startedAt}`}>
                <td className="insights-kind">
                  <span aria-hidden="true">{kind.icon}</span> {kind.label}
                </td>
                <td>
                  <a href={endpointHref(w.endpointId)}>{w.endpointName}</a>
                  <span className="op-muted"> · {w.lineName}</span>
                </td>
                <td>{formatDateTime(w.startedAt, timeZone)}</td>
                <td>{w.endedAt === null ? 'still active' : formatDateTime(w.endedAt, timeZone)}</td>
                <td className="op-wrap">{w.reason}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function InsightsPage() {
  const client = useClient();
  const site = useWall((state) => state.site);
  const timeZone = site?.timezone ?? 'UTC';
  const [range, setRange] = useState<RangeId>('day');
  const [now, setNow] = useState(minuteNow);
  useInterval(() => setNow(minuteNow()), MINUTE_MS);
  const spanMs = RANGES.find(([id]) => id === range)?.[2] ?? DAY_MS;
  const window = useMemo(() => ({ from: now - spanMs, to: now }), [now, spanMs]);
  const insights = useRequest(`insights-${window.from}-${window.to}`, () =>
    client.getInsights({ from: iso(window.from), to: iso(window.to) }),
  );
  const data = insights.data;
  const hours = Math.round(spanMs / HOUR_MS);

  return (
    <OperatorPage
      name="insights"
      title="Early warnings"
      subtitle={`Maintenance priorities and warnings, last ${hours < 48 ? `${hours} h` : `${hours / 24} days`} · warnings are not outages`}
      actions={
        <div className="op-range" role="tablist" aria-label="Window">
          {RANGES.map(([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={range === id}
              className="op-button op-button--toggle"
              aria-pressed={range === id}
              onClick={() => setRange(id)}
            >
              {label}
            </button>
          ))}
        </div>
      }
    >
      <LoadStatus
        status={insights.status}
        error={insights.error}
        empty={!data}
        what="the early warnings"
        emptyText=""
      />
      {data && (
        <>
          <section className="op-section" aria-labelledby="priorities-title">
            <h2 id="priorities-title" className="op-section__title">
              Maintenance priorities
            </h2>
            {data.priorities.length === 0 ? (
              <p className="op-status op-status--empty">No device needs attention in this window.</p>
            ) : (
              <PriorityList insights={data} window={window} />
            )}
          </section>
          <section className="op-section" aria-labelledby="warnings-title">
            <h2 id="warnings-title" className="op-section__title">
              Warnings ({data.warnings.length}), newest first
            </h2>
            {data.warnings.length === 0 ? (
              <p className="op-status op-status--empty">No early warnings in this window.</p>
            ) : (
              <WarningTable warnings={data.warnings} timeZone={timeZone} />
            )}
          </section>
        </>
      )}
    </OperatorPage>
  );
}
