// Payloads of the report-related contract entries: the KPI report, the shift handover and the chart
// series. Windows are checked here (not only in main) so the renderer can validate a window before
// asking, and main's handlers only ever see windows they can answer cheaply.
import { z } from 'zod';
import { DAY_MS, HOUR_MS, MINUTE_MS, isoTime as isoText } from '../time';
import { AlarmImpact } from './alarm-schemas';
import { ENDPOINT_TYPES } from '../domain/endpoint';
import { outageViewFields } from './outage-view';
import { isoInstantMs } from './schemas';

// The Report itself is defined next to the KPI spec; re-exported so the renderer reads every
// contract payload from one place.
export {
  EndpointFigures,
  LineFigures,
  Report,
  ReportOutage,
  ShiftFigures,
  SiteFigures,
} from '../report/report-schema';

const isoTime = z.iso.datetime({ offset: true });

/** Each availability bucket is one full KPI computation, so the count is kept small. */
export const MAX_AVAILABILITY_BUCKETS = 200;
/** RTT buckets are read from the rollups; one week of minutes is still a cheap read. */
export const MAX_RTT_BUCKETS = 10_080;

// Local days are 23-25 h long; 24 h is close enough for a cap estimate.
const BUCKET_MS = { minute: MINUTE_MS, hour: HOUR_MS, day: DAY_MS } as const;

/** Adds an issue unless from < to and the window holds at most `max` buckets of `resolution`. */
function checkWindow(
  value: { from: number; to: number; resolution?: keyof typeof BUCKET_MS },
  max: number | null,
  ctx: z.RefinementCtx,
): void {
  const { from: fromMs, to: toMs } = value;
  if (!(fromMs < toMs)) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `"to" (${isoText(toMs)}) must be after "from" (${isoText(fromMs)})`,
    });
    return;
  }
  if (max === null || value.resolution === undefined) return;
  const buckets = Math.ceil((toMs - fromMs) / BUCKET_MS[value.resolution]);
  if (buckets > max) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `the window spans ${buckets} ${value.resolution} buckets; at most ${max} are allowed (shorten the window or use a coarser resolution)`,
    });
  }
}

export const GetReportRequest = z
  .object({ from: isoInstantMs, to: isoInstantMs })
  .strict()
  .superRefine((value, ctx) => checkWindow(value, null, ctx));

export const GetShiftHandoverRequest = z
  .object({
    /** A shift id of the config: its most recent occurrence that has ended. */
    shiftId: z.string().min(1).optional(),
    from: isoInstantMs.optional(),
    to: isoInstantMs.optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    const given = (value.from !== undefined ? 1 : 0) + (value.to !== undefined ? 1 : 0);
    if (given === 1) ctx.addIssue({ code: 'custom', message: 'give both "from" and "to", or neither' });
    else if (given === 2 && value.shiftId !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'give "shiftId" or "from"/"to", not both' });
    } else if (value.from !== undefined && value.to !== undefined) {
      checkWindow({ from: value.from, to: value.to }, null, ctx);
    }
  });

const HandoverFigures = z.object({
  up_s: z.number().nonnegative(),
  down_s: z.number().nonnegative(),
  maintenance_s: z.number().nonnegative(),
  unknown_s: z.number().nonnegative(),
  availability: z.number().min(0).max(1).nullable(),
  failures: z.number().int().nonnegative(),
  downtime_cost: z.number().nonnegative().nullable(),
});

export const HandoverLine = HandoverFigures.extend({ id: z.string(), name: z.string() });
export type HandoverLine = z.infer<typeof HandoverLine>;

export const HandoverOutage = z.object({
  outageId: z.number().int(),
  ...outageViewFields,
  /** The device's type, for the cause's words ("PLC answers with an exception"); null once removed from the config. */
  endpointType: z.enum(ENDPOINT_TYPES).nullable(),
});
export type HandoverOutage = z.infer<typeof HandoverOutage>;

export const HandoverDevice = z.object({
  endpointId: z.string(),
  endpointName: z.string(),
  lineName: z.string(),
  down_s: z.number().nonnegative(),
  failures: z.number().int().nonnegative(),
  availability: z.number().min(0).max(1).nullable(),
});
export type HandoverDevice = z.infer<typeof HandoverDevice>;

export const HandoverAlarm = z.object({
  alarmId: z.number().int(),
  endpointId: z.string(),
  endpointName: z.string(),
  lineName: z.string(),
  startedAt: isoTime,
  raisedAt: isoTime,
  failureMessage: z.string().nullable(),
  /** As of the end of the shift: an alarm acknowledged later still shows as unacknowledged. */
  acknowledged: z.boolean(),
  cleared: z.boolean(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
  /** The alarm's impact as of the end of the shift (cost so far up to then). */
  impact: AlarmImpact,
});
export type HandoverAlarm = z.infer<typeof HandoverAlarm>;

export const ShiftHandover = z.object({
  site: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  /** Null when the window was given explicitly and is not exactly one shift occurrence. */
  shift: z.object({ id: z.string(), name: z.string() }).nullable(),
  from: isoTime,
  to: isoTime,
  generatedAt: isoTime,
  totals: HandoverFigures,
  lines: z.array(HandoverLine),
  /** Outages that overlap the shift, oldest first (including ones carried over from before). */
  outages: z.array(HandoverOutage),
  /** Top 5 endpoints by down time in the shift; endpoints without down time are left out. */
  worstDevices: z.array(HandoverDevice),
  /**
   * Alarms raised by the end of the shift and not both acknowledged and cleared by then, most
   * severe first, then oldest first (the order the alarm list uses).
   */
  openAlarms: z.array(HandoverAlarm),
});
export type ShiftHandover = z.infer<typeof ShiftHandover>;

export const AvailabilitySeriesRequest = z
  .object({
    level: z.enum(['endpoint', 'line', 'site']),
    id: z.string().min(1),
    resolution: z.enum(['hour', 'day']),
    from: isoInstantMs,
    to: isoInstantMs,
  })
  .strict()
  .superRefine((value, ctx) => checkWindow(value, MAX_AVAILABILITY_BUCKETS, ctx));

export const AvailabilityBucket = z.object({
  start: isoTime,
  availability: z.number().min(0).max(1).nullable(),
  up_s: z.number().nonnegative(),
  down_s: z.number().nonnegative(),
});
export const AvailabilitySeries = z.object({ buckets: z.array(AvailabilityBucket) });
export type AvailabilitySeries = z.infer<typeof AvailabilitySeries>;

export const RttSeriesRequest = z
  .object({
    endpointId: z.string().min(1),
    resolution: z.enum(['minute', 'hour']),
    from: isoInstantMs,
    to: isoInstantMs,
  })
  .strict()
  .superRefine((value, ctx) => checkWindow(value, MAX_RTT_BUCKETS, ctx));

export const RttBucket = z.object({
  start: isoTime,
  count: z.number().int().nonnegative(),
  okCount: z.number().int().nonnegative(),
  /** 1 - okCount / count. */
  loss: z.number().min(0).max(1),
  rttMinMs: z.number().nonnegative().nullable(),
  rttAvgMs: z.number().nonnegative().nullable(),
  rttMaxMs: z.number().nonnegative().nullable(),
});
/** Only buckets that hold checks: a gap in monitoring is a gap in the series. */
export const RttSeries = z.object({ buckets: z.array(RttBucket) });
export type RttSeries = z.infer<typeof RttSeries>;
