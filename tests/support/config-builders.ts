// Configs for tests, built in code as the resolved model (what parseConfigText returns), with the
// loader's own defaults, so a test names only what it is about. `configYaml` writes one back as a
// config file for the tests that start the CLI, the host or a reload from a file.
import {
  BUILTIN_DEFAULTS,
  DEFAULT_RETENTION,
  WEEKDAYS,
  type EndpointConfig,
  type LineConfig,
  type LinewatchConfig,
  type MaintenanceConfig,
  type EnipProbeConfig,
  type ModbusProbeConfig,
  type OpcuaProbeConfig,
  type ProbeConfig,
  type ShiftConfig,
} from '@src/main/config';
import { DAY_MS } from '@src/shared/time';

export const tcp = (host: string, port: number): ProbeConfig => ({ kind: 'tcp', host, port });
export const icmp = (host: string): ProbeConfig => ({ kind: 'icmp', host });
export const http = (
  url: string,
  response: { status?: number; text?: string; tlsVerify?: boolean } = {},
): ProbeConfig => ({
  kind: 'http',
  url,
  expectStatus: response.status ?? null,
  expectText: response.text ?? null,
  tlsVerify: response.tlsVerify ?? true,
});

/** A Modbus/TCP read of `count` holding registers from `address` (unit 1 unless told). */
export const modbus = (
  host: string,
  port: number,
  fields: Partial<Omit<ModbusProbeConfig, 'kind' | 'host' | 'port'>> = {},
): ModbusProbeConfig => ({
  kind: 'modbus',
  host,
  port,
  unitId: fields.unitId ?? 1,
  read: fields.read ?? { function: 'holding_registers', address: 0, count: 1 },
  expect: fields.expect ?? null,
});

/** An EtherNet/IP List Identity over TCP; the serial salt is what the config's site id makes it. */
export const enip = (host: string, port: number, siteId: string): EnipProbeConfig => ({
  kind: 'enip',
  host,
  port,
  transport: 'tcp',
  serialSalt: siteId,
});

export const opcua = (
  url: string,
  fields: Partial<Omit<OpcuaProbeConfig, 'kind' | 'url'>> = {},
): OpcuaProbeConfig => ({
  kind: 'opcua',
  url,
  security: fields.security ?? 'none',
  user: fields.user ?? null,
  read: fields.read ?? [],
});

/**
 * An endpoint as the loader resolves one written with only an id: named by its id, type `other`,
 * the built-in interval, timeout and thresholds, pinged at 10.0.0.1. `aLine` sets its `lineId`.
 */
export function anEndpoint(id: string, fields: Partial<EndpointConfig> = {}): EndpointConfig {
  return {
    id,
    name: id,
    type: 'other',
    lineId: '',
    critical: false,
    dependsOn: null,
    ...BUILTIN_DEFAULTS,
    probe: icmp('10.0.0.1'),
    ...fields,
  };
}

/** A line named by its id, without a downtime cost; its endpoints get its id as their `lineId`. */
export function aLine(
  id: string,
  endpoints: EndpointConfig[],
  fields: Partial<Omit<LineConfig, 'id' | 'endpoints'>> = {},
): LineConfig {
  return {
    id,
    name: id,
    downtimeCostPerMinute: null,
    ...fields,
    endpoints: endpoints.map((endpoint) => ({ ...endpoint, lineId: id })),
  };
}

/** Site `plant` ("Plant", Europe/Berlin), one line `line-1` with one endpoint, default retention. */
export function aConfig(fields: Partial<Omit<LinewatchConfig, 'version'>> = {}): LinewatchConfig {
  return {
    version: 1,
    site: { id: 'plant', name: 'Plant', timezone: 'Europe/Berlin' },
    shifts: [],
    lines: [aLine('line-1', [anEndpoint('endpoint-1')])],
    maintenance: [],
    retention: DEFAULT_RETENTION,
    ...fields,
  };
}

/** The early, late and night shifts most plants in the tests run (06-14, 14-22, 22-06 local). */
export const THREE_SHIFTS: ShiftConfig[] = [
  { id: 'early', name: 'Early shift', start: '06:00', end: '14:00' },
  { id: 'late', name: 'Late shift', start: '14:00', end: '22:00' },
  { id: 'night', name: 'Night shift', start: '22:00', end: '06:00' },
];

/** A one-off maintenance window, local date-times as a config file writes them. */
export function aMaintenanceWindow(
  id: string,
  targets: string[],
  from: string,
  to: string,
): MaintenanceConfig {
  return { id, targets, kind: 'once', from, to };
}

/**
 * The config file that loads as `config` (parseConfigText(configYaml(c)) gives c back): every
 * endpoint spells out its own settings, so the file needs no `defaults`. Strings are written as
 * JSON, which YAML reads as double-quoted scalars, so no name can break the file.
 */
export function configYaml(config: LinewatchConfig): string {
  const text = JSON.stringify;
  const out = [
    `version: ${config.version}`,
    `site: { id: ${config.site.id}, name: ${text(config.site.name)}, timezone: ${config.site.timezone} }`,
  ];
  if (config.shifts.length > 0) {
    out.push('shifts:');
    for (const s of config.shifts)
      out.push(`  - { id: ${s.id}, name: ${text(s.name)}, start: "${s.start}", end: "${s.end}" }`);
  }
  out.push('lines:');
  for (const line of config.lines) {
    out.push(`  - id: ${line.id}`, `    name: ${text(line.name)}`);
    if (line.downtimeCostPerMinute !== null)
      out.push(`    downtime_cost_per_minute: ${line.downtimeCostPerMinute}`);
    out.push('    endpoints:');
    for (const ep of line.endpoints) out.push(`      - ${endpointYaml(ep)}`);
  }
  if (config.maintenance.length > 0) {
    out.push('maintenance:');
    for (const m of config.maintenance) out.push(`  - ${maintenanceYaml(m)}`);
  }
  const days = (n: number): string => `${Math.round(n * DAY_MS)}ms`;
  const r = config.retention;
  out.push(
    `retention: { raw_checks: ${days(r.rawDays)}, minute_rollups: ${days(r.minuteDays)}, ` +
      `hour_rollups: ${days(r.hourDays)}, day_rollups: ${days(r.dayDays)} }`,
  );
  return `${out.join('\n')}\n`;
}

function endpointYaml(ep: EndpointConfig): string {
  const fields = [`id: ${ep.id}`, `name: ${JSON.stringify(ep.name)}`, `type: ${ep.type}`];
  if (ep.critical) fields.push('critical: true');
  if (ep.dependsOn !== null) fields.push(`depends_on: ${ep.dependsOn}`);
  fields.push(
    `interval: ${ep.intervalMs}ms`,
    `timeout: ${ep.timeoutMs}ms`,
    `down_after: ${ep.downAfter}`,
    `up_after: ${ep.upAfter}`,
    `probe: ${probeYaml(ep.probe)}`,
  );
  if (ep.warn) {
    const warn: string[] = [];
    if (ep.warn.rttMs !== null) warn.push(`rtt_ms: ${ep.warn.rttMs}`);
    if (ep.warn.loss !== null) warn.push(`loss_pct: ${ep.warn.loss * 100}`);
    fields.push(`warn: { ${warn.join(', ')} }`);
  }
  return `{ ${fields.join(', ')} }`;
}

function probeYaml(probe: ProbeConfig): string {
  switch (probe.kind) {
    case 'icmp':
      return `{ kind: icmp, host: ${JSON.stringify(probe.host)} }`;
    case 'tcp':
      return `{ kind: tcp, host: ${JSON.stringify(probe.host)}, port: ${probe.port} }`;
    case 'http': {
      const fields = ['kind: http', `url: ${JSON.stringify(probe.url)}`];
      if (probe.expectStatus !== null) fields.push(`expect_status: ${probe.expectStatus}`);
      if (probe.expectText !== null) fields.push(`expect_text: ${JSON.stringify(probe.expectText)}`);
      if (!probe.tlsVerify) fields.push('tls_verify: false');
      return `{ ${fields.join(', ')} }`;
    }
    case 'modbus': {
      const { read, expect } = probe;
      const fields = [
        'kind: modbus',
        `host: ${JSON.stringify(probe.host)}`,
        `port: ${probe.port}`,
        `unit_id: ${probe.unitId}`,
        `read: { function: ${read.function}, address: ${read.address}, count: ${read.count} }`,
      ];
      if (expect && 'equals' in expect) fields.push(`expect: { equals: ${JSON.stringify(expect.equals)} }`);
      else if (expect) {
        const bounds = [
          expect.min === null ? '' : `min: ${expect.min}`,
          expect.max === null ? '' : `max: ${expect.max}`,
        ];
        fields.push(`expect: { ${bounds.filter(Boolean).join(', ')} }`);
      }
      return `{ ${fields.join(', ')} }`;
    }
    case 'enip':
      return `{ kind: enip, host: ${JSON.stringify(probe.host)}, port: ${probe.port}, transport: ${probe.transport} }`;
    case 'opcua':
      return opcuaProbeYaml(probe);
  }
}

function opcuaProbeYaml(probe: Extract<ProbeConfig, { kind: 'opcua' }>): string {
  const fields = ['kind: opcua', `url: ${JSON.stringify(probe.url)}`, `security: ${probe.security}`];
  if (probe.user) {
    const { name, password } = probe.user;
    const source =
      'env' in password ? `password_env: ${password.env}` : `password_file: ${JSON.stringify(password.file)}`;
    fields.push(`user: { name: ${JSON.stringify(name)}, ${source} }`);
  }
  if (probe.read.length > 0) {
    const reads = probe.read.map(
      (read) =>
        `{ node_id: ${JSON.stringify(read.nodeId)}${read.expect ? `, expect: ${JSON.stringify(read.expect)}` : ''} }`,
    );
    fields.push(`read: [${reads.join(', ')}]`);
  }
  return `{ ${fields.join(', ')} }`;
}

function maintenanceYaml(m: MaintenanceConfig): string {
  const head = `id: ${m.id}, targets: [${m.targets.join(', ')}]`;
  if (m.kind === 'once') return `{ ${head}, from: "${m.from}", to: "${m.to}" }`;
  const weekday = m.weekday === null ? '' : `, weekday: ${WEEKDAYS[m.weekday]}`;
  return `{ ${head}, every: ${m.every}${weekday}, start: "${m.start}", duration: ${m.durationMs}ms }`;
}
