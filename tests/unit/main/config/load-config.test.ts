import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIssue, loadConfigFile, parseConfigText } from '@src/main/config';
import { BASE, issuesOf, withLine, yaml } from '../../../support/config-helpers';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../../fixtures/config/${name}`, import.meta.url));

describe('the spec example', () => {
  const file = fixture('spec-example.yaml');
  const result = loadConfigFile(file);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  const { config } = result;
  const endpoint = (id: string) => config.lines[0]?.endpoints.find((e) => e.id === id);

  it('returns the text and its sha256', () => {
    const text = readFileSync(file, 'utf8');
    expect(result.text).toBe(text);
    expect(result.hash).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('resolves site, shifts and line', () => {
    expect(config.version).toBe(1);
    expect(config.site).toEqual({ id: 'plant-augsburg', name: 'Augsburg Plant', timezone: 'Europe/Berlin' });
    expect(config.shifts.map((s) => [s.id, s.start, s.end])).toEqual([
      ['early', '06:00', '14:00'],
      ['late', '14:00', '22:00'],
      ['night', '22:00', '06:00'],
    ]);
    expect(config.lines).toHaveLength(1);
    expect(config.lines[0]?.downtimeCostPerMinute).toBe(850);
  });

  it('applies the defaults and the per-endpoint override', () => {
    expect(endpoint('press1-switch')).toEqual({
      id: 'press1-switch',
      name: 'Press 1 access switch',
      type: 'switch',
      lineId: 'press-1',
      critical: false,
      dependsOn: null,
      intervalMs: 10_000,
      timeoutMs: 2_000,
      downAfter: 2,
      upAfter: 2,
      probe: { kind: 'icmp', host: '10.10.1.1' },
    });
    expect(endpoint('press1-plc')).toMatchObject({
      critical: true,
      dependsOn: 'press1-switch',
      intervalMs: 5_000,
      timeoutMs: 2_000,
      probe: { kind: 'tcp', host: '10.10.1.21', port: 502 },
    });
    expect(endpoint('press1-hmi')?.probe).toEqual({
      kind: 'http',
      url: 'http://10.10.1.30/health',
      expectStatus: 200,
      expectText: 'OK',
      tlsVerify: true,
    });
  });

  it('parses the maintenance windows', () => {
    expect(config.maintenance).toEqual([
      {
        id: 'weekly-pm',
        targets: ['press-1'],
        kind: 'recurring',
        every: 'week',
        weekday: 0,
        start: '02:00',
        durationMs: 4 * 3_600_000,
      },
      {
        id: 'daily-backup',
        targets: ['press1-hmi'],
        kind: 'recurring',
        every: 'day',
        weekday: null,
        start: '23:30',
        durationMs: 20 * 60_000,
      },
      {
        id: 'plc-swap',
        targets: ['press1-plc'],
        kind: 'once',
        from: '2026-11-30T08:00',
        to: '2026-11-30T10:00',
      },
    ]);
  });
});

describe('fixtures with one mistake', () => {
  it('bad-duration.yaml points at the value of interval (line 17, after 8 spaces and "interval: ")', () => {
    const file = fixture('bad-duration.yaml');
    const result = loadConfigFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      `${file}:17:19 lines[0].endpoints[1].interval: expected a duration like 500ms, 10s, 5m, 4h, 1d or a number of seconds, got "10 parsecs"`,
    ]);
  });

  it('bad-type.yaml points at the value of type (line 12, after 8 spaces and "type: ")', () => {
    const file = fixture('bad-type.yaml');
    const result = loadConfigFile(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues.map(formatIssue)).toEqual([
      `${file}:12:15 lines[0].endpoints[0].type: expected one of plc, hmi, robot, switch, server, camera, scanner, other, got "toaster"`,
    ]);
  });
});

describe('file and YAML problems', () => {
  it('a missing file is one issue at 0:0', () => {
    const result = loadConfigFile('/nonexistent/linewatch.yaml');
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          file: '/nonexistent/linewatch.yaml',
          line: 0,
          col: 0,
          message: 'config file not found, expected a readable YAML file at this path',
        },
      ],
    });
  });

  it('reports a YAML syntax error with its position', () => {
    // "x: y" after "name: " is a map where YAML allows only a scalar; column 9 is the "x".
    expect(issuesOf(yaml(['version: 1', 'site:', '  id: a', '  name: x: y', 'lines: []']))).toEqual([
      'test.yaml:4:9 YAML syntax error: Nested mappings are not allowed in compact mappings',
    ]);
  });

  it('reports duplicate keys as YAML errors', () => {
    expect(issuesOf(yaml([...BASE, 'version: 1']))).toEqual([
      'test.yaml:18:1 YAML syntax error: Map keys must be unique',
    ]);
  });

  it('an empty file says what was expected', () => {
    expect(issuesOf('# nothing here\n')).toEqual([
      'test.yaml:1:1 the file is empty, expected a map with version, site and lines',
    ]);
  });
});

describe('schema problems', () => {
  it('an unknown key points at the key and lists the allowed ones', () => {
    expect(issuesOf(yaml(withLine(15, '        name: PLC', '        intervall: 5s')))).toEqual([
      'test.yaml:16:9 lines[0].endpoints[1].intervall: unknown key, expected one of id, name, type, critical, depends_on, interval, timeout, down_after, up_after, warn, probe',
    ]);
  });

  it('a missing key points at the parent map', () => {
    expect(issuesOf(yaml(withLine(5, '  zone: Europe/Berlin')))).toEqual([
      'test.yaml:3:3 site: missing key "timezone", expected an IANA timezone such as Europe/Berlin',
      'test.yaml:5:3 site.zone: unknown key, expected one of id, name, timezone',
    ]);
  });

  it('rejects an unknown timezone', () => {
    expect(issuesOf(yaml(withLine(5, '  timezone: Europe/Atlantis')))).toEqual([
      'test.yaml:5:13 site.timezone: expected an IANA timezone such as Europe/Berlin, got "Europe/Atlantis"',
    ]);
  });

  it("rejects a host starting with '-' (it would be read as an option by ping)", () => {
    // Column 36: just after '        probe: { kind: icmp, host: ' (35 characters).
    expect(issuesOf(yaml(withLine(13, '        probe: { kind: icmp, host: -fn }')))).toEqual([
      'test.yaml:13:36 lines[0].endpoints[0].probe.host: expected a hostname, IPv4 or IPv6 address that does not start with \'-\' (ping would read it as an option), got "-fn"',
    ]);
  });

  it('rejects hosts that are not a hostname or IP address', () => {
    const issues = issuesOf(yaml(withLine(13, '        probe: { kind: icmp, host: "a b;rm" }')));
    expect(issues).toEqual([
      'test.yaml:13:36 lines[0].endpoints[0].probe.host: expected a hostname, IPv4 or IPv6 address, got "a b;rm"',
    ]);
  });

  it('accepts hostnames and IPv6 addresses', () => {
    const text = yaml([
      ...withLine(13, '        probe: { kind: icmp, host: plc-7.plant.local }'),
      '      - { id: v6, name: V6, type: server, probe: { kind: tcp, host: "fe80::1", port: 22 } }',
    ]);
    expect(parseConfigText(text, 'x.yaml').ok).toBe(true);
  });

  it('an unknown probe kind names the allowed kinds', () => {
    expect(issuesOf(yaml(withLine(13, '        probe: { kind: snmp, host: 10.0.0.1 }')))).toEqual([
      'test.yaml:13:24 lines[0].endpoints[0].probe.kind: expected one of icmp, tcp, http, modbus, enip, opcua, got "snmp"',
    ]);
  });

  it('a recurring weekly window needs a weekday', () => {
    const text = yaml([
      ...BASE,
      'maintenance:', // 18
      '  - { id: pm, targets: [press-1], every: week, start: "02:00", duration: 4h }', // 19
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:19:5 maintenance[0]: missing key "weekday" (required when every is week), expected one of sunday, monday, tuesday, wednesday, thursday, friday, saturday',
    ]);
  });
});
