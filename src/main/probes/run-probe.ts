// One entry point for every probe kind, so the scheduler does not know which kinds exist.
import type { ProbeConfig } from '../config/types';
import type { ProbeResult } from './probe-result';
import { probeHttp } from './http-probe';
import { probeIcmp } from './icmp-probe';
import { probeTcp } from './tcp-probe';

export type ProbeRunner = (probe: ProbeConfig, timeoutMs: number) => Promise<ProbeResult>;

export const runProbe: ProbeRunner = (probe, timeoutMs) => {
  switch (probe.kind) {
    case 'tcp':
      return probeTcp(probe.host, probe.port, timeoutMs);
    case 'http':
      return probeHttp({ ...probe, timeoutMs });
    case 'icmp':
      return probeIcmp(probe.host, timeoutMs);
  }
};
