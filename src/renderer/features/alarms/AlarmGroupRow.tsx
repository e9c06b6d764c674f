// A group row of the strip (alarm-groups.ts): "the rest of Line 36: 9 devices down", or the devices
// back up whose alarms wait for a note. It shows the worst severity (shape and word), the counts and
// what the group costs per minute, and opens to its alarms with a real button (keyboard and touch,
// aria-expanded). Collapsed at first: in a storm the strip must leave the wall its room.
import { memo, useId, useState } from 'react';
import { formatCount, formatDuration } from '../../../shared/format';
import { groupTitle, type GroupEntry } from './alarm-groups';
import { AlarmRow } from './AlarmRow';
import { formatCostRate } from './format-alarm';
import { SeverityBadge } from './SeverityBadge';
import { ChevronIcon } from '../../components/icons';
import { useClock } from '../../live/clock-store';

function Oldest({ since }: { since: string }) {
  const text = useClock((now) => formatDuration((now - Date.parse(since)) / 1_000, { rounding: 'down' }));
  return <>{text}</>;
}

export const AlarmGroupRow = memo(function AlarmGroupRow({
  entry,
  timeZone,
}: {
  entry: GroupEntry;
  timeZone: string | undefined;
}) {
  const [open, setOpen] = useState(false);
  const membersId = useId();
  const { summary } = entry;
  const title = groupTitle(entry);
  const cleared = entry.kind === 'cleared';
  return (
    <li
      className={`alarm-group alarm-group--${entry.kind}${summary.unacknowledged > 0 && !cleared ? ' alarm-group--attention' : ''}`}
      data-group={entry.key}
      data-severity={summary.worst}
    >
      {cleared ? (
        <span className="alarm-group__up">✓ BACK UP</span>
      ) : (
        <SeverityBadge severity={summary.worst} prefix="worst" />
      )}
      <button
        type="button"
        className="alarm-group__toggle"
        aria-expanded={open}
        aria-controls={membersId}
        aria-label={`${title}: ${open ? 'hide' : 'show'} the ${formatCount(summary.alarms)} alarms`}
        onClick={() => setOpen((was) => !was)}
      >
        <ChevronIcon />
        {open ? 'Hide' : 'Show'} {formatCount(summary.alarms)}
      </button>
      <span className="alarm-group__title">
        <strong>{title}</strong>
        {!cleared && <span className="alarm-group__worst">worst: {summary.worstAlarm.endpointName}</span>}
      </span>
      <span className="alarm__timing alarm-group__timing">
        {cleared ? (
          'not acknowledged'
        ) : (
          <>
            DOWN up to{' '}
            <strong>
              <Oldest since={summary.oldestStartedAt} />
            </strong>
          </>
        )}
      </span>
      {summary.costPerMinute > 0 && (
        <span className="alarm__impact" title="What the group's lines lose per minute, each line once">
          {formatCostRate(summary.costPerMinute)}
        </span>
      )}
      <span className="alarm-group__counts alarm__failure">
        {cleared
          ? 'They answer again: “Acknowledge all cleared” takes one note for them'
          : summary.unacknowledged > 0
            ? `${formatCount(summary.unacknowledged)} not acknowledged`
            : 'all acknowledged'}
      </span>
      <ul id={membersId} className="alarm-group__members" aria-label={title} hidden={!open}>
        {open && entry.alarms.map((alarm) => <AlarmRow key={alarm.id} alarm={alarm} timeZone={timeZone} />)}
      </ul>
    </li>
  );
});
