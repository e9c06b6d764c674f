// Linewatch's own health (issue 14), judged in main: the checks behind `GET /healthz` and
// `getHealth`, re-judged on a timer so a failing check raises its system alarm on the wall even when
// nobody asks. Asking is cheap: the slow parts (statfs, the queue folder, the probe write, ICMP and
// OPC UA lookups) are cached for a few seconds, the rest is in memory.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ConfigStatus, Health, HealthCheck } from '../../shared/contract';
import { isoTime } from '../../shared/time';
import type { Clock, TimerHandle } from '../clock/clock';
import type { LinewatchConfig } from '../config';
import type { CommitHealth } from '../monitor';
import type { SchedulerStats } from '../scheduler/scheduler';
import { cachedDiskSpace, readDiskSpace, type ReadDiskSpace } from './disk-space';
import {
  judgeCheckAge,
  judgeConfig,
  judgeDatabase,
  judgeDiskSpace,
  judgeIcmp,
  judgeOpcua,
  judgeSchedulerLag,
  judgeTelemetryQueue,
  worstStatus,
} from './health-checks';
import {
  checkOpcuaModule,
  icmpChecker,
  watchProbeBackends,
  type CheckIcmp,
  type CheckOpcua,
} from './probe-backends';
import { createSystemAlarms } from './system-alarms';

/** statfs, the queue folder and the probe write at most this often. */
export const HEALTH_CACHE_MS = 5_000;
/** The timer that raises and clears system alarms without anyone asking. */
export const HEALTH_EVALUATE_MS = 5_000;
const BACKENDS_REFRESH_MS = 10 * 60_000;

export interface HealthServiceOptions {
  dataDir: string;
  clock: Clock;
  /** The store's rolled-back write; throws when the database refuses it. */
  probeWrite: () => void;
  commitHealth: () => CommitHealth;
  schedulerStats: () => SchedulerStats;
  config: () => LinewatchConfig;
  configStatus: () => ConfigStatus;
  /** Where the telemetry SDK keeps envelopes it could not send yet (absent: nothing queued). */
  telemetryQueueDir?: string;
  onChange: (health: Health) => void;
  log: (line: string) => void;
  readDisk?: ReadDiskSpace;
  checkIcmp?: CheckIcmp;
  checkOpcua?: CheckOpcua;
  cacheMs?: number;
  evaluateEveryMs?: number;
}

export interface HealthService {
  /** Judge now (cached parts may be a few seconds old); raises or clears system alarms. */
  health(): Health;
  /** Resolves once the probe backends have been looked at (tests, bench). */
  backendsChecked(): Promise<void>;
  stop(): void;
}

interface IntervalRange {
  minMs: number;
  maxMs: number;
}

function intervalRange(config: LinewatchConfig): { icmp: number; range: IntervalRange | null } {
  let minMs = Infinity;
  let maxMs = 0;
  let icmp = 0;
  for (const line of config.lines) {
    for (const endpoint of line.endpoints) {
      minMs = Math.min(minMs, endpoint.intervalMs);
      maxMs = Math.max(maxMs, endpoint.intervalMs);
      if (endpoint.probe.kind === 'icmp') icmp++;
    }
  }
  return { icmp, range: maxMs === 0 ? null : { minMs, maxMs } };
}

function cached<T>(now: () => number, maxAgeMs: number, read: () => T): () => T {
  let last: { at: number; value: T } | null = null;
  return () => {
    if (last === null || now() - last.at >= maxAgeMs) last = { at: now(), value: read() };
    return last.value;
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

export function startHealthService(options: HealthServiceOptions): HealthService {
  const { clock } = options;
  const now = (): number => clock.now();
  const cacheMs = options.cacheMs ?? HEALTH_CACHE_MS;
  const startedAt = now();
  const disk = cachedDiskSpace(options.dataDir, now, cacheMs, options.readDisk ?? readDiskSpace);
  const probeError = cached(now, cacheMs, (): string | null => {
    try {
      options.probeWrite();
      return null;
    } catch (error) {
      return messageOf(error);
    }
  });
  const queueDir = options.telemetryQueueDir;
  const queued = cached(now, cacheMs, (): number | Error => {
    if (queueDir === undefined) return 0;
    try {
      return readdirSync(queueDir).length;
    } catch (error) {
      // No folder yet means nothing was ever queued.
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 0 : (error as Error);
    }
  });
  let shapeOf: { config: LinewatchConfig; shape: ReturnType<typeof intervalRange> } | null = null;
  const shape = (): ReturnType<typeof intervalRange> => {
    const config = options.config();
    if (shapeOf?.config !== config) shapeOf = { config, shape: intervalRange(config) };
    return shapeOf.shape;
  };
  const backends = watchProbeBackends(
    options.checkIcmp ?? icmpChecker(),
    options.checkOpcua ?? checkOpcuaModule,
  );
  let backendsChecked = backends.refresh();
  const alarms = createSystemAlarms(options.log);
  let lastStatus: Health['status'] | null = null;

  const judge = (): HealthCheck[] => {
    const commit = options.commitHealth();
    const { icmp, range } = shape();
    const findings = backends.findings();
    return [
      judgeDatabase({
        probeError: probeError(),
        commitError: commit.lastError,
        bufferedChecks: commit.bufferedChecks,
      }),
      judgeDiskSpace(options.dataDir, disk()),
      judgeSchedulerLag(options.schedulerStats().maxLagMs),
      judgeIcmp(findings.icmp, icmp),
      judgeOpcua(findings.opcua),
      judgeConfig(options.configStatus()),
      judgeCheckAge({ now: now(), startedAt, newestCheckTs: commit.newestCheckTs, intervals: range }),
      judgeTelemetryQueue(queued()),
    ];
  };

  const health = (): Health => {
    const checks = judge();
    const at = now();
    const alarmsChanged = alarms.update(checks, at);
    const answer: Health = {
      status: worstStatus(checks),
      checkedAt: isoTime(at),
      checks,
      systemAlarms: alarms.active(),
    };
    if (alarmsChanged || answer.status !== lastStatus) {
      lastStatus = answer.status;
      options.onChange(answer);
    }
    return answer;
  };

  let timer: TimerHandle | null = null;
  let lastBackends = now();
  let stopped = false;
  const tick = (): void => {
    timer = null;
    if (stopped) return;
    if (now() - lastBackends >= BACKENDS_REFRESH_MS) {
      lastBackends = now();
      backendsChecked = backends.refresh();
    }
    try {
      health();
    } catch (error) {
      // Judging must never take the engine down; the next tick tries again.
      options.log(`health check failed: ${messageOf(error)}`);
    }
    timer = clock.after(options.evaluateEveryMs ?? HEALTH_EVALUATE_MS, tick);
  };
  timer = clock.after(0, tick);

  return {
    health,
    backendsChecked: () => backendsChecked,
    stop() {
      stopped = true;
      timer?.cancel();
    },
  };
}

/** Where the Electron shell's Sentry keeps its offline queue (src/main/electron/sentry-main.ts). */
export const telemetryQueueDirOf = (dataDir: string): string => join(dataDir, 'telemetry', 'sentry-queue');
