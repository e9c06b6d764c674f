// ICMP probe: validates the host before anything is spawned, then hands the check to fping (one
// process for many hosts) when it is installed and working, else to the pooled system `ping`.
import { detectFping, type FpingExecutor } from './icmp/fping-exec';
import { createFpingBatcher } from './icmp/fping-batcher';
import { failure, type IcmpBackend, type IcmpBackendName } from './icmp/icmp-backend';
import { validateIcmpHost } from './icmp/host-validator';
import { createPingBackend, type PingExecutor } from './icmp/ping-backend';
import { createProcessPool } from './icmp/process-pool';
import type { ProbeResult } from './probe-result';

export type IcmpBackendChoice = 'auto' | IcmpBackendName;

export interface IcmpProbeOptions {
  backend?: IcmpBackendChoice;
  /** Upper bound on ping (or fping) processes running at once. */
  maxProcesses?: number;
  platform?: NodeJS.Platform;
  pingExecutor?: PingExecutor;
  fpingExecutor?: FpingExecutor;
}

export interface IcmpProbe {
  check(host: string, timeoutMs: number): Promise<ProbeResult>;
  /** The backend in use; with 'auto' this waits for the fping detection. */
  backend(): Promise<IcmpBackendName>;
}

export const DEFAULT_MAX_ICMP_PROCESSES = 16;

export function createIcmpProbe(options: IcmpProbeOptions = {}): IcmpProbe {
  const choice = options.backend ?? 'auto';
  const maxProcesses = options.maxProcesses ?? DEFAULT_MAX_ICMP_PROCESSES;
  let selected: Promise<IcmpBackend> | null = null;

  const makePing = (): IcmpBackend =>
    createPingBackend({
      pool: createProcessPool(maxProcesses),
      platform: options.platform,
      execute: options.pingExecutor,
    });
  const makeFping = (): IcmpBackend =>
    createFpingBatcher({ limit: Math.min(4, maxProcesses), execute: options.fpingExecutor });

  // Decided once, on first use, so importing this module never spawns anything.
  const select = (): Promise<IcmpBackend> => {
    selected ??= (async () => {
      if (choice === 'ping') return makePing();
      if (choice === 'fping') return makeFping();
      const hasFping = await detectFping(options.fpingExecutor).catch(() => false);
      return hasFping ? makeFping() : makePing();
    })();
    return selected;
  };

  return {
    async check(host, timeoutMs) {
      const validation = validateIcmpHost(host);
      if (!validation.ok) return failure('error', `invalid host: ${validation.reason}`);
      return (await select()).check(host, timeoutMs);
    },
    async backend() {
      return (await select()).name;
    },
  };
}
