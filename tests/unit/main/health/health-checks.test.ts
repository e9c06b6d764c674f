// The thresholds of each health check, as the README documents them.
import { describe, expect, it } from 'vitest';
import {
  judgeCheckAge,
  judgeConfig,
  judgeDatabase,
  judgeDiskSpace,
  judgeIcmp,
  judgeSchedulerLag,
  worstStatus,
} from '@src/main/health/health-checks';

const GB = 1024 ** 3;

describe('health checks', () => {
  it('disk space: ok with room, degraded below 5 % or 1 GB, failing below 1 %', () => {
    const judge = (freeBytes: number, totalBytes: number) =>
      judgeDiskSpace('/data', { freeBytes, totalBytes }).status;
    expect(judge(50 * GB, 100 * GB)).toBe('ok');
    expect(judge(4 * GB, 100 * GB)).toBe('degraded');
    expect(judge(0.9 * GB, 10 * GB)).toBe('degraded');
    expect(judge(0.5 * GB, 100 * GB)).toBe('failing');
    expect(judgeDiskSpace('/data', { freeBytes: 0, totalBytes: 2 * 1024 ** 2 })).toEqual({
      name: 'disk_space',
      status: 'failing',
      detail: '0.0 MB free of 2.0 MB (0.0 %) in /data',
    });
    expect(judgeDiskSpace('/gone', new Error('ENOENT')).status).toBe('failing');
  });

  it('database: failing on a refused probe write or a refused commit, saying how much is kept', () => {
    expect(judgeDatabase({ probeError: null, commitError: null, bufferedChecks: 0 }).status).toBe('ok');
    expect(
      judgeDatabase({
        probeError: 'attempt to write a readonly database',
        commitError: null,
        bufferedChecks: 0,
      }),
    ).toEqual({
      name: 'database',
      status: 'failing',
      detail: 'cannot write: attempt to write a readonly database',
    });
    expect(
      judgeDatabase({ probeError: null, commitError: 'database or disk is full', bufferedChecks: 42 }).detail,
    ).toBe('cannot write: database or disk is full; 42 checks kept in memory until it can');
  });

  it('scheduler lag: degraded above 1 s, failing from 60 s', () => {
    expect(judgeSchedulerLag(20).status).toBe('ok');
    expect(judgeSchedulerLag(1500).status).toBe('degraded');
    expect(judgeSchedulerLag(60_000).status).toBe('failing');
  });

  it('icmp: failing only when ICMP endpoints need it', () => {
    const broken = { ok: false, detail: 'ping cannot ping 127.0.0.1: spawn ping ENOENT' };
    expect(judgeIcmp(broken, 3).status).toBe('failing');
    expect(judgeIcmp(broken, 0).status).toBe('degraded');
    expect(judgeIcmp(null, 3).status).toBe('ok');
  });

  it('config: degraded while the last reload had errors', () => {
    const status = {
      source: 'file' as const,
      path: '/etc/lw.yaml',
      appliedAt: '2026-01-05T14:00:00.000Z',
      hash: 'h',
      endpointCount: 3,
    };
    expect(judgeConfig({ ...status, errors: [] }).status).toBe('ok');
    const issue = { file: '/etc/lw.yaml', line: 3, col: 5, message: 'expected a duration' };
    expect(judgeConfig({ ...status, errors: [issue] })).toMatchObject({ status: 'degraded' });
  });

  it('newest check: degraded after 3 short intervals, failing after 10 long ones or no check at all', () => {
    const base = { startedAt: 0, intervals: { minMs: 5_000, maxMs: 10_000 } };
    expect(judgeCheckAge({ ...base, now: 20_000, newestCheckTs: 10_000 }).status).toBe('ok');
    expect(judgeCheckAge({ ...base, now: 30_000, newestCheckTs: 10_000 }).status).toBe('degraded');
    expect(judgeCheckAge({ ...base, now: 111_000, newestCheckTs: 10_000 }).status).toBe('failing');
    expect(judgeCheckAge({ ...base, now: 50_000, newestCheckTs: null }).status).toBe('ok');
    expect(judgeCheckAge({ ...base, now: 101_000, newestCheckTs: null }).status).toBe('failing');
    expect(judgeCheckAge({ ...base, now: 1e9, newestCheckTs: null, intervals: null }).status).toBe('ok');
  });

  it('the overall status is the worst check', () => {
    const c = (status: 'ok' | 'degraded' | 'failing') => ({ name: 'x', status, detail: '' });
    expect(worstStatus([])).toBe('ok');
    expect(worstStatus([c('ok'), c('degraded')])).toBe('degraded');
    expect(worstStatus([c('failing'), c('degraded')])).toBe('failing');
  });
});
