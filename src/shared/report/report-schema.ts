// The report JSON of the interface spec (§3 "Report JSON"), field for field. `linewatch report
// --format json`, the renderer's KPI views and users' scripts all read this shape; extend it only
// by adding fields.
import { z } from 'zod';

const seconds = z.number().nonnegative();
const nullableSeconds = seconds.nullable();
const isoTime = z.iso.datetime({ offset: true });

/** Time classes (they add up to the window), availability and failures: every level has them. */
const timeFigures = {
  up_s: seconds,
  down_s: seconds,
  maintenance_s: seconds,
  unknown_s: seconds,
  availability: z.number().min(0).max(1).nullable(),
  failures: z.number().int().nonnegative(),
};

export const EndpointFigures = z.object({
  id: z.string(),
  line: z.string(),
  ...timeFigures,
  mttd_s: nullableSeconds,
  mtta_s: nullableSeconds,
  mttr_s: nullableSeconds,
  mtbf_s: nullableSeconds,
});
export type EndpointFigures = z.infer<typeof EndpointFigures>;

export const LineFigures = z.object({
  id: z.string(),
  ...timeFigures,
  mttr_s: nullableSeconds,
  mtbf_s: nullableSeconds,
  downtime_cost: z.number().nonnegative().nullable(),
});
export type LineFigures = z.infer<typeof LineFigures>;

/** The site has the same fields as a line. */
export const SiteFigures = LineFigures;
export type SiteFigures = LineFigures;

export const ShiftFigures = z.object({
  id: z.string(),
  site: SiteFigures,
  lines: z.array(LineFigures),
});
export type ShiftFigures = z.infer<typeof ShiftFigures>;

export const ReportOutage = z.object({
  endpoint: z.string(),
  started_at: isoTime,
  detected_at: isoTime,
  ended_at: isoTime.nullable(),
  duration_s: nullableSeconds,
  ended_by_gap: z.boolean(),
  in_maintenance: z.boolean(),
  secondary_of: z.string().nullable(),
  acknowledged_at: isoTime.nullable(),
  /** Added in issue 13: what the failed checks said (a kind of the README's list) and their detail. */
  failure_kind: z.string().nullable(),
  failure_message: z.string().nullable(),
});
export type ReportOutage = z.infer<typeof ReportOutage>;

export const Report = z.object({
  from: isoTime,
  to: isoTime,
  endpoints: z.array(EndpointFigures),
  lines: z.array(LineFigures),
  site: SiteFigures,
  shifts: z.array(ShiftFigures),
  outages: z.array(ReportOutage),
});
export type Report = z.infer<typeof Report>;
