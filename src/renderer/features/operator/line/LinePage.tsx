// One production line: its devices with their live state and availability today and this shift,
// the line's own figures, and its outages today. Reached as `#/line-detail/<id>`.
import { useMemo, useState } from 'react';
import type { EndpointFigures, LineFigures } from '../../../../shared/report/report-schema';
import { STATE_LABEL, TYPE_LABEL } from '../../../live/format-live';
import { useWall } from '../../../live/wall-store';
import { useClient } from '../../../app/client-context';
import { formatAvailability, formatCount, formatDuration } from '../../../../shared/format';
import { formatDateTime } from '../format-operator';
import { isoTime as iso, startOfLocalDay } from '../../../../shared/time';
import { currentShift } from '../site-time';
import { useInterval, useRequest } from '../use-request';
import { LoadStatus, OperatorPage, endpointHref } from '../OperatorPage';
import { OutageCause } from '../OutageCause';

function Figure({ label, figures }: { label: string; figures: LineFigures | undefined }) {
  return (
    <div className="op-figure">
      <span className="op-figure__label">{label}</span>
      <strong className="op-figure__value">{formatAvailability(figures?.availability ?? null)}</strong>
      <span className="op-muted">
        {figures
          ? `${formatCount(figures.failures)} failures · ${formatDuration(figures.down_s)} down`
          : 'no data'}
      </span>
    </div>
  );
}

export function LinePage({ params }: { params: string[] }) {
  const lineId = decodeURIComponent(params[0] ?? '');
  const client = useClient();
  const line = useWall((state) => state.lines.find((l) => l.id === lineId));
  const live = useWall((state) => state.live);
  const site = useWall((state) => state.site);
  const timeZone = site?.timezone ?? 'UTC';
  const [now, setNow] = useState(() => Date.now());
  useInterval(() => setNow(Date.now()), 30_000);

  const data = useRequest(`${lineId}-${now}-${timeZone}`, async () => {
    const calendar = await client.getSiteCalendar();
    const shift = currentShift(calendar.shifts, now, timeZone);
    const todayFrom = startOfLocalDay(now, timeZone);
    const [today, thisShift, outages] = await Promise.all([
      client.getReport({ from: iso(todayFrom), to: iso(now) }),
      shift ? client.getReport({ from: iso(shift.fromMs), to: iso(now) }) : Promise.resolve(null),
      client.listOutages({ from: iso(todayFrom), to: iso(now + 60_000), lineId, limit: 200 }),
    ]);
    return { today, thisShift, shiftName: shift?.shift.name ?? null, outages: outages.outages };
  });
  const byEndpoint = useMemo(() => {
    const map = new Map<string, { today?: EndpointFigures; shift?: EndpointFigures }>();
    for (const e of data.data?.today.endpoints ?? []) map.set(e.id, { today: e });
    for (const e of data.data?.thisShift?.endpoints ?? []) map.set(e.id, { ...map.get(e.id), shift: e });
    return map;
  }, [data.data]);

  if (!line && site) {
    return (
      <OperatorPage name="line" title="Unknown line">
        <p className="op-status op-status--error">
          ⚠ There is no line “{lineId}” in the configuration in use.
        </p>
      </OperatorPage>
    );
  }
  const d = data.data;
  return (
    <OperatorPage
      name="line"
      title={line?.name ?? lineId}
      subtitle={`${line?.endpoints.length ?? 0} devices`}
    >
      <LoadStatus status={data.status} error={data.error} empty={!d} what="the line's figures" emptyText="" />
      <div className="op-figures">
        <Figure label="Availability today" figures={d?.today.lines.find((l) => l.id === lineId)} />
        {d?.shiftName ? (
          <Figure
            label={`This shift (${d.shiftName})`}
            figures={d.thisShift?.lines.find((l) => l.id === lineId)}
          />
        ) : (
          d && <p className="op-muted">No shift is on now.</p>
        )}
      </div>
      <section className="op-section" aria-labelledby="devices-title">
        <h2 id="devices-title" className="op-section__title">
          Devices
        </h2>
        <table className="op-table">
          <thead>
            <tr>
              <th>State</th>
              <th>Device</th>
              <th>Type</th>
              <th>Today</th>
              <th>This shift</th>
              <th>Failures today</th>
            </tr>
          </thead>
          <tbody>
            {line?.endpoints.map((endpoint) => {
              const state = live[endpoint.id]?.state ?? 'unknown';
              const figures = byEndpoint.get(endpoint.id);
              return (
                <tr key={endpoint.id} data-endpoint-row={endpoint.id}>
                  <td>
                    <span className={`op-tag op-tag--${state}`}>
                      {STATE_LABEL[state].icon} {STATE_LABEL[state].text}
                    </span>
                  </td>
                  <td>
                    <a href={endpointHref(endpoint.id)}>{endpoint.name}</a>
                    {endpoint.critical && <span className="op-muted"> · critical</span>}
                  </td>
                  <td>{TYPE_LABEL[endpoint.type]}</td>
                  <td className="op-num">{formatAvailability(figures?.today?.availability ?? null)}</td>
                  <td className="op-num">
                    {d?.shiftName ? formatAvailability(figures?.shift?.availability ?? null) : '—'}
                  </td>
                  <td className="op-num">{figures?.today?.failures ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <section className="op-section" aria-labelledby="line-outages-title">
        <h2 id="line-outages-title" className="op-section__title">
          Outages today
        </h2>
        {d && d.outages.length === 0 && (
          <p className="op-status op-status--calm">✓ No outages on this line today.</p>
        )}
        {d && d.outages.length > 0 && (
          <table className="op-table">
            <thead>
              <tr>
                <th>Device</th>
                <th>Started</th>
                <th>Duration</th>
                <th>Status</th>
                <th>Failure</th>
              </tr>
            </thead>
            <tbody>
              {d.outages.map((o) => (
                <tr key={o.id}>
                  <td>
                    <a href={endpointHref(o.endpointId)}>{o.endpointName}</a>
                    {o.secondaryOf && <span className="op-muted"> · secondary</span>}
                  </td>
                  <td>{formatDateTime(o.startedAt, timeZone, true)}</td>
                  <td className="op-num">{formatDuration(o.duration_s)}</td>
                  <td>
                    {o.endedAt === null ? (
                      <span className="op-tag op-tag--down">✕ OPEN</span>
                    ) : (
                      <span className="op-tag op-tag--up">✓ closed</span>
                    )}
                  </td>
                  <td className="op-wrap">
                    <OutageCause endpointId={o.endpointId} kind={o.failureKind} message={o.failureMessage} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </OperatorPage>
  );
}
