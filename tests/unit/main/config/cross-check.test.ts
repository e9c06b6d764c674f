import { describe, expect, it } from 'vitest';
import { parseConfigText } from '@src/main/config';
import { BASE, issuesOf, withLine, yaml } from '../../../support/config-helpers';

describe('cross-field checks', () => {
  it('a duplicate id names the place that already uses it', () => {
    // Line 14 "      - id: plc" -> "      - id: press-1"; the value starts at column 13.
    expect(issuesOf(yaml(withLine(14, '      - id: press-1')))).toEqual([
      'test.yaml:14:13 lines[0].endpoints[1].id: duplicate id "press-1", already used by the line at lines[0]; expected ids unique in the file',
    ]);
  });

  it('ids are unique across sites, shifts and maintenance too', () => {
    const text = yaml([
      ...BASE,
      'shifts:', // 18
      '  - { id: plant-a, name: Day, start: "06:00", end: "18:00" }', // 19
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:19:11 shifts[0].id: duplicate id "plant-a", already used by the site at site; expected ids unique in the file',
    ]);
  });

  it('depends_on must name an existing endpoint', () => {
    expect(issuesOf(yaml(withLine(16, '        type: plc', '        depends_on: nope')))).toEqual([
      'test.yaml:17:21 lines[0].endpoints[1].depends_on: expected the id of an endpoint, got "nope"',
    ]);
    expect(issuesOf(yaml(withLine(16, '        type: plc', '        depends_on: press-1')))).toEqual([
      'test.yaml:17:21 lines[0].endpoints[1].depends_on: expected the id of an endpoint, got "press-1" (that is a line)',
    ]);
  });

  it('depends_on must not form a cycle; the cycle is reported once', () => {
    const lines = withLine(12, '        type: switch', '        depends_on: plc'); // sw -> plc at line 13
    lines.splice(17, 0, '        depends_on: sw'); // plc -> sw at line 18
    expect(issuesOf(yaml(lines))).toEqual([
      'test.yaml:13:21 lines[0].endpoints[0].depends_on: dependency cycle sw -> plc -> sw, expected depends_on chains to end at an endpoint without depends_on',
    ]);
  });

  it('an endpoint depending on itself is a cycle', () => {
    expect(issuesOf(yaml(withLine(16, '        type: plc', '        depends_on: plc')))).toEqual([
      'test.yaml:17:21 lines[0].endpoints[1].depends_on: dependency cycle plc -> plc, expected depends_on chains to end at an endpoint without depends_on',
    ]);
  });

  it('maintenance targets must be the site, a line or an endpoint', () => {
    const text = yaml([
      ...BASE,
      'maintenance:', // 18
      '  - { id: all, targets: [plant-a, press-1, sw], every: day, start: "01:00", duration: 10m }', // 19
      '  - { id: bad, targets: [all, ghost], every: day, start: "01:00", duration: 10m }', // 20
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:20:26 maintenance[1].targets[0]: expected the id of the site, a line or an endpoint, got "all" (that is a maintenance)',
      'test.yaml:20:31 maintenance[1].targets[1]: expected the id of the site, a line or an endpoint, got "ghost"',
    ]);
  });

  it('a one-off window must end after it starts, offsets included', () => {
    const text = yaml([
      ...BASE,
      'maintenance:', // 18
      '  - { id: a, targets: [sw], from: "2026-11-30T10:00", to: "2026-11-30T08:00" }', // 19
      // 10:00+01:00 is 09:00Z, 09:30 Berlin (winter) is 08:30Z: also backwards.
      '  - { id: b, targets: [sw], from: "2026-11-30T10:00+01:00", to: "2026-11-30T09:30" }', // 20
      '  - { id: c, targets: [sw], from: "2026-11-30T08:00:00Z", to: "2026-11-30T09:30:30" }', // 21
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:19:59 maintenance[0].to: expected a time after from (2026-11-30T10:00), got "2026-11-30T08:00"',
      'test.yaml:20:65 maintenance[1].to: expected a time after from (2026-11-30T10:00+01:00), got "2026-11-30T09:30"',
    ]);
  });

  it('the timeout must be shorter than the interval', () => {
    const text = yaml([
      ...withLine(16, '        type: plc', '        interval: 1s', '        timeout: 1500ms'),
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:18:18 lines[0].endpoints[1].timeout: expected a timeout shorter than the interval (1s), got 1500ms',
    ]);
  });

  it('checks the defaults once rather than for every endpoint', () => {
    const text = yaml(['defaults:', '  interval: 1s', ...BASE]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:2:13 defaults.interval: expected an interval longer than the timeout (2s), got 1s',
    ]);
  });

  it('an endpoint may fix a too-short default interval for itself only', () => {
    // The defaults line shifts BASE down by one: the endpoint's timeout lands on line 18.
    const text = yaml([
      'defaults: { interval: 5s, timeout: 1s }',
      ...withLine(16, '        type: plc', '        timeout: 5s'),
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:18:18 lines[0].endpoints[1].timeout: expected a timeout shorter than the interval (5s), got 5s',
    ]);
    const fine = yaml([
      'defaults: { interval: 5s, timeout: 1s }',
      ...withLine(16, '        type: plc', '        timeout: 4s'),
    ]);
    expect(parseConfigText(fine, 'x.yaml').ok).toBe(true);
  });
});

describe('many mistakes at once', () => {
  it('reports every schema and cross-field issue, sorted by position', () => {
    const text = yaml([
      'version: 2', // 1
      'site:', // 2
      '  id: plant-a', // 3
      '  name: Plant A', // 4
      '  timezone: Nowhere/Special', // 5
      'lines:', // 6
      '  - id: press-1', // 7
      '    name: Press line 1', // 8
      '    colour: blue', // 9
      '    endpoints:', // 10
      '      - id: sw', // 11
      '        name: Switch', // 12
      '        type: toaster', // 13
      '        interval: 10 parsecs', // 14
      '        probe: { kind: icmp, host: -f }', // 15
      '      - id: sw', // 16
      '        name: Switch again', // 17
      '        type: switch', // 18
      '        depends_on: ghost', // 19
      '        probe: { kind: tcp, host: 10.0.0.2, port: 0 }', // 20
    ]);
    expect(issuesOf(text)).toEqual([
      'test.yaml:1:10 version: expected 1, got 2',
      'test.yaml:5:13 site.timezone: expected an IANA timezone such as Europe/Berlin, got "Nowhere/Special"',
      'test.yaml:9:5 lines[0].colour: unknown key, expected one of id, name, downtime_cost_per_minute, endpoints',
      'test.yaml:13:15 lines[0].endpoints[0].type: expected one of plc, hmi, robot, switch, server, camera, scanner, other, got "toaster"',
      'test.yaml:14:19 lines[0].endpoints[0].interval: expected a duration like 500ms, 10s, 5m, 4h, 1d or a number of seconds, got "10 parsecs"',
      'test.yaml:15:36 lines[0].endpoints[0].probe.host: expected a hostname, IPv4 or IPv6 address that does not start with \'-\' (ping would read it as an option), got "-f"',
      'test.yaml:16:13 lines[0].endpoints[1].id: duplicate id "sw", already used by the endpoint at lines[0].endpoints[0]; expected ids unique in the file',
      'test.yaml:19:21 lines[0].endpoints[1].depends_on: expected the id of an endpoint, got "ghost"',
      'test.yaml:20:51 lines[0].endpoints[1].probe.port: expected a port number from 1 to 65535, got 0',
    ]);
  });
});
