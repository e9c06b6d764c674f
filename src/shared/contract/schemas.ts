// Payload schemas of the contract. Every request and response that crosses a process boundary
// (IPC or WebSocket) is described here once and validated on arrival.
import { z } from 'zod';
import { ENDPOINT_STATES, ENDPOINT_TYPES, PROBE_KINDS } from '../domain/endpoint';
import { FAILURE_KINDS } from '../domain/failure';
import { ISO_EXPECTED, parseIsoWithOffset } from '../time';

const isoTime = z.iso.datetime({ offset: true });

/**
 * A time in a request: an ISO string with Z or an offset on the wire (what the client sends and
 * its types ask for), epoch ms for the handler, so handlers never parse times themselves.
 */
export const isoInstantMs = z.string({ error: `expected ${ISO_EXPECTED}` }).transform((text, ctx) => {
  const ms = parseIsoWithOffset(text);
  if (ms === null) {
    ctx.issues.push({ code: 'custom', message: `expected ${ISO_EXPECTED}`, input: text });
    return z.NEVER;
  }
  return ms;
});

export const EmptyRequest = z.object({}).strict();

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host runs the services: the Electron app or the headless `linewatch` CLI. */
  host: z.enum(['electron', 'headless']),
  /** True when the built-in simulated plant is being monitored. */
  demo: z.boolean(),
  /**
   * What this connection may do: `operator` may act (acknowledge, change settings and consent, with
   * the PIN where one is set); `read-only` is a LAN wall that has not presented the operator token.
   */
  access: z.enum(['operator', 'read-only']),
  /** Whether an operator PIN is set: then every mutating request needs proof. */
  pinSet: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const EndpointLive = z.object({
  id: z.string(),
  state: z.enum(ENDPOINT_STATES),
  /** When the current state began (backdated to the first check of the streak), null while unknown. */
  since: isoTime.nullable(),
  lastCheckAt: isoTime.nullable(),
  lastOk: z.boolean().nullable(),
  lastRttMs: z.number().nonnegative().nullable(),
  lastError: z.string().nullable(),
  /** The failure kind of the last check (null when it passed): the wall says what kind of down it is. */
  lastFailureKind: z.enum(FAILURE_KINDS).nullable(),
  /** Many state changes in a short while: shown to operators, never used for KPIs or alarms. */
  flapping: z.boolean(),
});
export type EndpointLive = z.infer<typeof EndpointLive>;

export const WallEndpoint = z.object({
  id: z.string(),
  name: z.string(),
  type: z.enum(ENDPOINT_TYPES),
  critical: z.boolean(),
  probeKind: z.enum(PROBE_KINDS),
  intervalMs: z.number().int().positive(),
});
export type WallEndpoint = z.infer<typeof WallEndpoint>;

export const WallLine = z.object({
  id: z.string(),
  name: z.string(),
  endpoints: z.array(WallEndpoint),
});
export type WallLine = z.infer<typeof WallLine>;

export const WallSnapshot = z.object({
  site: z.object({ id: z.string(), name: z.string(), timezone: z.string() }),
  lines: z.array(WallLine),
  states: z.array(EndpointLive),
});
export type WallSnapshot = z.infer<typeof WallSnapshot>;

export const ConfigIssue = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  message: z.string(),
});
export type ConfigIssue = z.infer<typeof ConfigIssue>;

export const ConfigStatus = z.object({
  source: z.enum(['file', 'demo']),
  /** The config file in use; null for the built-in demo plant. */
  path: z.string().nullable(),
  appliedAt: isoTime,
  hash: z.string(),
  endpointCount: z.number().int().nonnegative(),
  /** Errors of the most recent load attempt; non-empty means the last good config is still running. */
  errors: z.array(ConfigIssue),
});
export type ConfigStatus = z.infer<typeof ConfigStatus>;

export const EndpointStatesEvent = z.object({ states: z.array(EndpointLive) });
export type EndpointStatesEvent = z.infer<typeof EndpointStatesEvent>;
