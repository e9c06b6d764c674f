// The alarm strip at the top of the wall. It is absent while all is well (the wall stays calm) and
// appears, loud, the moment an alarm needs someone; answered alarms calm down but stay until the
// device is back.
import { needsAttention, useAlarms } from './alarm-store';
import { useWall } from '../../live/wall-store';
import { AlarmRow } from './AlarmRow';
import { useLeavingAlarms } from './leaving-alarms';

export const ALARM_STRIP_ID = 'alarm-strip';

function summary(unanswered: number, answered: number): string {
  const parts: string[] = [];
  if (unanswered > 0)
    parts.push(`${unanswered} ${unanswered === 1 ? 'ALARM NEEDS' : 'ALARMS NEED'} ACKNOWLEDGEMENT`);
  if (answered > 0) parts.push(`${answered} acknowledged, still down`);
  return parts.join(' · ');
}

export function AlarmStrip() {
  const alarms = useAlarms((state) => state.alarms);
  const loadError = useAlarms((state) => state.loadError);
  const timeZone = useWall((state) => state.site?.timezone);
  const leaving = useLeavingAlarms(alarms);
  if (alarms.length === 0 && leaving.length === 0 && !loadError) return null;
  const unanswered = alarms.filter(needsAttention).length;
  return (
    <section
      id={ALARM_STRIP_ID}
      className={`alarms${unanswered > 0 ? ' alarms--attention' : ''}`}
      aria-label="Alarms"
      tabIndex={-1}
    >
      {alarms.length > 0 && (
        <h2 className="alarms__summary" aria-live="assertive">
          {summary(unanswered, alarms.length - unanswered)}
        </h2>
      )}
      {loadError && (
        <p className="alarms__error" role="alert">
          ⚠ Alarm list may be out of date: {loadError}
        </p>
      )}
      <ul className="alarms__list">
        {alarms.map((alarm) => (
          <AlarmRow key={alarm.id} alarm={alarm} timeZone={timeZone} />
        ))}
        {leaving.map((alarm) => (
          <AlarmRow key={`leaving-${alarm.id}`} alarm={alarm} timeZone={timeZone} leaving />
        ))}
      </ul>
    </section>
  );
}
