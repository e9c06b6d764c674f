// TCP probe against real listeners on loopback addresses.
import { performance } from 'node:perf_hooks';
import { afterEach, describe, expect, it } from 'vitest';
import { startSimulatedDevice, type SimulatedDevice } from '@src/main/demo/simulated-device';
import { probeTcp } from '@src/main/probes/tcp-probe';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

async function device(host: string): Promise<SimulatedDevice> {
  const d = await startSimulatedDevice({ kind: 'tcp', host });
  cleanups.push(() => d.stop());
  return d;
}

/** Long enough that a loaded machine cannot turn a loopback connect into a timeout. */
const GENEROUS_TIMEOUT_MS = 10_000;

describe('tcp probe', () => {
  it('measures the connect time of a listening device', async () => {
    const d = await device('127.0.0.31');
    const started = performance.now();
    const result = await probeTcp(d.host, d.port, GENEROUS_TIMEOUT_MS);
    const elapsedMs = performance.now() - started;
    expect(result).toMatchObject({ ok: true, rttMs: expect.any(Number) as unknown });
    expect(result.rttMs).toBeGreaterThanOrEqual(0);
    // The connect time is measured inside the call: never more than the call itself took.
    expect(result.rttMs).toBeLessThanOrEqual(elapsedMs);
  });

  it('reports refused when the device stops, and ok when it returns on the same address', async () => {
    const d = await device('127.0.0.32');
    await d.stop();
    expect(await probeTcp(d.host, d.port, GENEROUS_TIMEOUT_MS)).toMatchObject({ ok: false, kind: 'refused' });
    await d.start();
    expect((await probeTcp(d.host, d.port, GENEROUS_TIMEOUT_MS)).ok).toBe(true);
  });

  it('reports dns for a name that does not resolve', async () => {
    expect(await probeTcp('device.invalid', 502, GENEROUS_TIMEOUT_MS)).toMatchObject({
      ok: false,
      kind: 'dns',
    });
  });
});
