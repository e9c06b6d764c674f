// The OPC UA probe as the runner uses it (issue 13): a config's probe to a ProbeResult with the
// server's identity, the password read from its source once per config, and a new config closing
// the sessions it no longer uses. Address 127.0.46.4 is this file's.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpcuaProbeConfig } from '@src/main/config';
import { createOpcuaEndpointProbe, deviceIdentityOf } from '@src/main/probes/opcua-endpoint-probe';
import { startOpcuaServer, TEST_BUILD_INFO, type TestOpcuaServer } from '../../../support/opcua-server';
import { makeTempDir } from '../../../support/temp-store';

const POLL = { timeout: 15_000 };
const temp = makeTempDir('opcua-endpoint-probe');
let server: TestOpcuaServer;
beforeAll(async () => {
  server = await startOpcuaServer({ host: '127.0.46.4', dataDir: join(temp.dir, 'server') });
});
afterAll(async () => {
  await server.stop();
  temp.remove();
});

const anonymous = (): OpcuaProbeConfig => ({
  kind: 'opcua',
  url: server.url,
  security: 'none',
  user: null,
  read: [],
});

describe('opcua endpoint probe', () => {
  it('maps BuildInfo to the shared identity shape', () => {
    expect(deviceIdentityOf(TEST_BUILD_INFO)).toEqual({
      source: 'opcua',
      vendor: 'Linewatch test bench',
      product: 'Press 1 PLC runtime',
      firmware: '4.2.1 build 4711',
      serialHash: null,
      details: { product_uri: 'urn:linewatch:test:plc' },
    });
    const bare = {
      productName: '',
      manufacturerName: '',
      softwareVersion: '',
      buildNumber: '',
      productUri: '',
    };
    expect(deviceIdentityOf(bare)).toMatchObject({
      vendor: null,
      product: null,
      firmware: null,
      details: {},
    });
  });

  it('reads the password once per config, and a new config closes the sessions it does not use', async () => {
    const passwordFile = join(temp.dir, 'opcua-password');
    writeFileSync(passwordFile, 'secret\n');
    const operator: OpcuaProbeConfig = {
      ...anonymous(),
      user: { name: 'operator', password: { file: passwordFile } },
      read: [{ nodeId: 'ns=1;s=Line1.Speed', expect: { min: 40 } }],
    };
    const probe = createOpcuaEndpointProbe({ pkiDir: join(temp.dir, 'client-pki') });
    try {
      expect(await probe.check(anonymous(), 5_000)).toMatchObject({
        ok: true,
        identity: { source: 'opcua' },
      });
      expect(await probe.check(operator, 5_000)).toMatchObject({ ok: true });
      expect(probe.pooledSessions()).toBe(2);

      // The file changes: the running config keeps the password it read ...
      writeFileSync(passwordFile, 'wrong\n');
      expect(await probe.check(operator, 5_000)).toMatchObject({ ok: true });
      // ... and the next config reads it again (a rotated password is picked up at apply).
      probe.retain([anonymous(), operator]);
      expect(await probe.check(operator, 5_000)).toMatchObject({ ok: false, kind: 'auth' });

      probe.retain([anonymous()]);
      await expect.poll(() => server.sessionCount(), POLL).toBe(1);
      expect(probe.pooledSessions()).toBe(1);
    } finally {
      await probe.close();
    }
    await expect.poll(() => server.sessionCount(), POLL).toBe(0);
  }, 60_000);

  it('says which password source is missing, without a PKI folder it says so too', async () => {
    const probe = createOpcuaEndpointProbe({
      pkiDir: join(temp.dir, 'client-pki-2'),
      readSecret: () => {
        throw new Error('secret not set: environment variable LW_GONE is empty or missing');
      },
    });
    const config: OpcuaProbeConfig = {
      ...anonymous(),
      user: { name: 'operator', password: { env: 'LW_GONE' } },
    };
    expect(await probe.check(config, 5_000)).toEqual({
      ok: false,
      kind: 'auth',
      message: 'secret not set: environment variable LW_GONE is empty or missing',
      rttMs: null,
    });
    await probe.close();
    const unset = createOpcuaEndpointProbe({ pkiDir: null });
    expect(await unset.check(anonymous(), 5_000)).toMatchObject({ ok: false, kind: 'error' });
  });
});
