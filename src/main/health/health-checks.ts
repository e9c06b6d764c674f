// Each of Linewatch's own health checks as a pure judgement of what was measured, so the
// thresholds are tested without a full disk or a late scheduler. Thresholds are documented in the
// README's /healthz section; keep the two in step.
import type { ConfigStatus, HealthCheck, HealthStatus } from '../../shared/contract';
import type { DiskSpace } from './disk-space';
import type { BackendFinding } from './probe-backends';

export const DISK_WARN_RATIO = 0.05;
export const DISK_WARN_BYTES = 1024 ** 3;
export const DISK_FAIL_RATIO = 0.01;
/** Checks starting this late are worth a look; this late, the wall's states are plainly stale. */
export const LAG_DEGRADED_MS = 1_000;
export const LAG_FAILING_MS = 60_000;
/** The newest check is stale after this many of the shortest interval... */
export const STALE_INTERVALS = 3;
/** ...and the engine has stopped checking after this many of the longest one. */
export const STOPPED_INTERVALS = 10;
/** Envelopes waiting in the telemetry queue before it is worth a look (the network is down). */
export const TELEMETRY_QUEUE_WARN = 100;

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

const check = (name: string, status: HealthStatus, detail: string): HealthCheck => ({ name, status, detail });

const mib = (bytes: number): string =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toFixed(1)} GB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

export interface DatabaseFindings {
  /** The rolled-back probe write's error, null when it went through. */
  probeError: string | null;
  /** The monitor's last refused commit, null while commits go through. */
  commitError: string | null;
  bufferedChecks: number;
}

export function judgeDatabase(findings: DatabaseFindings): HealthCheck {
  const error = findings.commitError ?? findings.probeError;
  if (error === null) return check('database', 'ok', 'writable');
  const buffered =
    findings.commitError === null ? '' : `; ${findings.bufferedChecks} checks kept in memory until it can`;
  return check('database', 'failing', `cannot write: ${error}${buffered}`);
}

export function judgeDiskSpace(dir: string, space: DiskSpace | Error): HealthCheck {
  if (space instanceof Error)
    return check('disk_space', 'failing', `cannot read free space of ${dir}: ${space.message}`);
  const ratio = space.totalBytes > 0 ? space.freeBytes / space.totalBytes : 0;
  const detail = `${mib(space.freeBytes)} free of ${mib(space.totalBytes)} (${(ratio * 100).toFixed(1)} %) in ${dir}`;
  if (ratio < DISK_FAIL_RATIO) return check('disk_space', 'failing', detail);
  if (ratio < DISK_WARN_RATIO || space.freeBytes < DISK_WARN_BYTES)
    return check('disk_space', 'degraded', detail);
  return check('disk_space', 'ok', detail);
}

export function judgeSchedulerLag(maxLagMs: number): HealthCheck {
  const detail = `checks started up to ${Math.round(maxLagMs)} ms late in the last minute`;
  if (maxLagMs >= LAG_FAILING_MS) return check('scheduler_lag', 'failing', detail);
  if (maxLagMs > LAG_DEGRADED_MS) return check('scheduler_lag', 'degraded', detail);
  return check('scheduler_lag', 'ok', detail);
}

export function judgeIcmp(finding: BackendFinding | null, icmpEndpoints: number): HealthCheck {
  if (finding === null) return check('icmp_backend', 'ok', 'not checked yet');
  if (finding.ok) return check('icmp_backend', 'ok', finding.detail);
  // Without ICMP endpoints a missing ping is worth knowing, not a fault of the watcher.
  return icmpEndpoints > 0
    ? check('icmp_backend', 'failing', `${finding.detail} (${icmpEndpoints} ICMP endpoints)`)
    : check('icmp_backend', 'degraded', `${finding.detail} (no ICMP endpoints configured)`);
}

export function judgeOpcua(finding: BackendFinding | null): HealthCheck {
  if (finding === null) return check('opcua_client', 'ok', 'not checked yet');
  return check('opcua_client', finding.ok ? 'ok' : 'degraded', finding.detail);
}

export function judgeConfig(status: ConfigStatus): HealthCheck {
  const source = status.path ?? 'the built-in demo plant';
  if (status.errors.length === 0)
    return check('config', 'ok', `${plural(status.endpointCount, 'endpoint')} from ${source}`);
  return check(
    'config',
    'degraded',
    `the last reload of ${source} had ${plural(status.errors.length, 'error')}; the last good config keeps running`,
  );
}

export interface CheckAgeInput {
  now: number;
  /** When monitoring started: a grace period before the first check is expected. */
  startedAt: number;
  newestCheckTs: number | null;
  /** Shortest and longest configured interval; null without endpoints. */
  intervals: { minMs: number; maxMs: number } | null;
}

export function judgeCheckAge(input: CheckAgeInput): HealthCheck {
  if (input.intervals === null) return check('newest_check', 'ok', 'no endpoints configured');
  const { minMs, maxMs } = input.intervals;
  const since = input.newestCheckTs ?? input.startedAt;
  const ageMs = Math.max(0, input.now - since);
  const detail =
    input.newestCheckTs === null
      ? `no check yet, ${Math.round(ageMs / 1000)} s after start`
      : `newest check ${Math.round(ageMs / 1000)} s ago`;
  if (ageMs > STOPPED_INTERVALS * maxMs) return check('newest_check', 'failing', detail);
  if (input.newestCheckTs !== null && ageMs > STALE_INTERVALS * minMs)
    return check('newest_check', 'degraded', detail);
  return check('newest_check', 'ok', detail);
}

export function judgeTelemetryQueue(waiting: number | Error): HealthCheck {
  if (waiting instanceof Error)
    return check('telemetry_queue', 'degraded', `cannot read the queue: ${waiting.message}`);
  const detail = `${plural(waiting, 'envelope')} waiting to be sent`;
  return check('telemetry_queue', waiting > TELEMETRY_QUEUE_WARN ? 'degraded' : 'ok', detail);
}

const RANK: Record<HealthStatus, number> = { ok: 0, degraded: 1, failing: 2 };

export function worstStatus(checks: readonly HealthCheck[]): HealthStatus {
  let worst: HealthStatus = 'ok';
  for (const c of checks) if (RANK[c.status] > RANK[worst]) worst = c.status;
  return worst;
}
