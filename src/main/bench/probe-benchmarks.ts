// Probe throughput against loopback devices, and the monitor's CPU share at the scale
// goals (5,000 TCP endpoints and 2,000 ICMP endpoints at a 10 s interval).
import { ManualClock, systemClock } from '../clock/clock';
import type { EndpointConfig, ProbeConfig } from '../config';
import { startSimulatedDevice, type SimulatedDevice } from '../demo/simulated-device';
import { createMonitorEngine } from '../monitor';
import type { ProbeRunner } from '../probes/run-probe';
import { createScheduler } from '../scheduler/scheduler';
import type { Store } from '../store';
import { measure, round } from './measure';

export async function startDevices(kind: 'tcp' | 'http', count: number): Promise<SimulatedDevice[]> {
  const devices: SimulatedDevice[] = [];
  for (let i = 0; i < count; i++)
    devices.push(await startSimulatedDevice({ kind, host: `127.0.${100 + (i >> 8)}.${(i % 250) + 1}` }));
  return devices;
}

export function probeFor(kind: 'tcp' | 'http', device: SimulatedDevice): ProbeConfig {
  return kind === 'tcp'
    ? { kind: 'tcp', host: device.host, port: device.port }
    : {
        kind: 'http',
        url: `http://${device.host}:${device.port}/health`,
        expectStatus: 200,
        expectText: 'OK',
        tlsVerify: true,
      };
}

/** As many checks as possible with a concurrency bound: the probe's own cost per check. */
export async function probeThroughput(
  probe: ProbeRunner,
  targets: ProbeConfig[],
  total: number,
  concurrency = 64,
) {
  let next = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      const target = targets[next++ % targets.length];
      if (!target) return;
      const result = await probe(target, 2000);
      if (!result.ok) failures += 1;
    }
  };
  const m = await measure(() => Promise.all(Array.from({ length: concurrency }, worker)));
  return {
    checks: total,
    failures,
    checksPerSecond: round(total / m.wallSeconds, 0),
    cpuSecondsPer1000: round((m.cpuSeconds / total) * 1000),
  };
}

/** Real scheduler + real probes + real engine for `seconds`: the CPU share of one core. */
export async function monitorLoad(options: {
  probe: ProbeRunner;
  targets: ProbeConfig[];
  endpoints: number;
  intervalMs: number;
  seconds: number;
  store: Store;
}) {
  const endpoints: EndpointConfig[] = Array.from({ length: options.endpoints }, (_, i) => ({
    id: `ep-${i}`,
    name: `Endpoint ${i}`,
    type: 'plc',
    lineId: `line-${i % 40}`,
    critical: false,
    dependsOn: null,
    intervalMs: options.intervalMs,
    timeoutMs: 2000,
    downAfter: 2,
    upAfter: 2,
    probe: options.targets[i % options.targets.length] ?? { kind: 'icmp', host: '127.0.0.1' },
  }));
  const engine = createMonitorEngine({
    endpoints,
    maintenance: { isInMaintenance: () => false },
    clock: systemClock,
    store: options.store,
  });
  const scheduler = createScheduler({ clock: systemClock, maxConcurrent: 256 });
  let checks = 0;
  let failures = 0;
  const m = await measure(async () => {
    scheduler.start(
      endpoints.map((e) => ({
        id: e.id,
        intervalMs: e.intervalMs,
        run: async () => {
          const ts = Date.now();
          const result = await options.probe(e.probe, e.timeoutMs);
          checks += 1;
          if (!result.ok) failures += 1;
          engine.ingest(e.id, ts, result);
        },
      })),
    );
    await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
    await scheduler.stop();
    engine.stop();
  });
  return {
    endpoints: options.endpoints,
    intervalSeconds: options.intervalMs / 1000,
    seconds: round(m.wallSeconds, 1),
    checks,
    failures,
    cpuPercentOfOneCore: round((m.cpuSeconds / m.wallSeconds) * 100, 1),
    maxSchedulerLagMs: round(scheduler.stats().maxLagMs, 1),
  };
}

/** The engine and store alone: how many checks per second can be recorded. */
export async function ingestRate(store: Store, checks: number) {
  const endpoints = 1000;
  const clock = new ManualClock(Date.UTC(2026, 0, 1));
  const configs: EndpointConfig[] = Array.from({ length: endpoints }, (_, i) => ({
    id: `in-${i}`,
    name: `Ingest ${i}`,
    type: 'plc',
    lineId: 'line-0',
    critical: false,
    dependsOn: null,
    intervalMs: 10_000,
    timeoutMs: 2000,
    downAfter: 2,
    upAfter: 2,
    probe: { kind: 'icmp', host: '127.0.0.1' },
  }));
  const engine = createMonitorEngine({
    endpoints: configs,
    maintenance: { isInMaintenance: () => false },
    clock,
    store,
    flushEveryMs: 0,
  });
  const m = await measure(() => {
    for (let n = 0; n < checks; n++) {
      const i = n % endpoints;
      if (i === 0) clock.advance(10_000);
      const ok = (n * 7919) % 997 !== 0;
      engine.ingest(
        `in-${i}`,
        clock.now() + i,
        ok
          ? { ok: true, rttMs: 0.5 + (n % 13) / 10 }
          : { ok: false, kind: 'timeout', message: 'no answer', rttMs: null },
      );
      // The live monitor flushes every 250 ms; at 10 s intervals for 1,000 endpoints that is ~25 checks.
      if (n % 250 === 0) engine.flush();
    }
    engine.stop();
  });
  return {
    checks,
    checksPerSecond: round(checks / m.wallSeconds, 0),
    cpuSecondsPer1000: round((m.cpuSeconds / checks) * 1000, 4),
  };
}
