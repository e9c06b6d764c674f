// Alarms and the engine's own health, as the renderer sees them.
import { z } from 'zod';
import { proofField } from './operator-proof';

const isoTime = z.iso.datetime({ offset: true });

/** Most urgent first: the order the strip and the alarm list sort by. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];
/** How far a fault spreads if it is not fixed: by dependants, criticality and cost. */
export const CASCADE_RISKS = ['low', 'medium', 'high', 'critical'] as const;
export type CascadeRisk = (typeof CASCADE_RISKS)[number];

/**
 * What an active alarm means for production, computed in main (src/main/alarms/impact.ts, where
 * each rule is documented) and shown wherever the alarm is.
 */
export const AlarmImpact = z.object({
  /** The line's downtime cost per minute while this alarm takes the line down, else 0. */
  costPerMinute: z.number().nonnegative(),
  /** The line's down time caused since the outage started, times that rate. */
  costSoFar: z.number().nonnegative(),
  affected: z.object({
    /** Transitive dependants by `depends_on`. */
    endpointIds: z.array(z.string()),
    /** The lines this alarm takes down. */
    lineIds: z.array(z.string()),
  }),
  cascadeRisk: z.enum(CASCADE_RISKS),
  /** Median repair time of this endpoint's counted outages of the past 90 days; null without any. */
  expectedRecoveryS: z.number().nonnegative().nullable(),
  /** The shift in which the outage started; null when the site has no shifts. */
  shift: z.object({ id: z.string(), name: z.string() }).nullable(),
  /** Never above `low` while the endpoint is in maintenance. */
  severity: z.enum(SEVERITIES),
  inMaintenance: z.boolean(),
  /**
   * The instant these figures are for: the answer's now, or the outage's end. While the alarm is
   * active a screen adds `costPerMinute` for the time since, so its cost keeps counting between
   * answers.
   */
  asOf: isoTime.optional(),
});
export type AlarmImpact = z.infer<typeof AlarmImpact>;

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
  impact: AlarmImpact,
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

/** Most alarms one "Acknowledge all cleared" may answer at once (a storm is ~300). */
export const MAX_BATCH_ACKNOWLEDGE = 1000;

/**
 * "Acknowledge all cleared": one note for a selection of alarms whose device is back up. Main
 * acknowledges the ones it can in one transaction (one audit entry each) and names the others.
 */
export const AcknowledgeAlarmsRequest = z
  .object({
    alarmIds: z
      .array(z.number().int().positive())
      .min(1, 'choose at least one alarm')
      .max(MAX_BATCH_ACKNOWLEDGE)
      .refine((ids) => new Set(ids).size === ids.length, 'alarm ids must not repeat'),
    operator: z.string().trim().min(1, 'operator name is required').max(80),
    note: z.string().max(1000).default(''),
    ...proofField,
  })
  .strict();

export const BATCH_REFUSALS = ['not_found', 'not_cleared', 'already_acknowledged'] as const;

export const AcknowledgeAlarmsResult = z.object({
  /** The alarms acknowledged by this request, as they are now. */
  acknowledged: z.array(AlarmView),
  /** The alarms left alone, each with why, in words for the operator. */
  refused: z.array(
    z.object({
      alarmId: z.number().int().positive(),
      reason: z.enum(BATCH_REFUSALS),
      /** Who answered it first, for `already_acknowledged`. */
      acknowledgedBy: z.string().nullable(),
      message: z.string(),
    }),
  ),
});
export type AcknowledgeAlarmsResult = z.infer<typeof AcknowledgeAlarmsResult>;

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
