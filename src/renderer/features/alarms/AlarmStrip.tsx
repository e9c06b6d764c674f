// The alarm strip at the top of the wall. It is absent while all is well (the wall stays calm) and
// appears, loud, the moment an alarm needs someone; answered alarms calm down but stay until the
// device is back. In a storm it stays short: alarms behind a common cause are one row each
// (alarm-groups.ts), worst first, collapsed, and the strip's height is capped (alarms.css) so the
// lines below stay in view. Devices back up wait in one row for "Acknowledge all cleared".
import { useMemo } from 'react';
import { formatCount } from '../../../shared/format';
import { needsAttention, useAlarms } from './alarm-store';
import { useWall } from '../../live/wall-store';
import { AlarmRow } from './AlarmRow';
import { AlarmGroupRow } from './AlarmGroupRow';
import { groupAlarms } from './alarm-groups';
import { isClearedUnanswered } from './acknowledge-cleared-flow';
import { useLeavingAlarms } from './leaving-alarms';

export const ALARM_STRIP_ID = 'alarm-strip';

function summary(unanswered: number, answered: number, rows: number, alarms: number): string {
  const parts: string[] = [];
  if (unanswered > 0)
    parts.push(
      `${formatCount(unanswered)} ${unanswered === 1 ? 'ALARM NEEDS' : 'ALARMS NEED'} ACKNOWLEDGEMENT`,
    );
  if (answered > 0) parts.push(`${formatCount(answered)} acknowledged, still down`);
  if (rows < alarms) parts.push(`${formatCount(alarms)} alarms in ${formatCount(rows)} rows`);
  return parts.join(' · ');
}

export function AlarmStrip() {
  const alarms = useAlarms((state) => state.alarms);
  const loadError = useAlarms((state) => state.loadError);
  const openCleared = useAlarms((state) => state.openAcknowledgeCleared);
  const timeZone = useWall((state) => state.site?.timezone);
  const leaving = useLeavingAlarms(alarms);
  const entries = useMemo(() => groupAlarms(alarms), [alarms]);
  const counts = useMemo(
    () => ({
      unanswered: alarms.filter(needsAttention).length,
      cleared: alarms.filter(isClearedUnanswered).length,
    }),
    [alarms],
  );
  if (alarms.length === 0 && leaving.length === 0 && !loadError) return null;
  const { unanswered, cleared } = counts;
  return (
    <section
      id={ALARM_STRIP_ID}
      className={`alarms${unanswered > cleared ? ' alarms--attention' : ''}`}
      aria-label="Alarms"
      tabIndex={-1}
    >
      {alarms.length > 0 && (
        <div className="alarms__head">
          <h2 className="alarms__summary" aria-live="assertive">
            {summary(unanswered, alarms.length - unanswered, entries.length, alarms.length)}
          </h2>
          {cleared > 0 && (
            <button
              type="button"
              className="alarms__ack-cleared"
              data-ack-cleared-button=""
              aria-haspopup="dialog"
              onClick={openCleared}
            >
              Acknowledge all cleared ({formatCount(cleared)})…
            </button>
          )}
        </div>
      )}
      {loadError && (
        <p className="alarms__error" role="alert">
          ⚠ Alarm list may be out of date: {loadError}
        </p>
      )}
      <ul className="alarms__list">
        {entries.map((entry) =>
          entry.kind === 'alarm' ? (
            <AlarmRow key={entry.key} alarm={entry.alarm} timeZone={timeZone} />
          ) : (
            <AlarmGroupRow key={entry.key} entry={entry} timeZone={timeZone} />
          ),
        )}
        {leaving.map((alarm) => (
          <AlarmRow key={`leaving-${alarm.id}`} alarm={alarm} timeZone={timeZone} leaving />
        ))}
      </ul>
    </section>
  );
}
