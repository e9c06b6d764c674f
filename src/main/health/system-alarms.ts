// System alarms: Linewatch's own faults on the wall, raised by a failing health check and cleared
// when it recovers. Kept in memory on purpose: the database may be what is failing.
import type { HealthCheck, SystemAlarm, SystemAlarmKind } from '../../shared/contract';
import { isoTime } from '../../shared/time';

const RAISED_BY: Record<SystemAlarmKind, { check: string; message: string }> = {
  database_unwritable: { check: 'database', message: 'Linewatch cannot write to its database' },
  disk_almost_full: { check: 'disk_space', message: 'Disk almost full' },
};
const KINDS = Object.keys(RAISED_BY) as SystemAlarmKind[];

export interface SystemAlarms {
  /** Raise or clear each kind from the latest checks; true when the active set changed. */
  update(checks: readonly HealthCheck[], now: number): boolean;
  active(): SystemAlarm[];
}

export function createSystemAlarms(log: (line: string) => void): SystemAlarms {
  const active = new Map<SystemAlarmKind, SystemAlarm>();
  return {
    update(checks, now) {
      let changed = false;
      for (const kind of KINDS) {
        const { check: name, message } = RAISED_BY[kind];
        const failing = checks.find((c) => c.name === name && c.status === 'failing');
        const current = active.get(kind);
        if (failing && !current) {
          active.set(kind, { kind, message, detail: failing.detail, raisedAt: isoTime(now) });
          log(`system alarm: ${message} (${failing.detail})`);
          changed = true;
        } else if (failing && current && current.detail !== failing.detail) {
          // Same alarm, fresher detail (free space shrinking); the raise time stays.
          active.set(kind, { ...current, detail: failing.detail });
        } else if (!failing && current) {
          active.delete(kind);
          log(`system alarm cleared: ${message}`);
          changed = true;
        }
      }
      return changed;
    },
    active: () => [...active.values()],
  };
}
