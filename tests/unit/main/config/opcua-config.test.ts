// `probe: { kind: opcua }` in the config file (issue 13): the schema, its FILE:LINE:COL errors, the
// password sources (read at load, never echoed) and the defaults check-config reports.
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSecretReader, loadConfigFile } from '@src/main/config';
import {
  checkConfig,
  FILE,
  resolvedProbe,
  probeIssuesOf,
  useConfigFiles,
  withProbe,
} from '../../../support/config-helpers';

const configFile = useConfigFiles('opcua-config');

describe('opcua probe config', () => {
  it('resolves security none and an anonymous login by default, reads as written', () => {
    expect(
      resolvedProbe(
        '{ kind: opcua, url: "opc.tcp://10.10.1.40:4840/UA", read: [{ node_id: "ns=2;s=Line1.Speed", expect: { min: 1 } }] }',
      ),
    ).toEqual({
      kind: 'opcua',
      url: 'opc.tcp://10.10.1.40:4840/UA',
      security: 'none',
      user: null,
      read: [{ nodeId: 'ns=2;s=Line1.Speed', expect: { min: 1 } }],
    });
  });

  it('keeps only where the password is, not the password', () => {
    expect(
      resolvedProbe(
        '{ kind: opcua, url: "opc.tcp://plc:4840", security: sign, user: { name: operator, password_env: PLC_PW } }',
      ),
    ).toMatchObject({
      security: 'sign',
      user: { name: 'operator', password: { env: 'PLC_PW' } },
    });
  });

  it.each([
    [
      '{ kind: opcua, url: "http://plc:4840" }',
      `${FILE}:10:36 lines[0].endpoints[0].probe.url: expected an OPC UA URL like opc.tcp://10.10.1.40:4840 (host and port, then an optional path), got "http://plc:4840"`,
    ],
    [
      '{ kind: opcua, url: "opc.tcp://plc/UA" }',
      `${FILE}:10:36 lines[0].endpoints[0].probe.url: expected an OPC UA URL like opc.tcp://10.10.1.40:4840 (host and port, then an optional path), got "opc.tcp://plc/UA"`,
    ],
    [
      '{ kind: opcua, url: "opc.tcp://plc:4840", security: encrypt }',
      `${FILE}:10:68 lines[0].endpoints[0].probe.security: expected one of none, sign, sign_and_encrypt, got "encrypt"`,
    ],
    [
      '{ kind: opcua, url: "opc.tcp://plc:4840", read: [{ node_id: "Line1.Speed" }] }',
      `${FILE}:10:76 lines[0].endpoints[0].probe.read[0].node_id: expected an OPC UA node id like ns=2;s=Line1.Speed or ns=0;i=2259, got "Line1.Speed"`,
    ],
    [
      '{ kind: opcua, url: "opc.tcp://plc:4840", read: [{ node_id: "ns=70000;i=1" }] }',
      `${FILE}:10:76 lines[0].endpoints[0].probe.read[0].node_id: expected an OPC UA node id like ns=2;s=Line1.Speed or ns=0;i=2259, got "ns=70000;i=1"`,
    ],
  ])('rejects %s at its position', (probe, issue) => {
    expect(probeIssuesOf(probe)).toEqual([issue]);
  });

  it('wants exactly one password source', () => {
    const both = probeIssuesOf(
      '{ kind: opcua, url: "opc.tcp://plc:4840", user: { name: op, password_env: PW, password_file: /run/pw } }',
    );
    expect(both).toEqual([
      expect.stringMatching(
        /^test\.yaml:10:\d+ lines\[0\]\.endpoints\[0\]\.probe\.user\.password_file: expected either password_env or password_file, not both/,
      ),
    ]);
    const neither = probeIssuesOf('{ kind: opcua, url: "opc.tcp://plc:4840", user: { name: op } }');
    expect(neither).toEqual([
      expect.stringMatching(
        /^test\.yaml:10:\d+ lines\[0\]\.endpoints\[0\]\.probe\.user: expected password_env .* or password_file/,
      ),
    ]);
  });

  it('refuses a password in the URL without echoing it', () => {
    const [issue] = probeIssuesOf('{ kind: opcua, url: "opc.tcp://op:hunter2@plc:4840" }');
    expect(issue).toMatch(/probe\.url: a URL with user:password would keep a secret in the file/);
    expect(issue).not.toContain('hunter2');
  });

  it('names a missing variable or an unreadable file at its key on load, never a value', () => {
    const file = configFile(
      withProbe(
        '{ kind: opcua, url: "opc.tcp://plc:4840", user: { name: op, password_env: LW_TEST_OPCUA_PW } }',
      ),
    );
    const missing = loadConfigFile(file, createSecretReader({}));
    expect(!missing.ok && missing.issues.map((i) => `${i.line}:${i.col} ${i.message}`)).toEqual([
      '10:90 lines[0].endpoints[0].probe.user.password_env: secret not set: environment variable LW_TEST_OPCUA_PW is empty or missing, expected it to hold the OPC UA password of user op',
    ]);
    expect(loadConfigFile(file, createSecretReader({ LW_TEST_OPCUA_PW: 's3cret' })).ok).toBe(true);

    const unreadableFile = configFile(
      withProbe(
        `{ kind: opcua, url: "opc.tcp://plc:4840", user: { name: op, password_file: ${join(dirname(file), 'absent')} } }`,
      ),
    );
    const unreadable = loadConfigFile(unreadableFile, createSecretReader({}));
    expect(!unreadable.ok && unreadable.issues[0]?.message).toMatch(
      /probe\.user\.password_file: secret not readable: file .*absent \(ENOENT\), expected it to hold/,
    );
  });

  it('check-config names the security default it applied', () => {
    const file = configFile(withProbe('{ kind: opcua, url: "opc.tcp://plc:4840" }'));
    const { code, stderr } = checkConfig(file);
    expect(code).toBe(0);
    expect(stderr).toEqual([`${file}:10:16 default: press1-plc: OPC UA security none`]);
  });
});
