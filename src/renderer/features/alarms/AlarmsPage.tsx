// The alarm list: every alarm still needing someone, worst first (severity, then the longest down:
// alarm-order.ts), each with its severity, cost and acknowledge button (the same dialogs and flows
// as the wall's strip; the App shell hosts them) and, once answered, who did and their note.
// Devices back up can be answered together with "Acknowledge all cleared".
// Below it, alarms closed in the last 24 hours, so the next shift can read what was done.
import { useMemo } from 'react';
import type { AlarmView } from '../../../shared/contract';
import { isAcknowledged, isActive, needsAttention, useAlarms } from './alarm-store';
import { useClock } from '../../live/clock-store';
import { useWall } from '../../live/wall-store';
import { useClient } from '../../app/client-context';
import { formatCount, formatDuration } from '../../../shared/format';
import { DAY_MS, isoTime } from '../../../shared/time';
import { formatDateTime } from '../operator/format-operator';
import { useInterval, useRequest } from '../operator/use-request';
import { LoadStatus, OperatorPage, endpointHref } from '../operator/OperatorPage';
import { SeverityBadge } from './SeverityBadge';
import { formatImpact, impactAt } from './format-alarm';
import { isClearedUnanswered } from './acknowledge-cleared-flow';
import { DeliveryLog } from './DeliveryLog';

function Elapsed({ since }: { since: string }) {
  const text = useClock((now) => formatDuration((now - Date.parse(since)) / 1000, { rounding: 'down' }));
  return <>{text}</>;
}

function AlarmItem({ alarm, timeZone }: { alarm: AlarmView; timeZone: string | undefined }) {
  const openAcknowledge = useAlarms((state) => state.openAcknowledge);
  const acknowledged = isAcknowledged(alarm);
  const active = isActive(alarm);
  const kind = acknowledged ? 'acked' : active ? 'unacked' : 'cleared';
  const impact = useClock((now) => (active ? formatImpact(impactAt(alarm.impact, true, now)) : null));
  const badge = acknowledged
    ? '✓ ACKNOWLEDGED'
    : active
      ? '⚠ NOT ACKNOWLEDGED'
      : '✓ BACK UP — NOT ACKNOWLEDGED';
  return (
    <li
      className={`op-alarm op-alarm--${kind}`}
      data-alarm-id={alarm.id}
      data-alarm-kind={kind}
      data-severity={alarm.impact.severity}
    >
      <span className="op-alarm__badges">
        <SeverityBadge severity={alarm.impact.severity} />
        <span className="op-alarm__badge">{badge}</span>
      </span>
      <div className="op-alarm__where">
        <span className="op-alarm__line">{alarm.lineName}</span>
        <a className="op-alarm__device" href={endpointHref(alarm.endpointId)}>
          {alarm.endpointName}
        </a>
      </div>
      <div className="op-alarm__timing">
        {active ? (
          <>
            <strong>DOWN</strong> for{' '}
            <strong>
              <Elapsed since={alarm.startedAt} />
            </strong>
          </>
        ) : (
          <>
            <strong>UP</strong> again {formatDateTime(alarm.clearedAt, timeZone)}
          </>
        )}
        <span className="op-muted"> · since {formatDateTime(alarm.startedAt, timeZone, true)}</span>
      </div>
      <div className="op-alarm__failure">{alarm.failure ?? 'No reply'}</div>
      {impact && <div className="op-alarm__impact">{impact}</div>}
      {alarm.impact.inMaintenance && <div className="op-muted">In maintenance: never above low</div>}
      {alarm.secondaryEndpointIds.length > 0 && (
        <div className="op-alarm__secondary">+{alarm.secondaryEndpointIds.length} devices down behind it</div>
      )}
      {acknowledged ? (
        <div className="op-alarm__ack">
          ACK by <strong>{alarm.acknowledgedBy}</strong> {formatDateTime(alarm.acknowledgedAt, timeZone)}
          {alarm.note && <blockquote className="op-alarm__note">{alarm.note}</blockquote>}
        </div>
      ) : (
        <button
          type="button"
          className="op-button op-button--primary"
          data-ack-button={alarm.id}
          aria-haspopup="dialog"
          aria-label={`Acknowledge alarm: ${alarm.endpointName} on ${alarm.lineName}`}
          onClick={() => openAcknowledge(alarm.id)}
        >
          Acknowledge…
        </button>
      )}
    </li>
  );
}

function RecentlyClosed({ timeZone }: { timeZone: string | undefined }) {
  const client = useClient();
  const alarmCount = useAlarms((state) => state.alarms.length);
  const closed = useRequest(`closed-${alarmCount}`, async () => {
    const now = Date.now();
    const { outages } = await client.listOutages({
      from: isoTime(now - DAY_MS),
      to: isoTime(now + 60_000),
      limit: 200,
    });
    return outages.filter((o) => o.secondaryOf === null && o.endedAt !== null);
  });
  useInterval(closed.reload, 60_000);
  const rows = closed.data ?? [];
  return (
    <section className="op-section" aria-labelledby="closed-title">
      <h2 id="closed-title" className="op-section__title">
        Closed in the last 24 hours
      </h2>
      <LoadStatus
        status={closed.status}
        error={closed.error}
        empty={rows.length === 0}
        what="closed alarms"
        emptyText="No alarm was closed in the last 24 hours."
      />
      {rows.length > 0 && (
        <table className="op-table">
          <thead>
            <tr>
              <th>Device</th>
              <th>Down from</th>
              <th>Duration</th>
              <th>Acknowledged</th>
              <th>Note</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <td>
                  <span className="op-muted">{o.lineName} · </span>
                  <a href={endpointHref(o.endpointId)}>{o.endpointName}</a>
                </td>
                <td>{formatDateTime(o.startedAt, timeZone, true)}</td>
                <td className="op-num">{formatDuration(o.duration_s)}</td>
                <td>{o.acknowledgedBy ? `✓ ${o.acknowledgedBy}` : '✕ never'}</td>
                <td>{o.note ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function AlarmsPage() {
  const alarms = useAlarms((state) => state.alarms);
  const loaded = useAlarms((state) => state.loaded);
  const loadError = useAlarms((state) => state.loadError);
  const timeZone = useWall((state) => state.site?.timezone);
  const unanswered = useMemo(() => alarms.filter(needsAttention).length, [alarms]);
  const cleared = useMemo(() => alarms.filter(isClearedUnanswered).length, [alarms]);
  const openCleared = useAlarms((state) => state.openAcknowledgeCleared);
  const subtitle = !loaded
    ? 'Loading…'
    : `${unanswered} waiting for acknowledgement · ${alarms.length - unanswered} acknowledged, still down`;
  return (
    <OperatorPage name="alarms" title="Alarms" subtitle={subtitle}>
      {loadError && (
        <p className="op-status op-status--error" role="alert">
          ⚠ The alarm list may be out of date: {loadError}
        </p>
      )}
      {!loaded && !loadError && <p className="op-status">Loading alarms…</p>}
      {loaded && alarms.length === 0 && (
        <p className="op-status op-status--calm">✓ No active alarms. Every monitored device answers.</p>
      )}
      {cleared > 0 && (
        <p className="op-alarms__bulk">
          <button
            type="button"
            className="op-button"
            data-ack-cleared-button=""
            aria-haspopup="dialog"
            onClick={openCleared}
          >
            Acknowledge all cleared ({formatCount(cleared)})…
          </button>
        </p>
      )}
      {alarms.length > 0 && (
        <ul className="op-alarms" aria-label="Active alarms">
          {alarms.map((alarm) => (
            <AlarmItem key={alarm.id} alarm={alarm} timeZone={timeZone} />
          ))}
        </ul>
      )}
      <RecentlyClosed timeZone={timeZone} />
      <DeliveryLog timeZone={timeZone} />
    </OperatorPage>
  );
}
