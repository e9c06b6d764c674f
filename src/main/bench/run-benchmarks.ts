// `npm run bench`: every speed and size figure the README records, as one JSON document.
// Sections can be picked with `--only=probes,load,modbus,enip,opcua,memory,ingest,store,kpi,health,metrics,soak`
// (`npm run bench -- --only=...`: without the `--` npm takes the option for itself); `--quick` shortens the load runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loopbackHosts, measureIcmpBackends } from './icmp-bench';
import { createProbeRunner } from '../probes/run-probe';
import { openStore, type Store } from '../store';
import { simulateStoreSize } from './size-simulation';
import { benchNinetyDayReport } from './kpi-bench';
import { ingestRate, monitorLoad, probeFor, probeThroughput, startDevices } from './probe-benchmarks';
import { modbusFigures } from './modbus-bench';
import { serveMemoryFigures } from './serve-memory-bench';
import { soakFigures } from './soak-bench';
import { healthFigures } from './health-bench';
import { enipFigures } from './enip-bench';
import { benchMetricsScrape } from './metrics-bench';
import { opcuaFigures } from './opcua-bench';

type Figures = Record<string, unknown>;

async function withStore<T>(work: (store: Store, dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'linewatch-bench-'));
  const store = openStore(dir);
  try {
    return await work(store, dir);
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function probeFigures(): Promise<Figures> {
  const probe = createProbeRunner({ icmpBackend: 'auto' });
  const tcpDevices = await startDevices('tcp', 20);
  const httpDevices = await startDevices('http', 20);
  try {
    return {
      tcp: await probeThroughput(
        probe,
        tcpDevices.map((d) => probeFor('tcp', d)),
        5000,
      ),
      http: await probeThroughput(
        probe,
        httpDevices.map((d) => probeFor('http', d)),
        3000,
      ),
      icmp: await measureIcmpBackends({ hosts: loopbackHosts(50), rounds: 10, timeoutMs: 1000 }),
    };
  } finally {
    await Promise.all([...tcpDevices, ...httpDevices].map((d) => d.stop()));
  }
}

async function loadFigures(seconds: number): Promise<Figures> {
  const probe = createProbeRunner({ icmpBackend: 'auto' });
  const devices = await startDevices('tcp', 50);
  try {
    const tcp5000 = await withStore((store) =>
      monitorLoad({
        probe,
        store,
        targets: devices.map((d) => probeFor('tcp', d)),
        endpoints: 5000,
        intervalMs: 10_000,
        seconds,
      }),
    );
    const icmp2000 = await withStore((store) =>
      monitorLoad({
        probe,
        store,
        targets: loopbackHosts(200).map((host) => ({ kind: 'icmp' as const, host })),
        endpoints: 2000,
        intervalMs: 10_000,
        seconds,
      }),
    );
    return { tcp5000At10s: tcp5000, icmp2000At10s: icmp2000 };
  } finally {
    await Promise.all(devices.map((d) => d.stop()));
  }
}

export async function runBenchmarks(argv: string[]): Promise<Figures> {
  const only = argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const quick = argv.includes('--quick');
  const wants = (section: string): boolean => !only || only.includes(section);
  const figures: Figures = {
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    cpus: (await import('node:os')).cpus().length,
  };
  if (wants('probes')) figures.probes = await probeFigures();
  if (wants('load')) figures.load = await loadFigures(quick ? 12 : 35);
  if (wants('modbus'))
    figures.modbus = await modbusFigures({ seconds: quick ? 12 : 35, withStore: (work) => withStore(work) });
  if (wants('memory')) figures.memory = await serveMemoryFigures(quick ? 40 : 120);
  // Not in the default run (it takes many minutes): `npm run bench -- --only=soak [--soak-hours=24]`.
  if (only?.includes('soak')) {
    const hours = Number(
      argv.find((a) => a.startsWith('--soak-hours='))?.slice('--soak-hours='.length) ?? 24,
    );
    figures.soak = await soakFigures({ hours });
  }
  if (wants('enip'))
    figures.enip = await enipFigures({ seconds: quick ? 12 : 35, withStore: (work) => withStore(work) });
  if (wants('opcua')) figures.opcua = await opcuaFigures();
  if (wants('ingest'))
    figures.ingest = await withStore((store) => ingestRate(store, quick ? 50_000 : 300_000));
  if (wants('store')) {
    const dir = mkdtempSync(join(tmpdir(), 'linewatch-size-'));
    try {
      figures.store = simulateStoreSize({ dir });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (wants('kpi')) {
    const dir = mkdtempSync(join(tmpdir(), 'linewatch-kpi-'));
    try {
      figures.kpiNinetyDayReport = await benchNinetyDayReport(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (wants('health'))
    figures.healthz = await healthFigures({ warmupSeconds: quick ? 5 : 15, requests: quick ? 200 : 1000 });
  if (wants('metrics')) figures.metricsScrape2000 = await benchMetricsScrape();
  return figures;
}
