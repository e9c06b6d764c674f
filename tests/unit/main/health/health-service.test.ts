// The health service with its measurements faked: system alarms raised by failing checks and
// cleared on recovery (one change event each), cached statfs, and the /healthz route's answers.
import { describe, expect, it, vi } from 'vitest';
import type { Health } from '@src/shared/contract';
import { ManualClock } from '@src/main/clock/clock';
import { startHealthService, type HealthServiceOptions } from '@src/main/health/health-service';
import { healthzRoute } from '@src/main/health/healthz-route';
import type { CommitHealth } from '@src/main/monitor';
import { aConfig, aLine, anEndpoint } from '../../../support/config-builders';

const START = Date.parse('2026-01-05T14:00:00Z');
const MB = 1024 ** 2;
const CONFIG = aConfig({ lines: [aLine('press-1', [anEndpoint('plc-1', { intervalMs: 10_000 })])] });

function setup(overrides: Partial<HealthServiceOptions> = {}) {
  const clock = new ManualClock(START);
  const disk = { freeBytes: 50_000 * MB, totalBytes: 100_000 * MB };
  let probeError: Error | null = null;
  const commit: CommitHealth = {
    lastError: null,
    failingSince: null,
    bufferedChecks: 0,
    newestCheckTs: START,
  };
  const changes: Health[] = [];
  const readDisk = vi.fn(() => ({ ...disk }));
  const service = startHealthService({
    dataDir: '/data',
    clock,
    probeWrite: () => {
      if (probeError) throw probeError;
    },
    commitHealth: () => ({ ...commit, newestCheckTs: clock.now() }),
    schedulerStats: () => ({ maxLagMs: 3, started: 10, skippedBusy: 0 }),
    config: () => CONFIG,
    configStatus: () => ({
      source: 'file',
      path: '/etc/lw.yaml',
      appliedAt: new Date(START).toISOString(),
      hash: 'h',
      endpointCount: 1,
      errors: [],
    }),
    onChange: (health) => changes.push(health),
    log: () => undefined,
    readDisk,
    checkIcmp: () => Promise.resolve({ ok: true, detail: 'fping answers on this machine' }),
    checkOpcua: () => ({ ok: true, detail: 'the OPC UA client module is installed' }),
    ...overrides,
  });
  return {
    clock,
    service,
    changes,
    readDisk,
    disk,
    commit,
    failProbe: (error: Error | null) => {
      probeError = error;
    },
  };
}

describe('health service', () => {
  it('answers ok with every check named', async () => {
    const { service } = setup();
    await service.backendsChecked();
    const health = service.health();
    expect(health.status).toBe('ok');
    expect(health.checks.map((c) => c.name)).toEqual([
      'database',
      'disk_space',
      'scheduler_lag',
      'icmp_backend',
      'opcua_client',
      'config',
      'newest_check',
      'telemetry_queue',
    ]);
    expect(health.systemAlarms).toEqual([]);
    service.stop();
  });

  it('raises "disk almost full" when free space falls below 1 % and clears it when space returns', () => {
    const { clock, service, changes, disk } = setup();
    clock.advance(0);
    disk.freeBytes = 100 * MB;
    clock.advance(5_000);
    expect(changes.at(-1)).toMatchObject({
      status: 'failing',
      systemAlarms: [{ kind: 'disk_almost_full', message: 'Disk almost full' }],
    });
    disk.freeBytes = 50_000 * MB;
    clock.advance(5_000);
    expect(changes.at(-1)).toMatchObject({ status: 'ok', systemAlarms: [] });
    service.stop();
  });

  it('raises "cannot write to its database" on a refused commit, even when the probe write passes', () => {
    const { clock, service, changes, commit } = setup();
    clock.advance(0);
    commit.lastError = 'database or disk is full';
    commit.bufferedChecks = 12;
    clock.advance(5_000);
    const raised = changes.at(-1);
    expect(raised?.systemAlarms).toMatchObject([
      { kind: 'database_unwritable', message: 'Linewatch cannot write to its database' },
    ]);
    commit.lastError = null;
    clock.advance(5_000);
    expect(changes.at(-1)?.systemAlarms).toEqual([]);
    service.stop();
  });

  it('reads statfs and tries the probe write at most once per cache period, however often asked', () => {
    const { clock, service, readDisk } = setup();
    for (let i = 0; i < 100; i++) service.health();
    expect(readDisk).toHaveBeenCalledTimes(1);
    clock.advance(5_000);
    service.health();
    expect(readDisk.mock.calls.length).toBeLessThanOrEqual(3);
    service.stop();
  });

  it('/healthz: 200 with details on loopback, 503 when failing, only the status on a LAN bind without the token', async () => {
    const { clock, service, failProbe } = setup();
    const route = healthzRoute(() => service.health());
    const ask = (lanMode: boolean, presentsOperatorToken: boolean) =>
      route({ method: 'GET', query: new URLSearchParams(), lanMode, presentsOperatorToken });

    const ok = await ask(false, false);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/^application\/json/);
    expect(JSON.parse(ok.body as string)).toMatchObject({
      status: 'ok',
      checks: expect.any(Array) as unknown,
    });

    failProbe(new Error('attempt to write a readonly database'));
    clock.advance(5_000);
    const failing = await ask(true, false);
    expect(failing.status).toBe(503);
    expect(JSON.parse(failing.body as string)).toEqual({ status: 'failing' });
    const withToken = JSON.parse((await ask(true, true)).body as string) as Health;
    expect(withToken.checks.find((c) => c.name === 'database')).toEqual({
      name: 'database',
      status: 'failing',
      detail: 'cannot write: attempt to write a readonly database',
    });
    expect(
      (
        await route({
          method: 'POST',
          query: new URLSearchParams(),
          lanMode: false,
          presentsOperatorToken: false,
        })
      ).status,
    ).toBe(405);
    service.stop();
  });
});
