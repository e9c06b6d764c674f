// `probe: { kind: enip }` in the config file (issue 13): the schema, its FILE:LINE:COL errors and
// the defaults check-config reports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfigText, runCheckConfig } from '@src/main/config';
import { useTempDirs } from '../../../support/temp-store';

/** A one-endpoint file whose probe is on line 10, starting at column 16 (after "        probe: "). */
const withProbe = (probe: string): string =>
  [
    'version: 1',
    'site: { id: plant-augsburg, name: Plant, timezone: Europe/Berlin }',
    'lines:',
    '  - id: press-1',
    '    name: Press line 1',
    '    endpoints:',
    '      - id: press1-drive',
    '        name: Press 1 main drive',
    '        type: other',
    `        probe: ${probe}`,
    '',
  ].join('\n');

const issuesOf = (probe: string): string[] => {
  const result = parseConfigText(withProbe(probe), 'plant.yaml');
  return result.ok ? [] : result.issues.map((i) => `${i.line}:${i.col} ${i.message}`);
};

describe('enip probe config', () => {
  it('applies port 44818 and TCP, and salts the serial hash with the site id', () => {
    const result = parseConfigText(withProbe('{ kind: enip, host: 10.10.1.31 }'), 'plant.yaml');
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.config.lines[0]?.endpoints[0]?.probe).toEqual({
      kind: 'enip',
      host: '10.10.1.31',
      port: 44818,
      transport: 'tcp',
      serialSalt: 'plant-augsburg',
    });
  });

  it('takes UDP and another port', () => {
    const result = parseConfigText(
      withProbe('{ kind: enip, host: 10.10.1.31, port: 2222, transport: udp }'),
      'plant.yaml',
    );
    expect(result.ok && result.config.lines[0]?.endpoints[0]?.probe).toMatchObject({
      port: 2222,
      transport: 'udp',
    });
  });

  it('rejects a port out of range at the port', () => {
    expect(issuesOf('{ kind: enip, host: 10.10.1.31, port: 70000 }')).toEqual([
      '10:54 lines[0].endpoints[0].probe.port: expected a port number from 1 to 65535, got 70000',
    ]);
  });

  it('rejects an unknown transport, naming the two it knows', () => {
    expect(issuesOf('{ kind: enip, host: 10.10.1.31, transport: serial }')).toEqual([
      '10:59 lines[0].endpoints[0].probe.transport: expected one of tcp, udp, got "serial"',
    ]);
  });

  it('rejects a key the probe does not have, listing those it has', () => {
    expect(issuesOf('{ kind: enip, host: 10.10.1.31, slot: 0 }')).toEqual([
      expect.stringContaining('expected one of kind, host, port, transport'),
    ]);
  });
});

describe('check-config and the enip defaults', () => {
  const tempDir = useTempDirs('enip-config');

  it('prints the protocol defaults it applied, at the probe', () => {
    const file = join(tempDir(), 'plant.yaml');
    writeFileSync(file, withProbe('{ kind: enip, host: 10.10.1.31 }'));
    const stdout: string[] = [];
    const stderr: string[] = [];
    expect(runCheckConfig(file, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(l) })).toBe(0);
    expect(stdout).toEqual([`${file}: ok (1 site, 1 line, 1 endpoint; protocol defaults for 1 probe)`]);
    expect(stderr).toEqual([`${file}:10:16 default: press1-drive: EtherNet/IP port 44818, transport tcp`]);
  });

  it('says nothing of defaults when every key is written', () => {
    const file = join(tempDir(), 'plant.yaml');
    writeFileSync(file, withProbe('{ kind: enip, host: 10.10.1.31, port: 44818, transport: udp }'));
    const stderr: string[] = [];
    expect(runCheckConfig(file, { stdout: () => undefined, stderr: (l) => stderr.push(l) })).toBe(0);
    expect(stderr).toEqual([]);
  });
});
