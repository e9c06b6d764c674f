// Modbus/TCP probe figures for `npm run bench` (issue 13): CPU-seconds per 1,000 checks, and the
// monitor's CPU share and RSS with 1,000 Modbus endpoints at a 10 s interval (the goal: under 10 %
// of one core). The simulated PLCs run in a child process (`bench.js modbus-plcs N`) so that what
// is measured is the probe and the monitor, not the devices answering them.
import { startSimulatedModbusDevice } from '../demo/simulated-modbus-device';
import { serveDevices, startDeviceFleet } from './device-fleet';
import { createProbeRunner } from '../probes/run-probe';
import type { Store } from '../store';
import { mib } from './measure';
import { monitorLoad, probeThroughput } from './probe-benchmarks';

/** 127.13.y.z: issue 13's loopback range, away from the other benches' 127.0.x.y. */
const plcHost = (i: number): string => `127.13.${10 + (i >> 8)}.${(i % 250) + 1}`;

/** The child's side: start `count` PLCs, each with its index in register 0. */
export const serveModbusPlcs = (count: number): Promise<void> =>
  serveDevices(count, async (i) => {
    const plc = await startSimulatedModbusDevice({ host: plcHost(i) });
    plc.setRegister(0, i);
    return plc;
  });

const startPlcFleet = (count: number) =>
  startDeviceFleet('modbus-plcs', count, (host, port) => ({
    kind: 'modbus',
    host,
    port,
    unitId: 1,
    read: { function: 'holding_registers', address: 0, count: 1 },
    expect: null,
  }));

export async function modbusFigures(options: {
  seconds: number;
  withStore: <T>(work: (store: Store) => Promise<T>) => Promise<T>;
}): Promise<Record<string, unknown>> {
  const fleet = await startPlcFleet(1000);
  const probe = createProbeRunner({ icmpBackend: 'ping' });
  try {
    // Connections kept per PLC: the steady state of a running monitor (one connect per device, ever).
    const throughput = await probeThroughput(probe, fleet.targets.slice(0, 50), 10_000, 50);
    await probe.closeConnections?.();
    const load = await options.withStore((store) =>
      monitorLoad({
        probe,
        store,
        targets: fleet.targets,
        endpoints: 1000,
        intervalMs: 10_000,
        seconds: options.seconds,
      }),
    );
    const rssAfter = process.memoryUsage().rss;
    await probe.closeConnections?.();
    return {
      checks: throughput,
      modbus1000At10s: {
        ...load,
        // The whole bench process after the run, 1,000 kept connections included.
        rssMiB: mib(rssAfter),
        goal: 'under 10 % of one core',
      },
    };
  } finally {
    await probe.closeConnections?.();
    fleet.stop();
  }
}
