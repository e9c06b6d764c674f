// Payloads of the getInsights contract entry (issue 12): the early warnings of a window and the
// maintenance priority list ranked from them. Read-only. Times are ISO strings on the wire (epoch ms
// for the handler, through isoInstantMs); names travel with ids so a page needs no second request.
import { z } from 'zod';
import { DAY_MS, isoTime as isoText } from '../time';
import { isoInstantMs } from './schemas';

const isoTime = z.iso.datetime({ offset: true });

/**
 * Judging costs tens of ms per endpoint-day (plus a day of lookback), so one request judges at most
 * a week: enough for the console's page, cheap enough for a wall that asks every minute.
 */
export const MAX_INSIGHTS_WINDOW_MS = 7 * DAY_MS;

export const GetInsightsRequest = z
  .object({ from: isoInstantMs, to: isoInstantMs })
  .strict()
  .superRefine(({ from, to }, ctx) => {
    if (!(from < to)) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `"to" (${isoText(to)}) must be after "from" (${isoText(from)})`,
      });
    } else if (to - from > MAX_INSIGHTS_WINDOW_MS) {
      ctx.addIssue({
        code: 'custom',
        path: ['to'],
        message: `the window spans more than ${MAX_INSIGHTS_WINDOW_MS / DAY_MS} days; shorten it`,
      });
    }
  });

// The kinds of early warning (issue 12): the detectors in src/main/insights raise these.
export const INSIGHT_WARNING_KINDS = [
  'rtt_rise',
  'loss_rise',
  'near_misses',
  'flapping',
  'threshold',
  'group_degradation',
] as const;

const WarningFigures = z.object({
  rttMs: z.number().nonnegative().nullable(),
  loss: z.number().min(0).max(1).nullable(),
});

export const InsightWarningView = z.object({
  endpointId: z.string(),
  endpointName: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  kind: z.enum(INSIGHT_WARNING_KINDS),
  score: z.number().min(0).max(1),
  startedAt: isoTime,
  /** Null while still active at the end of the window. */
  endedAt: isoTime.nullable(),
  baseline: WarningFigures,
  observed: WarningFigures,
  reason: z.string(),
});
export type InsightWarningView = z.infer<typeof InsightWarningView>;

export const MaintenancePriorityView = z.object({
  rank: z.number().int().positive(),
  endpointId: z.string(),
  endpointName: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  score: z.number().min(0).max(1),
  reason: z.string(),
  action: z.string(),
});
export type MaintenancePriorityView = z.infer<typeof MaintenancePriorityView>;

export const Insights = z.object({
  from: isoTime,
  to: isoTime,
  /** Oldest first. */
  warnings: z.array(InsightWarningView),
  /** Rank 1 first. */
  priorities: z.array(MaintenancePriorityView),
});
export type Insights = z.infer<typeof Insights>;
