// Micro-benchmark: the `ping` package (one process per check, pooled) against fping (one process
// per batch), on loopback addresses so it measures process cost, not the network.
//
// CPU is our own process (process.cpuUsage) plus our reaped children, read from cutime/cstime in
// /proc/self/stat (Linux only). process.resourceUsage() is getrusage(RUSAGE_SELF) and does NOT
// include children, which is where nearly all of the ping cost lives. libuv reaps each child
// before its 'close' event, so a finished round is fully counted. Elsewhere child CPU is reported
// as 0 and `childCpuCounted` is false.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { detectFping } from '../probes/icmp/fping-exec';
import { createFpingBatcher } from '../probes/icmp/fping-batcher';
import type { IcmpBackend } from '../probes/icmp/icmp-backend';
import { createPingBackend } from '../probes/icmp/ping-backend';
import { createProcessPool } from '../probes/icmp/process-pool';

export interface BackendFigures {
  checksPerSecond: number;
  cpuSecondsPer1000: number;
  checks: number;
  failures: number;
  /** fping only: processes started. */
  processes: number;
}

export interface IcmpBenchResult {
  ping: BackendFigures;
  fping: BackendFigures | null;
  childCpuCounted: boolean;
}

export interface IcmpBenchOptions {
  /** Defaults to 127.0.0.1 .. 127.0.0.50. */
  hosts?: string[];
  rounds: number;
  maxProcesses?: number;
  timeoutMs?: number;
}

// USER_HZ: the unit of /proc times, 100 on every mainstream Linux ABI.
const USER_HZ = 100;

function childCpuSeconds(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    // The command name may contain spaces; fields are counted after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / USER_HZ;
  } catch {
    return null;
  }
}

export function loopbackHosts(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `127.0.${Math.floor((i + 1) / 256)}.${(i + 1) % 256}`);
}

async function measure(backend: IcmpBackend, hosts: string[], rounds: number, timeoutMs: number) {
  const cpuBefore = process.cpuUsage();
  const childBefore = childCpuSeconds() ?? 0;
  const started = performance.now();
  let failures = 0;
  for (let round = 0; round < rounds; round += 1) {
    const results = await Promise.all(hosts.map((host) => backend.check(host, timeoutMs)));
    failures += results.filter((r) => !r.ok).length;
  }
  const seconds = (performance.now() - started) / 1000;
  const own = process.cpuUsage(cpuBefore);
  const cpu = (own.user + own.system) / 1e6 + ((childCpuSeconds() ?? 0) - childBefore);
  const checks = hosts.length * rounds;
  return { checksPerSecond: checks / seconds, cpuSecondsPer1000: (cpu / checks) * 1000, checks, failures };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

export async function measureIcmpBackends(options: IcmpBenchOptions): Promise<IcmpBenchResult> {
  const hosts = options.hosts ?? loopbackHosts(50);
  const timeoutMs = options.timeoutMs ?? 1000;
  const limit = options.maxProcesses ?? 16;
  const pingBackend = createPingBackend({ pool: createProcessPool(limit) });
  const ping = await measure(pingBackend, hosts, options.rounds, timeoutMs);
  let fping: BackendFigures | null = null;
  if (await detectFping().catch(() => false)) {
    const batcher = createFpingBatcher({ limit: Math.min(4, limit) });
    const figures = await measure(batcher, hosts, options.rounds, timeoutMs);
    fping = { ...figures, checksPerSecond: round2(figures.checksPerSecond), processes: batcher.batchesRun };
    fping.cpuSecondsPer1000 = round2(fping.cpuSecondsPer1000);
  }
  return {
    ping: {
      ...ping,
      checksPerSecond: round2(ping.checksPerSecond),
      cpuSecondsPer1000: round2(ping.cpuSecondsPer1000),
      processes: ping.checks,
    },
    fping,
    childCpuCounted: childCpuSeconds() !== null,
  };
}
