// Payloads of the operator console's own contract entries: the outage log, an endpoint's detail
// page and the config view. Every answer is read from the local store and config; none of them ever
// probes the network.
import { z } from 'zod';
import { ENDPOINT_STATES, ENDPOINT_TYPES, PROBE_KINDS } from '../domain/endpoint';
import { IDENTITY_SOURCES } from '../domain/identity';
import { AlarmView } from './alarm-schemas';
import { outageViewFields } from './outage-view';
import { isoTime as isoText } from '../time';
import { ConfigIssue, isoInstantMs } from './schemas';

const isoTime = z.iso.datetime({ offset: true });

/** An outage log never needs more rows than a person can scroll; the CSV holds what is shown. */
export const MAX_OUTAGE_ROWS = 5_000;
/** The endpoint page shows the last checks only; the chart covers the rest from the rollups. */
export const RECENT_CHECKS = 50;
export const MAX_CONFIG_VERSIONS = 100;

function windowInOrder(value: { from: number; to: number }, ctx: z.RefinementCtx): void {
  if (!(value.from < value.to)) {
    ctx.addIssue({
      code: 'custom',
      path: ['to'],
      message: `"to" (${isoText(value.to)}) must be after "from" (${isoText(value.from)})`,
    });
  }
}

export const ListOutagesRequest = z
  .object({
    from: isoInstantMs,
    to: isoInstantMs,
    lineId: z.string().min(1).optional(),
    endpointId: z.string().min(1).optional(),
    limit: z.number().int().min(1).max(MAX_OUTAGE_ROWS).default(1_000),
  })
  .strict()
  .superRefine(windowInOrder);

export const ConsoleOutage = z.object({
  id: z.number().int(),
  ...outageViewFields,
  detectedAt: isoTime,
});
export type ConsoleOutage = z.infer<typeof ConsoleOutage>;

export const OutageList = z.object({
  /** Outages overlapping the window, newest start first. */
  outages: z.array(ConsoleOutage),
  /** True when more outages matched than `limit`: the list is the newest `limit` of them. */
  truncated: z.boolean(),
});
export type OutageList = z.infer<typeof OutageList>;

export const EndpointDetailRequest = z
  .object({ endpointId: z.string().min(1), from: isoInstantMs, to: isoInstantMs })
  .strict()
  .superRefine(windowInOrder);

export const StateSpan = z.object({
  state: z.enum(ENDPOINT_STATES),
  since: isoTime,
  /** Null while the state is still in force. */
  until: isoTime.nullable(),
});
export type StateSpan = z.infer<typeof StateSpan>;

export const RecentCheck = z.object({
  ts: isoTime,
  ok: z.boolean(),
  rttMs: z.number().nonnegative().nullable(),
  error: z.string().nullable(),
});
export type RecentCheck = z.infer<typeof RecentCheck>;

/** What a protocol probe said the device is (vendor, product, firmware, serial hash), one shape. */
export const DeviceIdentityView = z.object({
  source: z.enum(IDENTITY_SOURCES),
  vendor: z.string().nullable(),
  product: z.string().nullable(),
  firmware: z.string().nullable(),
  /** The salted hash (12 hex digits); the serial itself never leaves the probe. */
  serialHash: z.string().nullable(),
  details: z.record(z.string(), z.string()),
});
export type DeviceIdentityView = z.infer<typeof DeviceIdentityView>;

export const EndpointDevice = z.object({
  identity: DeviceIdentityView,
  /** When this device was first seen at the endpoint, and last. */
  since: isoTime,
  lastSeen: isoTime,
  /** What the probe said beside it and does not make the device down (an EtherNet/IP minor fault). */
  note: z.string().nullable(),
  /** Another device answered before (swapped, or new firmware): when that was seen, and the old one. */
  change: z.object({ at: isoTime, previous: DeviceIdentityView }).nullable(),
});
export type EndpointDevice = z.infer<typeof EndpointDevice>;

export const EndpointDetail = z.object({
  endpoint: z.object({
    id: z.string(),
    name: z.string(),
    type: z.enum(ENDPOINT_TYPES),
    lineId: z.string(),
    lineName: z.string(),
    probeKind: z.enum(PROBE_KINDS),
    /** Where the probe goes, e.g. "10.10.1.21:502" or the health URL. */
    target: z.string(),
    critical: z.boolean(),
    dependsOn: z.object({ id: z.string(), name: z.string() }).nullable(),
    intervalMs: z.number().int().positive(),
  }),
  /** State spans overlapping the window, oldest first, clipped to it. */
  stateTimeline: z.array(StateSpan),
  /** The last checks before `to`, newest first. */
  recentChecks: z.array(RecentCheck).max(RECENT_CHECKS),
  /**
   * The device's own alarm still on the operator's list (the newest when it has several), with its
   * impact; null when it has none (a device down behind its parent raises none of its own).
   */
  alarm: AlarmView.nullable(),
  /** The device behind the endpoint, for enip and opcua probes once one has answered; else null. */
  device: EndpointDevice.nullable(),
});
export type EndpointDetail = z.infer<typeof EndpointDetail>;

export const EndpointDiffView = z.object({
  added: z.array(z.string()),
  changed: z.array(z.string()),
  removed: z.array(z.string()),
});

export const ConfigVersionView = z.object({
  id: z.number().int(),
  hash: z.string(),
  appliedAt: isoTime,
  source: z.enum(['file', 'demo']),
  endpointCount: z.number().int().nonnegative(),
  /** Null for the very first version recorded. */
  diff: EndpointDiffView.nullable(),
});
export type ConfigVersionView = z.infer<typeof ConfigVersionView>;

export const ConfigVersionList = z.object({ versions: z.array(ConfigVersionView) });
export type ConfigVersionList = z.infer<typeof ConfigVersionList>;

export const ConfigText = z.object({
  /** Null for the built-in demo plant (its config is generated, shown as JSON). */
  path: z.string().nullable(),
  /** The text of the config in use: the last good one, which may differ from the file on disk. */
  text: z.string(),
  /**
   * The file as it is on disk now when it differs from `text` (an edit that failed validation: the
   * errors' line numbers point into this one); null when they are the same or it cannot be read.
   */
  fileText: z.string().nullable(),
  /** Errors of the most recent load attempt of the file on disk. */
  errors: z.array(ConfigIssue),
});
export type ConfigText = z.infer<typeof ConfigText>;

export const ShiftView = z.object({
  id: z.string(),
  name: z.string(),
  /** Local "HH:MM" in the site's zone; a shift may cross midnight. */
  start: z.string(),
  end: z.string(),
});
export type ShiftView = z.infer<typeof ShiftView>;

/** What the console needs to place "today" and "this shift" in the site's own calendar. */
export const SiteCalendar = z.object({
  site: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  shifts: z.array(ShiftView),
});
export type SiteCalendar = z.infer<typeof SiteCalendar>;
