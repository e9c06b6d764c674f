// TCP probe against real listeners on loopback addresses.
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '../../../src/main/demo/simulated-device';
import { probeTcp } from '../../../src/main/probes/tcp-probe';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function device(host: string): Promise<SimulatedDevice> {
  const d = await startSimulatedDevice({ kind: 'tcp', host });
  cleanups.push(() => d.stop());
  return d;
}

describe('tcp probe', () => {
  it('measures the connect time of a listening device', async () => {
    const d = await device('127.0.0.31');
    const result = await probeTcp(d.host, d.port, 1000);
    expect(result).toMatchObject({ ok: true, rttMs: expect.any(Number) });
    expect(result.rttMs).toBeGreaterThanOrEqual(0);
    expect(result.rttMs).toBeLessThan(1000);
  });

  it('reports refused when the device stops, and ok when it returns on the same address', async () => {
    const d = await device('127.0.0.32');
    await d.stop();
    expect(await probeTcp(d.host, d.port, 1000)).toMatchObject({ ok: false, kind: 'refused' });
    await d.start();
    expect((await probeTcp(d.host, d.port, 1000)).ok).toBe(true);
  });

  it('reports dns for a name that does not resolve', async () => {
    expect(await probeTcp('device.invalid', 502, 1000)).toMatchObject({ ok: false, kind: 'dns' });
  });
});
