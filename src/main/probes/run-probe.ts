// One entry point for every probe kind, so the scheduler does not know which kinds exist.
import type { ProbeConfig } from '../config';
import type { ProbeResult } from './probe-result';
import { probeHttp } from './http-probe';
import { createIcmpProbe, type IcmpBackendChoice } from './icmp-probe';
import { probeTcp } from './tcp-probe';

export type ProbeRunner = (probe: ProbeConfig, timeoutMs: number) => Promise<ProbeResult>;

export interface ProbeRunnerOptions {
  /** 'auto' (default) uses fping when installed and working, else the system ping. */
  icmpBackend?: IcmpBackendChoice;
  /** Upper bound on ICMP child processes at once (default 16). */
  maxIcmpProcesses?: number;
}

export function createProbeRunner(options: ProbeRunnerOptions = {}): ProbeRunner {
  const icmp = createIcmpProbe({ backend: options.icmpBackend, maxProcesses: options.maxIcmpProcesses });
  return (probe, timeoutMs) => {
    switch (probe.kind) {
      case 'tcp':
        return probeTcp(probe.host, probe.port, timeoutMs);
      case 'http':
        return probeHttp({ ...probe, timeoutMs });
      case 'icmp':
        return icmp.check(probe.host, timeoutMs);
    }
  };
}

let defaultRunner: ProbeRunner | null = null;

/** The process-wide runner; created on first use so that importing never probes for fping. */
export const runProbe: ProbeRunner = (probe, timeoutMs) => {
  defaultRunner ??= createProbeRunner();
  return defaultRunner(probe, timeoutMs);
};
