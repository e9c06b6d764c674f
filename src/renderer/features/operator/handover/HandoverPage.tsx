// The shift handover: the last shift that ended (or a chosen one) with its totals, line figures,
// outages, worst devices and alarms still open (most severe first, with their cost). "Print" uses the page's print CSS, which in
// Electron is also how it becomes a PDF.
import { useState } from 'react';
import type { ShiftHandover } from '../../../../shared/contract';
import { useClient } from '../../../app/client-context';
import { formatAvailability, formatCost, formatCount, formatDuration } from '../../../../shared/format';
import { formatDateTime } from '../format-operator';
import { useRequest } from '../use-request';
import { LoadStatus, OperatorPage, endpointHref } from '../OperatorPage';
import { trackUsage } from '../../telemetry/start-telemetry';
import { SeverityBadge } from '../../alarms/SeverityBadge';
import { OutageCause } from '../OutageCause';

function Totals({ h }: { h: ShiftHandover }) {
  const t = h.totals;
  return (
    <div className="op-figures">
      <div className="op-figure">
        <span className="op-figure__label">Availability</span>
        <strong className="op-figure__value">{formatAvailability(t.availability)}</strong>
        {t.availability === null && <span className="op-muted">no monitored time in this shift</span>}
      </div>
      <div className="op-figure">
        <span className="op-figure__label">Failures</span>
        <strong className="op-figure__value">{formatCount(t.failures)}</strong>
      </div>
      <div className="op-figure">
        <span className="op-figure__label">Down time</span>
        <strong className="op-figure__value">{formatDuration(t.down_s)}</strong>
      </div>
      <div className="op-figure">
        <span className="op-figure__label">Downtime cost</span>
        <strong className="op-figure__value">{formatCost(t.downtime_cost)}</strong>
      </div>
    </div>
  );
}

function HandoverBody({ h }: { h: ShiftHandover }) {
  const tz = h.site.timezone;
  return (
    <>
      <Totals h={h} />
      <section className="op-section op-keep" aria-labelledby="ho-alarms">
        <h2 id="ho-alarms" className="op-section__title">
          Alarms still open at the end of the shift ({h.openAlarms.length})
        </h2>
        {h.openAlarms.length === 0 ? (
          <p className="op-status op-status--calm">✓ None: every alarm was acknowledged and cleared.</p>
        ) : (
          <ul className="op-list">
            {h.openAlarms.map((a) => (
              <li key={a.alarmId} data-severity={a.impact.severity}>
                <SeverityBadge severity={a.impact.severity} />{' '}
                <strong>{a.acknowledged ? '✓ ACK' : '⚠ NOT ACK'}</strong> {a.lineName} ·{' '}
                <a href={endpointHref(a.endpointId)}>{a.endpointName}</a> — down since{' '}
                {formatDateTime(a.startedAt, tz)}
                {a.cleared ? ', back up' : ', still down'}
                {' · cost '}
                {formatCost(a.impact.costSoFar)}
                {a.impact.costPerMinute > 0 && ` (${formatCost(a.impact.costPerMinute)}/min)`}
                {a.note && (
                  <span className="op-note">
                    {' '}
                    — “{a.note}” ({a.acknowledgedBy})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="op-section op-keep" aria-labelledby="ho-lines">
        <h2 id="ho-lines" className="op-section__title">
          Lines
        </h2>
        <table className="op-table">
          <thead>
            <tr>
              <th>Line</th>
              <th>Availability</th>
              <th>Failures</th>
              <th>Down time</th>
              <th>Cost</th>
            </tr>
          </thead>
          <tbody>
            {h.lines.map((l) => (
              <tr key={l.id}>
                <th scope="row">{l.name}</th>
                <td className="op-num">{formatAvailability(l.availability)}</td>
                <td className="op-num">{formatCount(l.failures)}</td>
                <td className="op-num">{formatDuration(l.down_s)}</td>
                <td className="op-num">{formatCost(l.downtime_cost)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section className="op-section" aria-labelledby="ho-outages">
        <h2 id="ho-outages" className="op-section__title">
          Outages during the shift ({h.outages.length})
        </h2>
        {h.outages.length === 0 ? (
          <p className="op-status op-status--calm">✓ No outages during this shift.</p>
        ) : (
          <table className="op-table">
            <thead>
              <tr>
                <th>Device</th>
                <th>From</th>
                <th>To</th>
                <th>Duration</th>
                <th>Failure</th>
                <th>Acknowledged / note</th>
              </tr>
            </thead>
            <tbody>
              {h.outages.map((o) => (
                <tr key={o.outageId}>
                  <td>
                    <span className="op-muted">{o.lineName} · </span>
                    {o.endpointName}
                    {o.secondaryOf && <span className="op-muted"> (secondary)</span>}
                    {o.inMaintenance && <span className="op-muted"> (maintenance)</span>}
                  </td>
                  <td>{formatDateTime(o.startedAt, tz)}</td>
                  <td>{o.endedAt ? formatDateTime(o.endedAt, tz) : 'still down'}</td>
                  <td className="op-num">{formatDuration(o.duration_s)}</td>
                  <td className="op-wrap">
                    <OutageCause endpointId={o.endpointId} kind={o.failureKind} message={o.failureMessage} />
                  </td>
                  <td className="op-wrap">
                    {o.acknowledgedBy ? `✓ ${o.acknowledgedBy}${o.note ? ` — ${o.note}` : ''}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {h.worstDevices.length > 0 && (
        <section className="op-section op-keep" aria-labelledby="ho-worst">
          <h2 id="ho-worst" className="op-section__title">
            Devices with the most down time
          </h2>
          <ol className="op-list">
            {h.worstDevices.map((d) => (
              <li key={d.endpointId}>
                {d.lineName} · <strong>{d.endpointName}</strong> — {formatDuration(d.down_s)} down,{' '}
                {formatCount(d.failures)} failures, {formatAvailability(d.availability)}
              </li>
            ))}
          </ol>
        </section>
      )}
      <p className="op-muted op-print-footer">
        Generated {formatDateTime(h.generatedAt, tz, true)} by Linewatch · {h.site.name}
      </p>
    </>
  );
}

export function HandoverPage() {
  const client = useClient();
  const [shiftId, setShiftId] = useState<string>('');
  const calendar = useRequest('calendar', () => client.getSiteCalendar());
  const handover = useRequest(`handover-${shiftId}`, () =>
    client.getShiftHandover(shiftId ? { shiftId } : {}),
  );
  const h = handover.data;
  const tz = h?.site.timezone;
  return (
    <OperatorPage
      name="handover"
      title={h ? `Shift handover — ${h.shift?.name ?? 'custom window'}` : 'Shift handover'}
      subtitle={
        h
          ? `${h.site.name} · ${formatDateTime(h.from, tz)} – ${formatDateTime(h.to, tz)} (site time)`
          : undefined
      }
      actions={
        <>
          <label className="op-field op-field--inline op-no-print">
            <span>Shift</span>
            <select name="shift" value={shiftId} onChange={(e) => setShiftId(e.target.value)}>
              <option value="">Last shift that ended</option>
              {calendar.data?.shifts.map((s) => (
                <option key={s.id} value={s.id}>
                  Last {s.name}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="op-button op-button--primary op-no-print"
            onClick={() => {
              trackUsage({ name: 'Report Exported', format: 'handover-print' });
              window.print();
            }}
            disabled={!h}
          >
            Print / PDF
          </button>
        </>
      }
    >
      <LoadStatus
        status={handover.status}
        error={handover.error}
        empty={!h}
        what="the handover"
        emptyText=""
      />
      {h && <HandoverBody h={h} />}
    </OperatorPage>
  );
}
