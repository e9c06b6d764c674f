// The portable ICMP path: the system `ping` through the `ping` package, one process per check,
// never more than the pool allows at once. The package has no way to kill its child, so the pool
// slot stays held until the process really exits (the bound stays honest) while the caller gets a
// timeout result from our own watchdog.
import ping, { type PingConfig } from 'ping';
import type { ProbeResult } from '../probe-result';
import { failure, type IcmpBackend } from './icmp-backend';
import { parsePingOutput, summarizeUnknown } from './ping-output';
import { pingConfigFor, pingPlatformOf, timeoutSeconds, type PingPlatform } from './ping-platform';
import type { ProcessPool } from './process-pool';

/** Runs one system ping and returns everything it printed (stdout and stderr). */
export type PingExecutor = (host: string, config: PingConfig) => Promise<string>;

export const pingPackageExecutor: PingExecutor = async (host, config) =>
  (await ping.promise.probe(host, config)).output;

export interface PingBackendOptions {
  pool: ProcessPool;
  platform?: NodeJS.Platform;
  execute?: PingExecutor;
  /** Slack on top of ping's own wait before we stop waiting for the process. */
  watchdogGraceMs?: number;
}

export function createPingBackend(options: PingBackendOptions): IcmpBackend {
  const platform: PingPlatform = pingPlatformOf(options.platform ?? process.platform);
  const execute = options.execute ?? pingPackageExecutor;
  const graceMs = options.watchdogGraceMs ?? 2000;

  const check = (host: string, timeoutMs: number): Promise<ProbeResult> =>
    new Promise((resolve) => {
      let settled = false;
      let watchdog: NodeJS.Timeout | undefined;
      const settle = (result: ProbeResult): void => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        resolve(result);
      };
      const waitS = timeoutSeconds(timeoutMs);
      options.pool
        .run(() => {
          // Started here, not at the call: time spent queued for a slot is not the device's fault.
          watchdog = setTimeout(
            () => settle(failure('timeout', `ping did not finish within ${waitS} s`)),
            waitS * 1000 + graceMs,
          );
          return execute(host, pingConfigFor(platform, host, timeoutMs));
        })
        .then(
          (output) => {
            const outcome = parsePingOutput(platform, output);
            if (outcome.rttMs !== null) settle({ ok: true, rttMs: outcome.rttMs });
            else if (outcome.failure) settle(failure(outcome.failure.kind, outcome.failure.message));
            else settle(failure('error', summarizeUnknown(output)));
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            settle(failure('error', summarizeUnknown(message)));
          },
        );
    });

  return { name: 'ping', check };
}
