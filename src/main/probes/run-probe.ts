// One entry point for every probe kind, so the scheduler does not know which kinds exist.
import type { ProbeConfig } from '../config';
import type { ProbeResult } from './probe-result';
import { probeHttp } from './http-probe';
import { createIcmpProbe, type IcmpBackendChoice } from './icmp-probe';
import { probeEnip } from './enip/enip-probe';
import { enipProbeResult } from './enip/enip-result';
import { createModbusProbe } from './modbus-probe';
import { createOpcuaEndpointProbe } from './opcua-endpoint-probe';
import { probeTcp } from './tcp-probe';

export interface ProbeRunner {
  (probe: ProbeConfig, timeoutMs: number): Promise<ProbeResult>;
  /**
   * Probes that keep connections between checks (modbus) close those no probe in `probes` uses:
   * the monitor calls it after a config change. Absent on runners that keep nothing.
   */
  retainConnections?(probes: readonly ProbeConfig[]): void;
  /** Closes every kept connection: the monitor calls it when it stops (and awaits OPC UA's closes). */
  closeConnections?(): void | Promise<void>;
}

export interface ProbeRunnerOptions {
  /** 'auto' (default) uses fping when installed and working, else the system ping. */
  icmpBackend?: IcmpBackendChoice;
  /** Upper bound on ICMP child processes at once (default 16). */
  maxIcmpProcesses?: number;
  /** The OPC UA client's PKI folder (own certificate, trusted/, rejected/): `<data>/opcua-pki`. */
  opcuaPkiDir?: string;
}

export function createProbeRunner(options: ProbeRunnerOptions = {}): ProbeRunner {
  const icmp = createIcmpProbe({ backend: options.icmpBackend, maxProcesses: options.maxIcmpProcesses });
  const modbus = createModbusProbe();
  const opcua = createOpcuaEndpointProbe({ pkiDir: options.opcuaPkiDir ?? null });
  const run: ProbeRunner = (probe, timeoutMs) => {
    switch (probe.kind) {
      case 'tcp':
        return probeTcp(probe.host, probe.port, timeoutMs);
      case 'http':
        return probeHttp({ ...probe, timeoutMs });
      case 'icmp':
        return icmp.check(probe.host, timeoutMs);
      case 'modbus':
        return modbus.check(probe, timeoutMs);
      case 'enip':
        return probeEnip(probe, timeoutMs).then((outcome) => enipProbeResult(outcome, probe.serialSalt));
      case 'opcua':
        return opcua.check(probe, timeoutMs);
    }
  };
  run.retainConnections = (probes) => {
    modbus.retain(probes);
    opcua.retain(probes);
  };
  run.closeConnections = () => {
    modbus.close();
    return opcua.close();
  };
  return run;
}

/** `wrap` around `runner`, keeping the runner's connection hooks (telemetry wraps every check). */
export function wrapProbeRunner(
  runner: ProbeRunner,
  wrap: (probe: ProbeConfig, timeoutMs: number) => Promise<ProbeResult>,
): ProbeRunner {
  const wrapped: ProbeRunner = (probe, timeoutMs) => wrap(probe, timeoutMs);
  if (runner.retainConnections) wrapped.retainConnections = (probes) => runner.retainConnections?.(probes);
  if (runner.closeConnections) wrapped.closeConnections = () => runner.closeConnections?.();
  return wrapped;
}

let defaultRunner: ProbeRunner | null = null;

/** The process-wide runner; created on first use so that importing never probes for fping. */
export const runProbe: ProbeRunner = (probe, timeoutMs) => {
  defaultRunner ??= createProbeRunner();
  return defaultRunner(probe, timeoutMs);
};
runProbe.retainConnections = (probes) => defaultRunner?.retainConnections?.(probes);
runProbe.closeConnections = () => defaultRunner?.closeConnections?.();
