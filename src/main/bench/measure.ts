// Wall time and CPU time of a piece of work, including the CPU of finished child processes (ping,
// fping): Node's own counters cover only this process, so children come from /proc/self/stat
// (cutime + cstime, Linux; 0 elsewhere).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

function childCpuSeconds(): number {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
    // Fields after the command: state is index 0, so cutime/cstime (16th/17th overall) are 13/14.
    const ticks = Number(fields[13] ?? 0) + Number(fields[14] ?? 0);
    return ticks / 100;
  } catch {
    return 0;
  }
}

export interface Measured<T> {
  value: T;
  wallSeconds: number;
  cpuSeconds: number;
}

/** Times `work`, which may be synchronous (the engine's ingest) or asynchronous (probes). */
export async function measure<T>(work: () => T | Promise<T>): Promise<Measured<T>> {
  const cpu0 = process.cpuUsage();
  const child0 = childCpuSeconds();
  const t0 = performance.now();
  const value = await work();
  const wallSeconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6 + (childCpuSeconds() - child0);
  return { value, wallSeconds, cpuSeconds };
}

export const round = (n: number, digits = 3): number => Number(n.toFixed(digits));

/** Bytes as MiB with one decimal, as the README's RSS figures read. */
export const mib = (bytes: number): number => round(bytes / 1024 / 1024, 1);
