// Alarms and the engine's own health, as the renderer sees them.
import { z } from 'zod';
import { proofField } from './operator-proof';

const isoTime = z.iso.datetime({ offset: true });

export const AlarmView = z.object({
  id: z.number().int().positive(),
  endpointId: z.string(),
  endpointName: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  /** When the failing started (first failed check) and when the alarm was raised (detection). */
  startedAt: isoTime,
  raisedAt: isoTime,
  clearedAt: isoTime.nullable(),
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
  failure: z.string().nullable(),
  /** Endpoints whose outages are secondary to this one (their alarms are suppressed). */
  secondaryEndpointIds: z.array(z.string()),
});
export type AlarmView = z.infer<typeof AlarmView>;

export const AlarmList = z.object({ alarms: z.array(AlarmView) });
export type AlarmList = z.infer<typeof AlarmList>;

export const AcknowledgeAlarmRequest = z
  .object({
    alarmId: z.number().int().positive(),
    operator: z.string().trim().min(1, 'operator name is required').max(80),
    note: z.string().max(1000).default(''),
    ...proofField,
  })
  .strict();

export const AlarmsChangedEvent = z.object({
  reason: z.enum(['raised', 'cleared', 'acknowledged']),
  alarmId: z.number().int().positive(),
});

export const EngineStatus = z.object({
  endpointCount: z.number().int().nonnegative(),
  /** Largest delay between a check being due and starting, over the last minute. */
  schedulerMaxLagMs: z.number().nonnegative(),
  checksStarted: z.number().int().nonnegative(),
  skippedBusy: z.number().int().nonnegative(),
});
export type EngineStatus = z.infer<typeof EngineStatus>;
