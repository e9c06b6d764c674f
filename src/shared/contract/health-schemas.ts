// Linewatch's own health (issue 14): the checks behind `GET /healthz` and `getHealth`, and the
// system alarms a failing check raises on the wall. System alarms are not device alarms: they live
// in main's memory, not in the database, because the database may be the thing that is failing.
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

/** Worst first is `failing`; `degraded` still answers HTTP 200, `failing` answers 503. */
export const HEALTH_STATUSES = ['ok', 'degraded', 'failing'] as const;
export type HealthStatus = (typeof HEALTH_STATUSES)[number];

export const HealthCheck = z.object({
  /** Stable machine name, e.g. `database`, `disk_space`, `scheduler_lag`. */
  name: z.string(),
  status: z.enum(HEALTH_STATUSES),
  /** One line for a person; may name paths, so a LAN caller without the token never sees it. */
  detail: z.string(),
});
export type HealthCheck = z.infer<typeof HealthCheck>;

/** The kinds of system alarm, one per check that can raise one. */
export const SYSTEM_ALARM_KINDS = ['database_unwritable', 'disk_almost_full'] as const;
export type SystemAlarmKind = (typeof SYSTEM_ALARM_KINDS)[number];

export const SystemAlarm = z.object({
  kind: z.enum(SYSTEM_ALARM_KINDS),
  /** What the wall shows, e.g. "Linewatch cannot write to its database". */
  message: z.string(),
  detail: z.string(),
  raisedAt: isoTime,
});
export type SystemAlarm = z.infer<typeof SystemAlarm>;

export const Health = z.object({
  status: z.enum(HEALTH_STATUSES),
  checkedAt: isoTime,
  checks: z.array(HealthCheck),
  /** Active system alarms; each clears when its check recovers. */
  systemAlarms: z.array(SystemAlarm),
});
export type Health = z.infer<typeof Health>;
