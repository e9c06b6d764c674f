// `probe: { kind: modbus }` in the config file (issue 13): the schema, its FILE:LINE:COL errors and
// the defaults check-config reports.
import { describe, expect, it } from 'vitest';
import {
  checkConfig,
  FILE,
  resolvedProbe,
  probeIssuesOf,
  useConfigFiles,
  withProbe,
} from '../../../support/config-helpers';

describe('modbus probe config', () => {
  it('resolves the defaults: port 502, unit 1, count 1; expect as written', () => {
    expect(
      resolvedProbe(
        '{ kind: modbus, host: 10.10.1.21, read: { function: holding_registers, address: 0 }, expect: { min: 1 } }',
      ),
    ).toEqual({
      kind: 'modbus',
      host: '10.10.1.21',
      port: 502,
      unitId: 1,
      read: { function: 'holding_registers', address: 0, count: 1 },
      expect: { min: 1, max: null },
    });
  });

  it('rejects a register address out of range at its position (the acceptance case)', () => {
    expect(
      probeIssuesOf(
        '{ kind: modbus, host: 10.10.1.21, port: 502, unit_id: 1, read: { function: holding_registers, address: 70000, count: 1 } }',
      ),
    ).toEqual([
      `${FILE}:10:119 lines[0].endpoints[0].probe.read.address: expected a register address from 0 to 65535, got 70000`,
    ]);
  });

  it.each([
    [
      'holding_registers',
      126,
      'expected at most 125 registers per holding_registers request (Modbus limit), got 126',
    ],
    [
      'input_registers',
      200,
      'expected at most 125 registers per input_registers request (Modbus limit), got 200',
    ],
    ['coils', 2001, 'expected at most 2000 coils per coils request (Modbus limit), got 2001'],
    [
      'discrete_inputs',
      5000,
      'expected at most 2000 discrete inputs per discrete_inputs request (Modbus limit), got 5000',
    ],
  ])('limits the count of %s to what the Modbus spec allows', (fn, count, message) => {
    expect(
      probeIssuesOf(`{ kind: modbus, host: plc, read: { function: ${fn}, address: 0, count: ${count} } }`),
    ).toEqual([expect.stringContaining(`lines[0].endpoints[0].probe.read.count: ${message}`)]);
  });

  it('refuses a read that runs past address 65535', () => {
    expect(
      probeIssuesOf(
        '{ kind: modbus, host: plc, read: { function: holding_registers, address: 65530, count: 10 } }',
      ),
    ).toEqual([
      expect.stringContaining(
        'probe.read.count: expected address + count to stay within 0..65535 (the last would be 65539)',
      ),
    ]);
  });

  it('names the allowed functions for an unknown one', () => {
    expect(probeIssuesOf('{ kind: modbus, host: plc, read: { function: holding, address: 0 } }')).toEqual([
      `${FILE}:10:61 lines[0].endpoints[0].probe.read.function: expected one of coils, discrete_inputs, holding_registers, input_registers, device_identification, got "holding"`,
    ]);
  });

  it.each([
    [
      'unit_id: 300, read: { function: coils, address: 0 }',
      'probe.unit_id: expected a unit id from 0 to 255, got 300',
    ],
    [
      'read: { function: coils, address: 0 }, expect: { min: 1 }',
      'probe.expect.min: expected equals (true or false) for coils, not a range',
    ],
    [
      'read: { function: holding_registers, address: 0 }, expect: { equals: on }',
      'probe.expect.equals: expected a register value (a number) for holding_registers',
    ],
    [
      'read: { function: holding_registers, address: 0 }, expect: {}',
      'probe.expect: expected at least one of equals, min, max',
    ],
    [
      'read: { function: holding_registers, address: 0 }, expect: { min: 5, max: 1 }',
      'probe.expect.max: expected max of at least min (5)',
    ],
    [
      'read: { function: device_identification, address: 300 }',
      'probe.read.address: expected a device identification object id from 0 to 255',
    ],
    [
      'port: 0, read: { function: coils, address: 0 }',
      'probe.port: expected a port number from 1 to 65535, got 0',
    ],
  ])('%s is refused', (fields, message) => {
    expect(probeIssuesOf(`{ kind: modbus, host: plc, ${fields} }`)).toEqual([
      expect.stringContaining(message),
    ]);
  });

  it('a missing read is named', () => {
    expect(probeIssuesOf('{ kind: modbus, host: plc }')).toEqual([
      expect.stringContaining('probe: missing key "read"'),
    ]);
  });
});

describe('check-config and the modbus defaults', () => {
  const configFile = useConfigFiles('modbus-config');

  it('prints the protocol defaults it applied, per probe, at the probe', () => {
    const file = configFile(
      withProbe('{ kind: modbus, host: 10.10.1.21, read: { function: holding_registers, address: 0 } }'),
    );
    const { code, stdout, stderr } = checkConfig(file);
    expect(code).toBe(0);
    expect(stdout).toEqual([`${file}: ok (1 site, 1 line, 1 endpoint; protocol defaults for 1 probe)`]);
    expect(stderr).toEqual([
      `${file}:10:16 default: press1-plc: Modbus/TCP port 502, unit_id 1, read.count 1`,
    ]);
  });

  it('says nothing of defaults when every key is written', () => {
    const file = configFile(
      withProbe(
        '{ kind: modbus, host: 10.10.1.21, port: 1502, unit_id: 3, read: { function: coils, address: 4, count: 8 } }',
      ),
    );
    const { code, stderr } = checkConfig(file);
    expect(code).toBe(0);
    expect(stderr).toEqual([]);
  });

  it('rejects address 70000 with FILE:LINE:COL and exit 1', () => {
    const file = configFile(
      withProbe(
        '{ kind: modbus, host: 127.0.0.1, port: 1502, unit_id: 1, read: { function: holding_registers, address: 70000, count: 1 } }',
      ),
    );
    const { code, stderr } = checkConfig(file);
    expect(code).toBe(1);
    expect(stderr).toEqual([
      `${file}:10:119 lines[0].endpoints[0].probe.read.address: expected a register address from 0 to 65535, got 70000`,
    ]);
  });
});
