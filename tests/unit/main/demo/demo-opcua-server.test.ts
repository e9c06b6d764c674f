// The demo plant's OPC UA server (issue 13): Running with its build info as the identity, and in its
// scripted window ServerState Suspended, so the wall shows "OPC UA: Suspended", not "unreachable".
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import type { OpcuaProbeConfig } from '@src/main/config';
import { startDemoPlant, type DemoPlant } from '@src/main/demo/demo-plant';
import { createOpcuaEndpointProbe } from '@src/main/probes/opcua-endpoint-probe';
import { useTempDirs } from '../../../support/temp-store';

const tempDir = useTempDirs('demo-opcua');
let plant: DemoPlant | null = null;
let probe: ReturnType<typeof createOpcuaEndpointProbe> | null = null;
afterEach(async () => {
  await probe?.close();
  await plant?.stop();
  plant = null;
  probe = null;
});

describe('the demo plant’s OPC UA server', () => {
  it('runs, then is Suspended for a minute in its fault window, then runs again', async () => {
    const clock = new ManualClock(Date.parse('2026-01-05T06:00:00Z'));
    plant = await startDemoPlant(clock);
    expect(plant.notes).toEqual([]);
    const endpoint = plant.config.lines.flatMap((l) => l.endpoints).find((e) => e.id === 'weld2-opcua');
    expect(endpoint?.probe).toMatchObject({ kind: 'opcua', security: 'none', user: null });
    const config = endpoint?.probe as OpcuaProbeConfig;
    probe = createOpcuaEndpointProbe({ pkiDir: tempDir() });

    clock.advance(5_000);
    expect(await probe.check(config, 5_000)).toMatchObject({
      ok: true,
      identity: {
        source: 'opcua',
        vendor: 'Linewatch demo',
        product: 'Weld 2 cell runtime',
        firmware: '2.4.0 build 318',
        serialHash: null,
        details: { product_uri: 'urn:linewatch:demo:weld2' },
      },
    });
    // The script's window opens 30 s in and lasts 60 s.
    clock.advance(30_000);
    expect(await probe.check(config, 5_000)).toMatchObject({
      ok: false,
      kind: 'server_state',
      message: 'OPC UA: Suspended',
    });
    clock.advance(60_000);
    expect(await probe.check(config, 5_000)).toMatchObject({ ok: true });
    expect(probe.pooledSessions()).toBe(1);
  }, 60_000);
});
