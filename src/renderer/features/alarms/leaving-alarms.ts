// Alarms that just left the strip (cleared and acknowledged) stay for a few seconds, fading out, so
// the wall does not jump and operators see that something was resolved rather than vanished.
import { useEffect, useRef, useState } from 'react';
import type { AlarmView } from '../../../shared/contract';

export const LEAVING_MS = 4_000;

export function useLeavingAlarms(alarms: readonly AlarmView[]): AlarmView[] {
  const previous = useRef<readonly AlarmView[]>(alarms);
  const [leaving, setLeaving] = useState<AlarmView[]>([]);
  useEffect(() => {
    const present = new Set(alarms.map((alarm) => alarm.id));
    const gone = previous.current.filter((alarm) => !present.has(alarm.id));
    previous.current = alarms;
    if (gone.length === 0) return;
    setLeaving((current) => [...current.filter((a) => !present.has(a.id)), ...gone]);
    const timer = setTimeout(() => {
      const goneIds = new Set(gone.map((alarm) => alarm.id));
      setLeaving((current) => current.filter((alarm) => !goneIds.has(alarm.id)));
    }, LEAVING_MS);
    return () => clearTimeout(timer);
  }, [alarms]);
  return leaving;
}
