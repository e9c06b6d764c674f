// Schema of the YAML file as written (snake_case keys, duration strings). Every object is strict so
// a misspelt key is an error rather than a silently ignored setting. Each leaf carries its own
// "expected ..." message; load-config adds the path and the offending value.
import { z } from 'zod';
import { SEVERITIES } from '../../shared/contract/alarm-schemas';
import { ENDPOINT_TYPES, PROBE_KINDS } from '../../shared/domain/endpoint';
import { DURATION_EXPECTED, parseDuration } from './duration';
import { DEFAULT_GROUP_WINDOW_MS, DEFAULT_RETENTION, DEFAULT_WEBHOOK_TIMEOUT_MS } from './types';
import { DAY_MS, parseSiteDateTime } from '../../shared/time';
import { ID_RE, isValidClockTime, isValidTimezone } from './validators';
import { enipProbeSchema } from './enip-schema';
import { modbusProbeSchema } from './modbus-schema';
import { opcuaProbeSchema } from './opcua-schema';
import {
  BOOL_EXPECTED,
  envNameSchema,
  hostSchema,
  portSchema,
  secretFileSchema,
  strict,
} from './schema-leaves';

export const WEEKDAYS = [
  'sunday',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
] as const;

/** Used when neither the file's `defaults` nor the endpoint says otherwise. */
export const BUILTIN_DEFAULTS = { intervalMs: 10_000, timeoutMs: 2_000, downAfter: 2, upAfter: 2 } as const;

const ID_EXPECTED = "expected an id made of lowercase letters, digits and '-'";
const idSchema = z
  .string({ error: ID_EXPECTED })
  .max(64, 'expected an id of at most 64 characters')
  .regex(ID_RE, ID_EXPECTED);

const nameSchema = z.string({ error: 'expected a name (text)' }).trim().min(1, 'expected a non-empty name');

const TZ_EXPECTED = 'expected an IANA timezone such as Europe/Berlin';
const timezoneSchema = z.string({ error: TZ_EXPECTED }).refine(isValidTimezone, TZ_EXPECTED);

const CLOCK_EXPECTED = 'expected a time "HH:MM" from 00:00 to 23:59 (quote it in YAML)';
const clockSchema = z.string({ error: CLOCK_EXPECTED }).refine(isValidClockTime, CLOCK_EXPECTED);

/** A duration in milliseconds; zero is refused because every duration here is a period or a wait. */
const durationSchema = z
  .union([z.string(), z.number()], { error: DURATION_EXPECTED })
  .transform((value, ctx) => {
    const parsed = parseDuration(value);
    if (!parsed.ok) {
      ctx.issues.push({ code: 'custom', message: parsed.message, input: value });
      return z.NEVER;
    }
    if (parsed.ms <= 0) {
      ctx.issues.push({ code: 'custom', message: 'expected a duration greater than 0', input: value });
      return z.NEVER;
    }
    return parsed.ms;
  });

const COUNT_EXPECTED = 'expected a whole number of consecutive checks from 1 to 1000';
const countSchema = z
  .number({ error: COUNT_EXPECTED })
  .int(COUNT_EXPECTED)
  .min(1, COUNT_EXPECTED)
  .max(1000, COUNT_EXPECTED);

const URL_EXPECTED = 'expected an http:// or https:// URL';
const urlSchema = z.string({ error: URL_EXPECTED }).refine((text) => {
  if (!URL.canParse(text)) return false;
  const url = new URL(text);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
}, URL_EXPECTED);

const STATUS_EXPECTED = 'expected an HTTP status code from 100 to 599';

// Early-warning thresholds of one endpoint (issue 12): a warning, never a state change.
const WARN_RTT_EXPECTED = 'expected an RTT in milliseconds greater than 0';
const WARN_LOSS_EXPECTED = 'expected a loss percentage greater than 0 and at most 100';
const warnSchema = strict({
  rtt_ms: z.number({ error: WARN_RTT_EXPECTED }).positive(WARN_RTT_EXPECTED).optional(),
  loss_pct: z
    .number({ error: WARN_LOSS_EXPECTED })
    .positive(WARN_LOSS_EXPECTED)
    .max(100, WARN_LOSS_EXPECTED)
    .optional(),
});

const probeSchema = z.discriminatedUnion(
  'kind',
  [
    strict({ kind: z.literal('icmp'), host: hostSchema }),
    strict({ kind: z.literal('tcp'), host: hostSchema, port: portSchema }),
    strict({
      kind: z.literal('http'),
      url: urlSchema,
      expect_status: z
        .number({ error: STATUS_EXPECTED })
        .int(STATUS_EXPECTED)
        .min(100, STATUS_EXPECTED)
        .max(599, STATUS_EXPECTED)
        .optional(),
      expect_text: z.string({ error: 'expected the text the response body must contain' }).optional(),
      tls_verify: z.boolean({ error: BOOL_EXPECTED }).default(true),
    }),
    modbusProbeSchema,
    enipProbeSchema,
    opcuaProbeSchema,
  ],
  // The union's own issues are all invalid_union (a kind that matches no option).
  { error: `expected one of ${PROBE_KINDS.join(', ')}` },
);

const endpointSchema = strict({
  id: idSchema,
  name: nameSchema,
  type: z.enum(ENDPOINT_TYPES),
  critical: z.boolean({ error: BOOL_EXPECTED }).default(false),
  depends_on: idSchema.optional(),
  interval: durationSchema.optional(),
  timeout: durationSchema.optional(),
  down_after: countSchema.optional(),
  up_after: countSchema.optional(),
  warn: warnSchema.optional(),
  probe: probeSchema,
});

const COST_EXPECTED = 'expected a cost per minute of downtime (a number, 0 or more)';
const lineSchema = strict({
  id: idSchema,
  name: nameSchema,
  downtime_cost_per_minute: z.number({ error: COST_EXPECTED }).min(0, COST_EXPECTED).optional(),
  endpoints: z
    .array(endpointSchema, { error: 'expected a list of endpoints' })
    .min(1, 'expected at least one endpoint'),
});

const shiftSchema = strict({
  id: idSchema,
  name: nameSchema,
  start: clockSchema,
  end: clockSchema,
}).superRefine((shift, ctx) => {
  // A zero-length shift is almost certainly a typo; a 24-hour shift is better left out.
  if (shift.start === shift.end) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'expected an end time different from the start' });
  }
});

const defaultsSchema = strict({
  interval: durationSchema.default(BUILTIN_DEFAULTS.intervalMs),
  timeout: durationSchema.default(BUILTIN_DEFAULTS.timeoutMs),
  down_after: countSchema.default(BUILTIN_DEFAULTS.downAfter),
  up_after: countSchema.default(BUILTIN_DEFAULTS.upAfter),
});

const targetsSchema = z
  .array(idSchema, { error: 'expected a list of site, line or endpoint ids' })
  .min(1, 'expected at least one target');

const recurringSchema = strict({
  id: idSchema,
  targets: targetsSchema,
  every: z.enum(['day', 'week']),
  weekday: z.enum(WEEKDAYS).optional(),
  start: clockSchema,
  duration: durationSchema,
}).superRefine((entry, ctx) => {
  if (entry.every === 'week' && entry.weekday === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: [],
      message: `missing key "weekday" (required when every is week), expected one of ${WEEKDAYS.join(', ')}`,
    });
  }
  if (entry.every === 'day' && entry.weekday !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['weekday'], message: 'expected no weekday when every is day' });
  }
});

const DATETIME_EXPECTED =
  'expected a date-time like 2026-11-30T08:00, optionally with seconds and an offset (Z, +01:00)';
const dateTimeSchema = z
  .string({ error: DATETIME_EXPECTED })
  .refine((text) => parseSiteDateTime(text) !== null, DATETIME_EXPECTED);

const onceSchema = strict({ id: idSchema, targets: targetsSchema, from: dateTimeSchema, to: dateTimeSchema });

/** Recurring (every/start/duration) or one-off (from/to); load-config reports the closer branch's issues. */
const maintenanceSchema = z.union([recurringSchema, onceSchema]);

/** How long each tier of probe history is kept (KPIs never need raw checks). */
const retentionSchema = strict({
  raw_checks: durationSchema.default(DEFAULT_RETENTION.rawDays * DAY_MS),
  minute_rollups: durationSchema.default(DEFAULT_RETENTION.minuteDays * DAY_MS),
  hour_rollups: durationSchema.default(DEFAULT_RETENTION.hourDays * DAY_MS),
  day_rollups: durationSchema.default(DEFAULT_RETENTION.dayDays * DAY_MS),
});

// Notifications. Secrets are never values in the file (it is stored and shown): `*_env` names an
// environment variable, `*_file` a file holding the secret; giving both is refused.

/** `<name>_env` / `<name>_file` for one secret; a refinement rejects both at once. */
function secretKeys<N extends string>(name: N) {
  return {
    [`${name}_env`]: envNameSchema.optional(),
    [`${name}_file`]: secretFileSchema.optional(),
  } as Record<`${N}_env`, z.ZodOptional<typeof envNameSchema>> &
    Record<`${N}_file`, z.ZodOptional<typeof secretFileSchema>>;
}

function oneSecretSource(names: readonly string[]) {
  return (entry: Record<string, unknown>, ctx: z.RefinementCtx): void => {
    for (const name of names) {
      if (entry[`${name}_env`] !== undefined && entry[`${name}_file`] !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: [`${name}_file`],
          message: `expected either ${name}_env or ${name}_file, not both`,
        });
      }
    }
  };
}

function urlOf(protocols: readonly string[], expected: string) {
  return z.string({ error: expected }).refine((text) => {
    if (!URL.canParse(text)) return false;
    const url = new URL(text);
    return protocols.includes(url.protocol) && url.hostname !== '';
  }, expected);
}

// A user:password in a URL is a secret in the file: refused, the login has its own *_env keys. The
// message does not start with "expected", so the error does not echo the value (and the password).
const CREDENTIALS_EXPECTED =
  'a URL with user:password would keep a secret in the file; expected the URL without it and the secret in *_env or *_file';
const noCredentials = (text: string): boolean =>
  !URL.canParse(text) || (new URL(text).username === '' && new URL(text).password === '');

const EMAIL_EXPECTED = 'expected an email address like lead@plant.example';
const emailSchema = z
  .string({ error: EMAIL_EXPECTED })
  .regex(/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/, EMAIL_EXPECTED);

const TOPIC_EXPECTED = "expected an MQTT topic prefix without '+', '#' or empty levels";
const topicPrefixSchema = z
  .string({ error: TOPIC_EXPECTED })
  .refine((text) => /^\/*[^+#/]+(\/[^+#/]+)*\/*$/.test(text), TOPIC_EXPECTED);

const channelSchema = z.discriminatedUnion(
  'kind',
  [
    strict({
      id: idSchema,
      kind: z.literal('webhook'),
      url: urlSchema.refine(noCredentials, CREDENTIALS_EXPECTED),
      ...secretKeys('secret'),
      timeout: durationSchema.default(DEFAULT_WEBHOOK_TIMEOUT_MS),
    }).superRefine(oneSecretSource(['secret'])),
    strict({
      id: idSchema,
      kind: z.literal('email'),
      to: z
        .array(emailSchema, { error: 'expected a list of email addresses' })
        .min(1, 'expected at least one address'),
      from: emailSchema.optional(),
      smtp: strict({
        host: hostSchema,
        port: portSchema,
        secure: z.boolean({ error: BOOL_EXPECTED }).default(false),
        starttls: z.boolean({ error: BOOL_EXPECTED }).default(true),
        ...secretKeys('user'),
        ...secretKeys('password'),
      }).superRefine(oneSecretSource(['user', 'password'])),
    }),
    strict({
      id: idSchema,
      kind: z.literal('mqtt'),
      url: urlOf(['mqtt:', 'mqtts:'], 'expected an mqtt:// or mqtts:// URL').refine(
        noCredentials,
        CREDENTIALS_EXPECTED,
      ),
      topic_prefix: topicPrefixSchema.default('linewatch'),
      ...secretKeys('username'),
      ...secretKeys('password'),
    }).superRefine(oneSecretSource(['username', 'password'])),
    strict({ id: idSchema, kind: z.literal('desktop') }),
  ],
  // A discriminated union only raises invalid_union, so the message can be a plain string.
  { error: 'expected one of webhook, email, mqtt, desktop' },
);

const idListSchema = (what: string) =>
  z.array(idSchema, { error: `expected a list of ${what} ids` }).min(1, `expected at least one ${what} id`);

const ruleSchema = strict({
  channels: idListSchema('channel'),
  min_severity: z.enum(SEVERITIES).default('low'),
  lines: idListSchema('line').optional(),
  endpoints: idListSchema('endpoint').optional(),
  unacknowledged_for: durationSchema.optional(),
});

const notificationsSchema = strict({
  group_window: durationSchema.default(DEFAULT_GROUP_WINDOW_MS),
  channels: z.array(channelSchema, { error: 'expected a list of channels' }).default([]),
  rules: z.array(ruleSchema, { error: 'expected a list of rules' }).default([]),
});

// Where the OTLP metrics push goes (issue 14); the headers (a collector's API key) come from an
// environment variable as "name=value,name2=value2", never from the file.
const otlpSchema = strict({
  endpoint: urlSchema,
  headers_env: envNameSchema.optional(),
});

export const RawConfigSchema = strict({
  version: z.literal(1),
  site: strict({ id: idSchema, name: nameSchema, timezone: timezoneSchema }),
  shifts: z.array(shiftSchema, { error: 'expected a list of shifts' }).default([]),
  defaults: defaultsSchema.prefault({}),
  lines: z.array(lineSchema, { error: 'expected a list of lines' }).min(1, 'expected at least one line'),
  maintenance: z.array(maintenanceSchema, { error: 'expected a list of maintenance windows' }).default([]),
  retention: retentionSchema.prefault({}),
  notifications: notificationsSchema.prefault({}),
  otlp: otlpSchema.optional(),
});

export type RawConfig = z.output<typeof RawConfigSchema>;
