// From the validated file (snake_case, per-file defaults) to the model the rest of main uses:
// camelCase, milliseconds (retention in days), and every endpoint carrying its own effective
// settings and line id.
import { DAY_MS } from '../../shared/time';
import type { RawConfig } from './schema';
import { WEEKDAYS } from './schema';
import type { RawModbusProbe } from './modbus-schema';
import type { RawOpcuaProbe } from './opcua-schema';
import type {
  EndpointConfig,
  EndpointWarnConfig,
  LinewatchConfig,
  MaintenanceConfig,
  ModbusProbeConfig,
  OpcuaProbeConfig,
  NotificationChannelConfig,
  NotificationsConfig,
  ProbeConfig,
  SecretRef,
} from './types';

type RawLine = RawConfig['lines'][number];
type RawEndpoint = RawLine['endpoints'][number];

function resolveProbe(probe: RawEndpoint['probe'], siteId: string): ProbeConfig {
  switch (probe.kind) {
    case 'icmp':
      return { kind: 'icmp', host: probe.host };
    case 'tcp':
      return { kind: 'tcp', host: probe.host, port: probe.port };
    case 'http':
      return {
        kind: 'http',
        url: probe.url,
        expectStatus: probe.expect_status ?? null,
        expectText: probe.expect_text ?? null,
        tlsVerify: probe.tls_verify,
      };
    case 'modbus':
      return resolveModbusProbe(probe);
    case 'enip':
      return {
        kind: 'enip',
        host: probe.host,
        port: probe.port,
        transport: probe.transport,
        serialSalt: siteId,
      };
    case 'opcua':
      return resolveOpcuaProbe(probe);
  }
}

function resolveOpcuaProbe(probe: RawOpcuaProbe): OpcuaProbeConfig {
  const { user } = probe;
  return {
    kind: 'opcua',
    url: probe.url,
    security: probe.security,
    user:
      user === undefined
        ? null
        : {
            name: user.name,
            // The schema lets exactly one of the two through.
            password:
              user.password_env !== undefined
                ? { env: user.password_env }
                : { file: user.password_file ?? '' },
          },
    read: (probe.read ?? []).map((read) => ({ nodeId: read.node_id, expect: read.expect ?? null })),
  };
}

function resolveModbusProbe(probe: RawModbusProbe): ModbusProbeConfig {
  const { expect } = probe;
  return {
    kind: 'modbus',
    host: probe.host,
    port: probe.port,
    unitId: probe.unit_id,
    read: { function: probe.read.function, address: probe.read.address, count: probe.read.count ?? 1 },
    expect:
      expect === undefined
        ? null
        : expect.equals !== undefined
          ? { equals: expect.equals }
          : { min: expect.min ?? null, max: expect.max ?? null },
  };
}

function resolveWarn(warn: NonNullable<RawEndpoint['warn']>): EndpointWarnConfig {
  return { rttMs: warn.rtt_ms ?? null, loss: warn.loss_pct === undefined ? null : warn.loss_pct / 100 };
}

function resolveEndpoint(
  ep: RawEndpoint,
  line: RawLine,
  defaults: RawConfig['defaults'],
  siteId: string,
): EndpointConfig {
  return {
    id: ep.id,
    name: ep.name,
    type: ep.type,
    lineId: line.id,
    critical: ep.critical,
    dependsOn: ep.depends_on ?? null,
    intervalMs: ep.interval ?? defaults.interval,
    timeoutMs: ep.timeout ?? defaults.timeout,
    downAfter: ep.down_after ?? defaults.down_after,
    upAfter: ep.up_after ?? defaults.up_after,
    probe: resolveProbe(ep.probe, siteId),
    ...(ep.warn ? { warn: resolveWarn(ep.warn) } : {}),
  };
}

function resolveMaintenance(entry: RawConfig['maintenance'][number]): MaintenanceConfig {
  if ('every' in entry) {
    return {
      id: entry.id,
      targets: entry.targets,
      kind: 'recurring',
      every: entry.every,
      weekday: entry.every === 'week' && entry.weekday !== undefined ? WEEKDAYS.indexOf(entry.weekday) : null,
      start: entry.start,
      durationMs: entry.duration,
    };
  }
  return { id: entry.id, targets: entry.targets, kind: 'once', from: entry.from, to: entry.to };
}

type RawNotifications = RawConfig['notifications'];

/** The file's `<name>_env` / `<name>_file` pair as a reference (the schema allows at most one). */
function secretRef(env: string | undefined, file: string | undefined): SecretRef | null {
  if (env !== undefined) return { env };
  if (file !== undefined) return { file };
  return null;
}

function resolveChannel(channel: RawNotifications['channels'][number]): NotificationChannelConfig {
  switch (channel.kind) {
    case 'webhook':
      return {
        id: channel.id,
        kind: 'webhook',
        url: channel.url,
        secret: secretRef(channel.secret_env, channel.secret_file),
        timeoutMs: channel.timeout,
      };
    case 'email':
      return {
        id: channel.id,
        kind: 'email',
        to: channel.to,
        from: channel.from ?? null,
        smtp: {
          host: channel.smtp.host,
          port: channel.smtp.port,
          secure: channel.smtp.secure,
          starttls: channel.smtp.starttls,
          user: secretRef(channel.smtp.user_env, channel.smtp.user_file),
          password: secretRef(channel.smtp.password_env, channel.smtp.password_file),
        },
      };
    case 'mqtt':
      return {
        id: channel.id,
        kind: 'mqtt',
        url: channel.url,
        topicPrefix: channel.topic_prefix,
        username: secretRef(channel.username_env, channel.username_file),
        password: secretRef(channel.password_env, channel.password_file),
      };
    case 'desktop':
      return { id: channel.id, kind: 'desktop' };
  }
}

function resolveNotifications(raw: RawNotifications): NotificationsConfig {
  return {
    groupWindowMs: raw.group_window,
    channels: raw.channels.map(resolveChannel),
    rules: raw.rules.map((rule) => ({
      channels: rule.channels,
      minSeverity: rule.min_severity,
      lines: rule.lines ?? null,
      endpoints: rule.endpoints ?? null,
      unacknowledgedForMs: rule.unacknowledged_for ?? null,
    })),
  };
}

export function resolveConfig(raw: RawConfig): LinewatchConfig {
  return {
    version: raw.version,
    site: { id: raw.site.id, name: raw.site.name, timezone: raw.site.timezone },
    shifts: raw.shifts.map((s) => ({ id: s.id, name: s.name, start: s.start, end: s.end })),
    lines: raw.lines.map((line) => ({
      id: line.id,
      name: line.name,
      downtimeCostPerMinute: line.downtime_cost_per_minute ?? null,
      endpoints: line.endpoints.map((ep) => resolveEndpoint(ep, line, raw.defaults, raw.site.id)),
    })),
    maintenance: raw.maintenance.map(resolveMaintenance),
    retention: {
      rawDays: raw.retention.raw_checks / DAY_MS,
      minuteDays: raw.retention.minute_rollups / DAY_MS,
      hourDays: raw.retention.hour_rollups / DAY_MS,
      dayDays: raw.retention.day_rollups / DAY_MS,
    },
    notifications: resolveNotifications(raw.notifications),
    ...(raw.otlp ? { otlp: { endpoint: raw.otlp.endpoint, headersEnv: raw.otlp.headers_env ?? null } } : {}),
  };
}
