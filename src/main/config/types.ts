// The resolved configuration: what the rest of main works with after the YAML has been parsed,
// validated and had its defaults applied. Durations are milliseconds here, never strings (retention
// alone is in days, see RetentionPolicy).
import type { Severity } from '../../shared/contract/alarm-schemas';
import type { EndpointType } from '../../shared/domain/endpoint';
import type { EnipTransportName } from './enip-schema';
import type { ModbusReadFunction } from './modbus-schema';
import type { OpcuaSecurityMode } from './opcua-schema';

export interface ShiftConfig {
  id: string;
  name: string;
  /** Local wall-clock time in the site's timezone, "HH:MM". A shift may cross midnight. */
  start: string;
  end: string;
}

export type ProbeConfig =
  | { kind: 'icmp'; host: string }
  | { kind: 'tcp'; host: string; port: number }
  | {
      kind: 'http';
      url: string;
      expectStatus: number | null;
      expectText: string | null;
      tlsVerify: boolean;
    }
  | ModbusProbeConfig
  | EnipProbeConfig
  | OpcuaProbeConfig;

/** A Modbus/TCP read (issue 13); the port, unit id and count defaults are applied. */
export interface ModbusProbeConfig {
  kind: 'modbus';
  host: string;
  port: number;
  unitId: number;
  read: { function: ModbusReadFunction; address: number; count: number };
  /** Checked against the first value read; null: any answer without an exception is up. */
  expect: ModbusExpect | null;
}

/** An EtherNet/IP List Identity (issue 13); the port and transport defaults are applied. */
export interface EnipProbeConfig {
  kind: 'enip';
  host: string;
  port: number;
  transport: EnipTransportName;
  /**
   * Salt for the device serial's hash: the site id, so the same serial hashes alike across this
   * site's data and differently at another site (the hash is for telling devices apart, not for
   * tracking hardware across plants).
   */
  serialSalt: string;
}

export type ModbusExpect = { equals: number | boolean | string } | { min: number | null; max: number | null };

/**
 * An OPC UA server (issue 13): its ServerState must be Running and each `read` node meet its
 * expectation. Only where the password is (a SecretRef) is kept; the probe runner reads it.
 */
export interface OpcuaProbeConfig {
  kind: 'opcua';
  url: string;
  security: OpcuaSecurityMode;
  /** null: anonymous login. */
  user: { name: string; password: SecretRef } | null;
  read: { nodeId: string; expect: OpcuaExpect | null }[];
}

export interface OpcuaExpect {
  equals?: number | string | boolean;
  min?: number;
  max?: number;
}

export interface EndpointConfig {
  id: string;
  name: string;
  type: EndpointType;
  lineId: string;
  critical: boolean;
  dependsOn: string | null;
  intervalMs: number;
  timeoutMs: number;
  downAfter: number;
  upAfter: number;
  probe: ProbeConfig;
  /** `warn:` thresholds for early warnings (issue 12); absent when the file sets none. */
  warn?: EndpointWarnConfig;
}

/** A warning when an endpoint's RTT or loss stays above these (null: no such threshold). */
export interface EndpointWarnConfig {
  rttMs: number | null;
  /** Share of failed checks, 0-1 (the file says percent). */
  loss: number | null;
}

export interface LineConfig {
  id: string;
  name: string;
  downtimeCostPerMinute: number | null;
  endpoints: EndpointConfig[];
}

export type MaintenanceConfig =
  | {
      id: string;
      targets: string[];
      kind: 'recurring';
      every: 'day' | 'week';
      /** Only for `every: week`: 0 = sunday ... 6 = saturday. */
      weekday: number | null;
      start: string;
      durationMs: number;
    }
  | {
      id: string;
      targets: string[];
      kind: 'once';
      /** Local date-times as written ("2026-11-30T08:00") or with an explicit offset. */
      from: string;
      to: string;
    };

export interface LinewatchConfig {
  version: 1;
  site: { id: string; name: string; timezone: string };
  shifts: ShiftConfig[];
  lines: LineConfig[];
  maintenance: MaintenanceConfig[];
  retention: RetentionPolicy;
  /** Optional so configs built in code need not spell it out; the loader always sets it. */
  notifications?: NotificationsConfig;
  /** The OTLP metrics push (issue 14); absent: none. */
  otlp?: OtlpConfig;
}

export interface OtlpConfig {
  /** The collector's OTLP/HTTP metrics URL, e.g. http://collector:4318/v1/metrics. */
  endpoint: string;
  /** Environment variable holding the request headers as "name=value,name2=value2". */
  headersEnv: string | null;
}

/**
 * Where a secret comes from: an environment variable or a file, never the config text (which is
 * stored, versioned and shown). Only the variable NAME or the file PATH is kept here; the value is
 * read when it is needed (src/main/config/secret-reader.ts).
 */
export type SecretRef = { env: string } | { file: string };

export type NotificationChannelConfig =
  | {
      id: string;
      kind: 'webhook';
      url: string;
      /** HMAC-SHA256 key for the X-Linewatch-Signature header; null sends unsigned. */
      secret: SecretRef | null;
      /** One attempt's limit. */
      timeoutMs: number;
    }
  | {
      id: string;
      kind: 'email';
      to: string[];
      /** Null: the channel picks a sender from the site id. */
      from: string | null;
      smtp: {
        host: string;
        port: number;
        /** Implicit TLS from the first byte (port 465 style). */
        secure: boolean;
        /** Upgrade a plain connection with STARTTLS (refuse to send without it when true). */
        starttls: boolean;
        user: SecretRef | null;
        password: SecretRef | null;
      };
    }
  | {
      id: string;
      kind: 'mqtt';
      /** mqtt:// or mqtts:// */
      url: string;
      topicPrefix: string;
      username: SecretRef | null;
      password: SecretRef | null;
    }
  | { id: string; kind: 'desktop' };

export type NotificationChannelKind = NotificationChannelConfig['kind'];

export interface NotificationRuleConfig {
  channels: string[];
  /** Alarms below this severity are not sent by this rule. */
  minSeverity: Severity;
  /** Only alarms on these lines / endpoints; null = any. */
  lines: string[] | null;
  endpoints: string[] | null;
  /**
   * Null: the rule sends raised, cleared and acknowledged. A duration: the rule is an escalation
   * and sends `alarm.escalated` once the alarm has stayed unacknowledged (and uncleared) that long.
   */
  unacknowledgedForMs: number | null;
}

export interface NotificationsConfig {
  /** How long raised alarms are collected per channel before one (grouped) message goes out. */
  groupWindowMs: number;
  channels: NotificationChannelConfig[];
  rules: NotificationRuleConfig[];
}

export const DEFAULT_GROUP_WINDOW_MS = 1_000;
export const DEFAULT_WEBHOOK_TIMEOUT_MS = 5_000;

export const NO_NOTIFICATIONS: NotificationsConfig = {
  groupWindowMs: DEFAULT_GROUP_WINDOW_MS,
  channels: [],
  rules: [],
};

/**
 * How long each tier of probe history is kept, in days: the unit people set it in and the settings
 * page shows, so it is also the unit the store prunes by (a file's `36h` is 1.5 days here).
 */
export interface RetentionPolicy {
  rawDays: number;
  minuteDays: number;
  hourDays: number;
  dayDays: number;
}

/** The one retention default: 7 d raw checks, 30 d minute, 2 y hour and 10 y day buckets. */
export const DEFAULT_RETENTION: RetentionPolicy = {
  rawDays: 7,
  minuteDays: 30,
  hourDays: 730,
  dayDays: 3650,
};
