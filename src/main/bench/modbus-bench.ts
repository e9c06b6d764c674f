// Modbus/TCP probe figures for `npm run bench` (issue 13): CPU-seconds per 1,000 checks, and the
// monitor's CPU share and RSS with 1,000 Modbus endpoints at a 10 s interval (the goal: under 10 %
// of one core). The simulated PLCs run in a child process (`bench.js modbus-plcs N`) so that what
// is measured is the probe and the monitor, not the devices answering them.
import { fork, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ProbeConfig } from '../config';
import { startSimulatedModbusDevice, type SimulatedModbusDevice } from '../demo/simulated-modbus-device';
import { createProbeRunner } from '../probes/run-probe';
import type { Store } from '../store';
import { round } from './measure';
import { monitorLoad, probeThroughput } from './probe-benchmarks';

/** 127.13.y.z: issue 13's loopback range, away from the other benches' 127.0.x.y. */
const plcHost = (i: number): string => `127.13.${10 + (i >> 8)}.${(i % 250) + 1}`;

/** The child's side: start `count` PLCs, print one "host port" line each, then "ready"; exit on stdin end. */
export async function serveModbusPlcs(count: number): Promise<void> {
  const plcs: SimulatedModbusDevice[] = [];
  for (let i = 0; i < count; i++) {
    const plc = await startSimulatedModbusDevice({ host: plcHost(i) });
    plc.setRegister(0, i);
    plcs.push(plc);
    process.stdout.write(`${plc.host} ${plc.port}\n`);
  }
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.once('end', () => {
    void Promise.all(plcs.map((p) => p.stop())).then(() => process.exit(0));
  });
}

interface PlcFleet {
  targets: ProbeConfig[];
  stop(): void;
}

/** Forks this same bench entry as the PLC process and reads back where each PLC listens. */
async function startPlcFleet(count: number): Promise<PlcFleet> {
  const entry = process.argv[1];
  if (!entry) throw new Error('cannot find the bench entry to fork');
  const child: ChildProcess = fork(entry, ['modbus-plcs', String(count)], {
    stdio: ['pipe', 'pipe', 'inherit', 'ipc'],
  });
  const targets: ProbeConfig[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  await new Promise<void>((resolve, reject) => {
    child.once('exit', (code) =>
      reject(new Error(`the PLC process exited (${String(code)}) before it was ready`)),
    );
    lines.on('line', (line) => {
      if (line === 'ready') {
        resolve();
        return;
      }
      const [host, port] = line.split(' ');
      if (host && port) {
        targets.push({
          kind: 'modbus',
          host,
          port: Number(port),
          unitId: 1,
          read: { function: 'holding_registers', address: 0, count: 1 },
          expect: null,
        });
      }
    });
  });
  return {
    targets,
    stop: () => {
      child.stdin?.end();
      child.removeAllListeners('exit');
    },
  };
}

const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);

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
