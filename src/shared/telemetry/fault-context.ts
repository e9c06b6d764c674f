// The manufacturing context of a fault, said without naming anything: the line as a salted hash,
// the endpoint's type and whether it can stop its line, the line's cost as an order of magnitude,
// and the shift as its local clock times. Main builds the `FaultSite` from the loaded config (it
// alone can hash); the renderer receives it with its telemetry config, so both processes describe
// the same fault the same way and Sentry groups it per line whichever process saw it.
import { z } from 'zod';
import { ENDPOINT_TYPES } from '../domain/endpoint';
import { shiftOccurrenceAt, shiftRule, type ShiftRule } from '../time';

/** What a fault on the plant floor is about; every field but the kind optional (app errors have none). */
export interface FaultContext {
  errorKind: string;
  /** The line's salted hash (`hashLineId` in main), never its id. */
  lineHash?: string;
  endpointType?: string;
  /** Whether the endpoint takes its line down (the line-state rule), not just its `critical` flag. */
  critical?: boolean;
  /** `bucketCostPerMinute` of the line's downtime cost. */
  costBucket?: string;
  /** The shift on when the fault happened, as local "HH:MM-HH:MM"; null when none is on. */
  shift?: string | null;
}

export const FaultSite = z.object({
  /** The site's IANA zone, for finding the current shift. Never sent. */
  timeZone: z.string(),
  shifts: z.array(z.object({ start: z.string(), end: z.string() })),
  lines: z.array(
    z.object({
      /** For lookups only (a route or request names it); never sent. */
      id: z.string(),
      hash: z.string(),
      costBucket: z.string(),
      endpoints: z.array(z.object({ id: z.string(), type: z.enum(ENDPOINT_TYPES), critical: z.boolean() })),
    }),
  ),
});
export type FaultSite = z.infer<typeof FaultSite>;

export const EMPTY_FAULT_SITE: FaultSite = { timeZone: 'UTC', shifts: [], lines: [] };

/** Where a fault happened, as far as the code that caught it knows. */
export interface FaultPlace {
  endpointId?: string;
  lineId?: string;
}

export type FaultLocator = (errorKind: string, place: FaultPlace, nowMs: number) => FaultContext;

/** The shift label sent for a shift: its clock times, which say "night shift" without its name. */
export const shiftLabel = (shift: { start: string; end: string }): string => `${shift.start}-${shift.end}`;

/** Indexes a site once; the locator is then cheap enough to call on every fault. */
export function createFaultLocator(site: FaultSite): FaultLocator {
  type Line = FaultSite['lines'][number];
  type Endpoint = Line['endpoints'][number];
  const lines = new Map<string, Line>(site.lines.map((line) => [line.id, line]));
  const endpoints = new Map<string, { endpoint: Endpoint; line: Line }>(
    site.lines.flatMap((line) =>
      line.endpoints.map((endpoint) => [endpoint.id, { endpoint, line }] as const),
    ),
  );
  const shifts: { label: string; rule: ShiftRule }[] = site.shifts.map((s) => ({
    label: shiftLabel(s),
    rule: shiftRule(s),
  }));
  const shiftAt = (ms: number): string | null =>
    shifts.find((s) => shiftOccurrenceAt(s.rule, ms, site.timeZone) !== null)?.label ?? null;

  return (errorKind, place, nowMs) => {
    const fault: FaultContext = { errorKind, shift: shifts.length > 0 ? shiftAt(nowMs) : null };
    const located = place.endpointId === undefined ? undefined : endpoints.get(place.endpointId);
    const line = located?.line ?? (place.lineId === undefined ? undefined : lines.get(place.lineId));
    if (line) {
      fault.lineHash = line.hash;
      fault.costBucket = line.costBucket;
    }
    if (located) {
      fault.endpointType = located.endpoint.type;
      fault.critical = located.endpoint.critical;
    }
    return fault;
  };
}
