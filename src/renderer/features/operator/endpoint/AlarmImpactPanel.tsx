// The device's current alarm on its own page: what it costs, what it takes down and when it is
// likely back, as main computed it (src/main/alarms/impact.ts). Severity is a shape and a word.
import type { AlarmView, WallLine } from '../../../../shared/contract';
import { formatCost, formatCount, formatDuration } from '../../../../shared/format';
import { SeverityBadge } from '../../alarms/SeverityBadge';
import { impactAt } from '../../alarms/format-alarm';
import { useClock } from '../../../live/clock-store';
import { formatDateTime } from '../format-operator';
import { endpointHref, lineHref } from '../OperatorPage';
import './impact.css';

/** Names from the wall's structure; an id the wall does not know is shown as it is. */
function namesOf(lines: readonly WallLine[]) {
  const endpoints = new Map(lines.flatMap((l) => l.endpoints.map((e) => [e.id, e.name] as const)));
  const lineNames = new Map(lines.map((l) => [l.id, l.name] as const));
  return {
    endpoint: (id: string) => endpoints.get(id) ?? id,
    line: (id: string) => lineNames.get(id) ?? id,
  };
}

/** Keeps counting at the alarm's rate between answers while the device is still down. */
function CostSoFar({ alarm }: { alarm: AlarmView }) {
  const active = alarm.clearedAt === null;
  return useClock((now) => formatCost(impactAt(alarm.impact, active, now).costSoFar));
}

export function AlarmImpactPanel({
  alarm,
  lines,
  timeZone,
}: {
  alarm: AlarmView;
  lines: readonly WallLine[];
  timeZone: string | undefined;
}) {
  const { impact } = alarm;
  const names = namesOf(lines);
  const { endpointIds, lineIds } = impact.affected;
  return (
    <section className="op-section op-impact" aria-labelledby="impact-title" data-severity={impact.severity}>
      <h2 id="impact-title" className="op-section__title">
        Current alarm <SeverityBadge severity={impact.severity} />
        {impact.inMaintenance && <span className="op-muted"> · in maintenance</span>}
      </h2>
      <p className="op-muted">
        Down since {formatDateTime(alarm.startedAt, timeZone, true)}
        {impact.shift && ` (${impact.shift.name})`}
        {alarm.clearedAt ? ` · back up ${formatDateTime(alarm.clearedAt, timeZone, true)}` : ''}
        {alarm.acknowledgedBy ? ` · acknowledged by ${alarm.acknowledgedBy}` : ' · not acknowledged'}
      </p>
      <div className="op-figures">
        <div className="op-figure">
          <span className="op-figure__label">Cost so far</span>
          <strong className="op-figure__value" data-testid="impact-cost">
            <CostSoFar alarm={alarm} />
          </strong>
          <span className="op-muted">
            {impact.costPerMinute > 0 ? `${formatCost(impact.costPerMinute)} per minute` : 'no cost running'}
          </span>
        </div>
        <div className="op-figure">
          <span className="op-figure__label">Expected recovery</span>
          <strong className="op-figure__value">
            {impact.expectedRecoveryS === null ? 'no history' : formatDuration(impact.expectedRecoveryS)}
          </strong>
          <span className="op-muted">median repair, past 90 days</span>
        </div>
        <div className="op-figure">
          <span className="op-figure__label">Cascade risk</span>
          <strong className="op-figure__value">{impact.cascadeRisk}</strong>
          <span className="op-muted">{formatCount(endpointIds.length)} dependent devices</span>
        </div>
      </div>
      <p>
        <strong>Lines down: </strong>
        {lineIds.length === 0
          ? 'none'
          : lineIds.map((id, i) => (
              <span key={id}>
                {i > 0 && ', '}
                <a href={lineHref(id)}>{names.line(id)}</a>
              </span>
            ))}
      </p>
      {endpointIds.length > 0 && (
        <p className="op-wrap">
          <strong>Devices behind it: </strong>
          {endpointIds.map((id, i) => (
            <span key={id}>
              {i > 0 && ', '}
              <a href={endpointHref(id)}>{names.endpoint(id)}</a>
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
