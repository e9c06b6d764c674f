// `probe: { kind: enip }` in the config file (issue 13): the schema, its FILE:LINE:COL errors and
// the defaults check-config reports.
import { describe, expect, it } from 'vitest';
import {
  checkConfig,
  FILE,
  resolvedProbe,
  probeIssuesOf,
  useConfigFiles,
  withProbe,
  type ProbeTestEndpoint,
} from '../../../support/config-helpers';

/** A drive at site plant-augsburg: the site id is the serial hash's salt. */
const DRIVE: ProbeTestEndpoint = {
  siteId: 'plant-augsburg',
  id: 'press1-drive',
  name: 'Press 1 main drive',
  type: 'other',
};

describe('enip probe config', () => {
  it('applies port 44818 and TCP, and salts the serial hash with the site id', () => {
    expect(resolvedProbe('{ kind: enip, host: 10.10.1.31 }', DRIVE)).toEqual({
      kind: 'enip',
      host: '10.10.1.31',
      port: 44818,
      transport: 'tcp',
      serialSalt: 'plant-augsburg',
    });
  });

  it('takes UDP and another port', () => {
    expect(
      resolvedProbe('{ kind: enip, host: 10.10.1.31, port: 2222, transport: udp }', DRIVE),
    ).toMatchObject({
      port: 2222,
      transport: 'udp',
    });
  });

  it('rejects a port out of range at the port', () => {
    expect(probeIssuesOf('{ kind: enip, host: 10.10.1.31, port: 70000 }', DRIVE)).toEqual([
      `${FILE}:10:54 lines[0].endpoints[0].probe.port: expected a port number from 1 to 65535, got 70000`,
    ]);
  });

  it('rejects an unknown transport, naming the two it knows', () => {
    expect(probeIssuesOf('{ kind: enip, host: 10.10.1.31, transport: serial }', DRIVE)).toEqual([
      `${FILE}:10:59 lines[0].endpoints[0].probe.transport: expected one of tcp, udp, got "serial"`,
    ]);
  });

  it('rejects a key the probe does not have, listing those it has', () => {
    expect(probeIssuesOf('{ kind: enip, host: 10.10.1.31, slot: 0 }', DRIVE)).toEqual([
      expect.stringContaining('expected one of kind, host, port, transport'),
    ]);
  });
});

describe('check-config and the enip defaults', () => {
  const configFile = useConfigFiles('enip-config');

  it('prints the protocol defaults it applied, at the probe', () => {
    const file = configFile(withProbe('{ kind: enip, host: 10.10.1.31 }', DRIVE));
    const { code, stdout, stderr } = checkConfig(file);
    expect(code).toBe(0);
    expect(stdout).toEqual([`${file}: ok (1 site, 1 line, 1 endpoint; protocol defaults for 1 probe)`]);
    expect(stderr).toEqual([`${file}:10:16 default: press1-drive: EtherNet/IP port 44818, transport tcp`]);
  });

  it('says nothing of defaults when every key is written', () => {
    const file = configFile(
      withProbe('{ kind: enip, host: 10.10.1.31, port: 44818, transport: udp }', DRIVE),
    );
    const { code, stderr } = checkConfig(file);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
  });
});
