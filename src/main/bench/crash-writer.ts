// A heavy writer for the crash-safety test: the real engine and store ingesting thousands of checks
// per second with the live flush period, printing how far it has got, until it is killed.
import { systemClock } from '../clock/clock';
import type { EndpointConfig } from '../config';
import { createMonitorEngine } from '../monitor';
import { openStore } from '../store';

export function runCrashWriter(dataDir: string, endpointCount: number): void {
  const store = openStore(dataDir);
  const endpoints: EndpointConfig[] = Array.from({ length: endpointCount }, (_, i) => ({
    id: `ep-${i}`,
    name: `Endpoint ${i}`,
    type: 'plc',
    lineId: `line-${i % 10}`,
    critical: false,
    dependsOn: null,
    intervalMs: 100,
    timeoutMs: 50,
    downAfter: 2,
    upAfter: 2,
    probe: { kind: 'tcp', host: '127.0.0.1', port: 9 },
  }));
  const engine = createMonitorEngine({
    endpoints,
    maintenance: { isInMaintenance: () => false },
    clock: systemClock,
    store,
  });
  let round = 0;
  // Every 20 ms each endpoint gets a check; every 7th round a block of endpoints fails, so outages
  // open and close all the time while the process is killed.
  setInterval(() => {
    round += 1;
    const ts = Date.now();
    for (let i = 0; i < endpointCount; i++) {
      const failing = Math.floor(round / 7) % 2 === 1 && i % 5 === 0;
      engine.ingest(
        `ep-${i}`,
        ts,
        failing
          ? { ok: false, kind: 'refused', message: 'connect ECONNREFUSED', rttMs: null }
          : { ok: true, rttMs: 0.4 },
      );
    }
    process.stdout.write(`ingested ${ts}\n`);
  }, 20);
}
