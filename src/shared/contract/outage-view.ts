// The fields every outage row shown to people carries (outage log, line page, shift handover).
import { z } from 'zod';

const isoTime = z.iso.datetime({ offset: true });

export const outageViewFields = {
  endpointId: z.string(),
  endpointName: z.string(),
  lineId: z.string(),
  lineName: z.string(),
  startedAt: isoTime,
  /** Null while the outage is still going on. */
  endedAt: isoTime.nullable(),
  /** Up to `endedAt`, or up to the moment of the answer while the outage is still going on. */
  duration_s: z.number().nonnegative(),
  endedByGap: z.boolean(),
  inMaintenance: z.boolean(),
  /** The parent endpoint this outage is secondary to (it raised no alarm of its own). */
  secondaryOf: z.string().nullable(),
  failureKind: z.string().nullable(),
  failureMessage: z.string().nullable(),
  acknowledgedAt: isoTime.nullable(),
  acknowledgedBy: z.string().nullable(),
  note: z.string().nullable(),
};
