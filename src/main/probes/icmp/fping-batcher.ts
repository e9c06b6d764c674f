// The batched ICMP path: checks that fall due within a short window share ONE fping process
// (fping pings every target of its command line in parallel), instead of one `ping` per check.
// Checks are grouped by timeout, since fping's -t applies to the whole command line.
import { isIP } from 'node:net';
import type { ProbeResult } from '../probe-result';
import { failure, type IcmpBackend } from './icmp-backend';
import { spawnFping, type FpingExecutor } from './fping-exec';
import { fpingResultFor, parseFpingSummary } from './fping-output';
import { createProcessPool } from './process-pool';

export interface FpingBatcherOptions {
  /** fping processes running at once. */
  limit?: number;
  /** How long the first check of a batch waits for others to join it. */
  intervalBetweenBatchesMs?: number;
  /** Targets per fping command line; bigger batches are split. */
  maxHostsPerBatch?: number;
  /** fping -i: gap between echo requests to consecutive targets (1 ms = 1000 packets/s at most). */
  perTargetIntervalMs?: number;
  execute?: FpingExecutor;
}

export interface FpingBatcher extends IcmpBackend {
  /** fping processes started so far (for tests and the benchmark). */
  readonly batchesRun: number;
}

type Waiter = (result: ProbeResult) => void;

export function createFpingBatcher(options: FpingBatcherOptions = {}): FpingBatcher {
  const pool = createProcessPool(options.limit ?? 4);
  const windowMs = options.intervalBetweenBatchesMs ?? 20;
  const maxHosts = options.maxHostsPerBatch ?? 256;
  const gapMs = options.perTargetIntervalMs ?? 1;
  const execute = options.execute ?? spawnFping;
  // timeoutMs -> host -> checks waiting for that host (duplicates share one target).
  let pending = new Map<number, Map<string, Waiter[]>>();
  let timer: NodeJS.Timeout | null = null;
  let batchesRun = 0;

  const runBatch = async (timeoutMs: number, hosts: Map<string, Waiter[]>): Promise<void> => {
    const targets = [...hosts.keys()];
    const args = ['-C', '1', '-q', '-r', '0', '-t', String(timeoutMs), '-i', String(gapMs), '--', ...targets];
    // fping sends one request every gapMs, then waits timeoutMs for the last one.
    const killAfterMs = timeoutMs + targets.length * gapMs + 2000;
    batchesRun += 1;
    const { output } = await pool.run(() => execute(args, killAfterMs));
    const summary = parseFpingSummary(output);
    for (const [host, waiters] of hosts) {
      const result = fpingResultFor(host, isIP(host) === 0, summary, output, timeoutMs);
      waiters.forEach((resolve) => resolve(result));
    }
  };

  const flush = (): void => {
    timer = null;
    const due = pending;
    pending = new Map();
    for (const [timeoutMs, hosts] of due) {
      const entries = [...hosts];
      for (let i = 0; i < entries.length; i += maxHosts) {
        const chunk = new Map(entries.slice(i, i + maxHosts));
        runBatch(timeoutMs, chunk).catch((error: unknown) => {
          const message = error instanceof Error ? error.message : String(error);
          const result = failure('error', `fping failed: ${message}`.slice(0, 100));
          chunk.forEach((waiters) => waiters.forEach((resolve) => resolve(result)));
        });
      }
    }
  };

  const check = (host: string, timeoutMs: number): Promise<ProbeResult> =>
    new Promise((resolve) => {
      const key = Math.max(1, Math.round(timeoutMs));
      const hosts = pending.get(key) ?? new Map<string, Waiter[]>();
      pending.set(key, hosts);
      hosts.set(host, [...(hosts.get(host) ?? []), resolve]);
      timer ??= setTimeout(flush, windowMs);
    });

  return {
    name: 'fping',
    check,
    get batchesRun() {
      return batchesRun;
    },
  };
}
