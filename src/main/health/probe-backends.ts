// Whether the probes can work on this machine: ICMP through the same backend choice the monitor
// makes (fping when installed and working, else the system ping), tried once against loopback, and
// the OPC UA client module being there to load. Both are slow (a process, a module lookup), so they
// run in the background on start and then every few minutes; /healthz reads the last answer.
import { createRequire } from 'node:module';
import { createIcmpProbe, type IcmpProbe } from '../probes/icmp-probe';

export interface BackendFinding {
  ok: boolean;
  detail: string;
}

export interface ProbeBackendFindings {
  icmp: BackendFinding | null;
  opcua: BackendFinding | null;
}

export type CheckIcmp = () => Promise<BackendFinding>;
export type CheckOpcua = () => BackendFinding;

export function icmpChecker(makeProbe: () => IcmpProbe = () => createIcmpProbe()): CheckIcmp {
  return async () => {
    const probe = makeProbe();
    const result = await probe.check('127.0.0.1', 1000);
    const backend = await probe.backend().catch(() => 'ping');
    return result.ok
      ? { ok: true, detail: `${backend} answers on this machine` }
      : { ok: false, detail: `${backend} cannot ping 127.0.0.1: ${result.message}` };
  };
}

export const checkOpcuaModule: CheckOpcua = () => {
  try {
    // Resolving finds the installed module without loading it (it is large; the probe loads it).
    createRequire(import.meta.url).resolve('node-opcua-client');
    return { ok: true, detail: 'the OPC UA client module is installed' };
  } catch (error) {
    return { ok: false, detail: `the OPC UA client module cannot be loaded: ${(error as Error).message}` };
  }
};

export interface ProbeBackendWatch {
  findings(): ProbeBackendFindings;
  /** Re-check now (also what the timer does); resolves when both are known. */
  refresh(): Promise<void>;
}

export function watchProbeBackends(checkIcmp: CheckIcmp, checkOpcua: CheckOpcua): ProbeBackendWatch {
  const current: ProbeBackendFindings = { icmp: null, opcua: null };
  let running: Promise<void> | null = null;
  return {
    findings: () => current,
    refresh() {
      running ??= (async () => {
        current.opcua = checkOpcua();
        current.icmp = await checkIcmp().catch((error: unknown) => ({
          ok: false,
          detail: `ICMP check failed: ${error instanceof Error ? error.message : String(error)}`,
        }));
      })().finally(() => {
        running = null;
      });
      return running;
    },
  };
}
