// The monitor closes kept protocol connections (issue 13): a config change that drops a Modbus
// device closes its connection at once, and stopping the monitor closes the rest. Real probe runner,
// real loopback PLCs (127.13.0.7-8 are this file's).
import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '@src/main/clock/clock';
import {
  startSimulatedModbusDevice,
  type SimulatedModbusDevice,
} from '@src/main/demo/simulated-modbus-device';
import { startMonitorRuntime } from '@src/main/monitor';
import { createProbeRunner } from '@src/main/probes/run-probe';
import { aConfig, aLine, anEndpoint, modbus } from '../../../support/config-builders';
import { useTempStores } from '../../../support/temp-store';

const stores = useTempStores('modbus-runtime');
const plcs: SimulatedModbusDevice[] = [];
afterEach(async () => {
  await Promise.all(plcs.splice(0).map((p) => p.stop()));
});

const POLL = { timeout: 15_000 };
const fast = { intervalMs: 200, timeoutMs: 150 };

describe('monitor runtime and kept connections', () => {
  it('closes the connection of a device removed by a reload, and the rest at stop', async () => {
    const a = await startSimulatedModbusDevice({ host: '127.13.0.7' });
    const b = await startSimulatedModbusDevice({ host: '127.13.0.8' });
    plcs.push(a, b);
    const plcA = anEndpoint('plc-a', { ...fast, type: 'plc', probe: modbus(a.host, a.port) });
    const plcB = anEndpoint('plc-b', { ...fast, type: 'plc', probe: modbus(b.host, b.port) });
    const runtime = startMonitorRuntime({
      config: aConfig({ lines: [aLine('line-1', [plcA, plcB])] }),
      clock: systemClock,
      store: stores().store,
      probe: createProbeRunner({ icmpBackend: 'ping' }),
      onLive: () => undefined,
      onAlarm: () => undefined,
      log: () => undefined,
    });
    try {
      await expect.poll(() => a.requests > 2 && b.requests > 2, POLL).toBe(true);
      expect([a.openConnections(), b.openConnections()]).toEqual([1, 1]);

      await runtime.reload(aConfig({ lines: [aLine('line-1', [plcA])] }));
      await expect.poll(() => b.openConnections(), POLL).toBe(0);
      expect(a.openConnections()).toBe(1);
    } finally {
      await runtime.stop();
    }
    await expect.poll(() => a.openConnections(), POLL).toBe(0);
  });
});
