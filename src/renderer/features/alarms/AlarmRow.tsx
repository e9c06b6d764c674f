// One alarm in the strip. Unanswered alarms are loud (solid badge, button); acknowledged ones that
// are still down stay visible but calm, with who answered and their note. Each shows its severity
// (shape and word) and what it costs; one with devices down behind it is a group of its own that
// opens to them (collapsed: in a storm the strip must stay short).
import { memo, useId, useState } from 'react';
import type { AlarmView, WallLine } from '../../../shared/contract';
import type { EndpointType } from '../../../shared/domain/endpoint';
import { formatDuration } from '../../../shared/format';
import { formatAcknowledged, formatBehind, formatClockTime, formatImpact, impactAt } from './format-alarm';
import { SeverityBadge } from './SeverityBadge';
import { ChevronIcon } from '../../components/icons';
import { isAcknowledged, isActive, useAlarms } from './alarm-store';
import { useClock } from '../../live/clock-store';
import { useWall } from '../../live/wall-store';

function endpointType(lines: readonly WallLine[], endpointId: string): EndpointType | undefined {
  for (const line of lines) {
    const endpoint = line.endpoints.find((candidate) => candidate.id === endpointId);
    if (endpoint) return endpoint.type;
  }
  return undefined;
}

/** Names of the devices down because of this alarm's device, joined for a primitive selector. */
function secondaryNames(lines: readonly WallLine[], ids: readonly string[]): string {
  if (ids.length === 0) return '';
  const wanted = new Set(ids);
  const names: string[] = [];
  for (const line of lines) {
    for (const endpoint of line.endpoints) if (wanted.has(endpoint.id)) names.push(endpoint.name);
  }
  return names.join('\n');
}

function FailingFor({ since }: { since: string }) {
  const text = useClock((now) => formatDuration((now - Date.parse(since)) / 1_000, { rounding: 'down' }));
  return <>{text}</>;
}

function Timing({ alarm, timeZone }: { alarm: AlarmView; timeZone: string | undefined }) {
  const started = formatClockTime(alarm.startedAt, timeZone);
  if (alarm.clearedAt === null) {
    return (
      <span className="alarm__timing" title={`Failing since ${started}`}>
        DOWN{' '}
        <strong>
          <FailingFor since={alarm.startedAt} />
        </strong>
        <span className="alarm__since"> since {started}</span>
      </span>
    );
  }
  // A finished outage: its recorded length, rounded as the outage pages and the CSV round it.
  const lasted = formatDuration((Date.parse(alarm.clearedAt) - Date.parse(alarm.startedAt)) / 1_000);
  return (
    <span className="alarm__timing">
      BACK UP {formatClockTime(alarm.clearedAt, timeZone)}
      <span className="alarm__since"> after {lasted}</span>
    </span>
  );
}

function Behind({ alarm, type }: { alarm: AlarmView; type: EndpointType | undefined }) {
  const [open, setOpen] = useState(false);
  const membersId = useId();
  const secondary = useWall((state) => (open ? secondaryNames(state.lines, alarm.secondaryEndpointIds) : ''));
  const label = formatBehind(alarm.secondaryEndpointIds.length, type);
  return (
    <>
      <button
        type="button"
        className="alarm__behind"
        aria-expanded={open}
        aria-controls={membersId}
        title="Their alarms are held back: they are down because of this one"
        onClick={() => setOpen((was) => !was)}
      >
        <ChevronIcon />
        {label}
      </button>
      <ul
        id={membersId}
        className="alarm__secondary"
        aria-label="Down because of this device (alarms held back)"
        hidden={!open}
      >
        {secondary !== '' && secondary.split('\n').map((name) => <li key={name}>↳ {name}</li>)}
      </ul>
    </>
  );
}

export const AlarmRow = memo(function AlarmRow({
  alarm,
  timeZone,
  leaving = false,
}: {
  alarm: AlarmView;
  timeZone: string | undefined;
  /** Resolved and gone from the list: shown fading out for a moment, without actions. */
  leaving?: boolean;
}) {
  const openAcknowledge = useAlarms((state) => state.openAcknowledge);
  const type = useWall((state) => endpointType(state.lines, alarm.endpointId));
  const acknowledged = isAcknowledged(alarm);
  const active = isActive(alarm);
  // A string selector: the row re-renders only when the shown cost changes, not every tick.
  const impact = useClock((now) => (active ? formatImpact(impactAt(alarm.impact, true, now)) : null));
  const kind = acknowledged ? 'acked' : active ? 'unacked' : 'cleared';
  const badge = acknowledged ? '✓ ACK' : active ? '⚠ ALARM' : '✓ CLEARED';
  return (
    <li
      className={`alarm alarm--${kind}${leaving ? ' alarm--leaving' : ''}`}
      data-alarm-id={alarm.id}
      data-alarm-kind={kind}
      data-severity={alarm.impact.severity}
      aria-label={`${alarm.lineName}, ${alarm.endpointName}: ${alarm.impact.severity} severity, ${acknowledged ? 'acknowledged' : 'not acknowledged'}`}
    >
      <SeverityBadge severity={alarm.impact.severity} />
      <span className="alarm__badge">{badge}</span>
      <span className="alarm__where">
        <span className="alarm__line">
          {alarm.lineName}
          {alarm.impact.inMaintenance && <span className="alarm__maintenance"> · in maintenance</span>}
        </span>
        <strong className="alarm__device">{alarm.endpointName}</strong>
      </span>
      <Timing alarm={alarm} timeZone={timeZone} />
      {impact && (
        <span className="alarm__impact" title="Downtime cost per minute, cost so far, what it takes down">
          {impact}
        </span>
      )}
      {alarm.secondaryEndpointIds.length > 0 && active && <Behind alarm={alarm} type={type} />}
      <span className="alarm__failure" title={alarm.failure ?? undefined}>
        {alarm.failure ?? 'No reply'}
      </span>
      {leaving ? (
        <span className="alarm__ack">Resolved</span>
      ) : acknowledged ? (
        <span className="alarm__ack" title={alarm.note ?? undefined}>
          {formatAcknowledged(alarm.acknowledgedBy, alarm.acknowledgedAt, alarm.note, timeZone)}
        </span>
      ) : (
        <button
          type="button"
          className="alarm__ack-button"
          data-ack-button={alarm.id}
          aria-haspopup="dialog"
          aria-label={`Acknowledge alarm: ${alarm.endpointName} on ${alarm.lineName}`}
          onClick={() => openAcknowledge(alarm.id)}
        >
          Acknowledge
        </button>
      )}
    </li>
  );
});
