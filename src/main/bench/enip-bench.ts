// EtherNet/IP probe figures for `npm run bench` (issue 13): CPU-seconds per 1,000 List Identity
// checks over TCP and over UDP, and the monitor's CPU share and RSS with 1,000 EtherNet/IP
// endpoints at a 10 s interval (identity recorded as the live monitor does). The simulated drives
// run in a child process (`bench.js enip-devices N`), so what is measured is the probe and the
// monitor. Each check is a new TCP connection (List Identity needs no session to keep).
import type { ProbeConfig } from '../config';
import { startSimulatedEnipDevice } from '../demo/simulated-enip-device';
import { createProbeRunner } from '../probes/run-probe';
import type { Store } from '../store';
import { serveDevices, startDeviceFleet } from './device-fleet';
import { mib } from './measure';
import { monitorLoad, probeThroughput } from './probe-benchmarks';

/** 127.45.y.z: away from the Modbus bench's 127.13.x.y and the other benches' 127.0.x.y. */
const driveHost = (i: number): string => `127.45.${10 + (i >> 8)}.${(i % 250) + 1}`;

export const serveEnipDevices = (count: number): Promise<void> =>
  serveDevices(count, (i) => startSimulatedEnipDevice({ host: driveHost(i) }));

const enipProbe =
  (transport: 'tcp' | 'udp') =>
  (host: string, port: number): ProbeConfig => ({ kind: 'enip', host, port, transport, serialSalt: 'bench' });

export async function enipFigures(options: {
  seconds: number;
  withStore: <T>(work: (store: Store) => Promise<T>) => Promise<T>;
}): Promise<Record<string, unknown>> {
  const fleet = await startDeviceFleet('enip-devices', 1000, enipProbe('tcp'));
  const probe = createProbeRunner({ icmpBackend: 'ping' });
  try {
    const some = fleet.targets.slice(0, 50);
    const tcp = await probeThroughput(probe, some, 10_000, 50);
    const udp = await probeThroughput(
      probe,
      some.map((t) => ({ ...t, transport: 'udp' as const })),
      10_000,
      50,
    );
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
    return {
      checks: { tcp, udp },
      enip1000At10s: { ...load, rssMiB: mib(process.memoryUsage().rss) },
    };
  } finally {
    fleet.stop();
  }
}
