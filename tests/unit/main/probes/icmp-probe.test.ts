// The ICMP probe end to end on loopback through both backends, and the guarantees that do not
// need a network: bad hosts never reach a process, the ping pool never exceeds its limit.
import type { PingConfig } from 'ping';
import { describe, expect, it } from 'vitest';
import { createIcmpProbe } from '@src/main/probes/icmp-probe';
import type { FpingExecutor } from '@src/main/probes/icmp/fping-exec';
import { createPingBackend, type PingExecutor } from '@src/main/probes/icmp/ping-backend';
import { createProcessPool } from '@src/main/probes/icmp/process-pool';
import { createProbeRunner } from '@src/main/probes/run-probe';
import { fixture } from '../../../support/probe-fixtures';

describe('icmp probe on loopback', () => {
  it.each(['ping', 'fping'] as const)('is ok for 127.0.0.1 through %s', async (backend) => {
    const run = createProbeRunner({ icmpBackend: backend });
    const result = await run({ kind: 'icmp', host: '127.0.0.1' }, 1000);
    expect(result).toMatchObject({ ok: true, rttMs: expect.any(Number) as unknown });
    expect(result.rttMs).toBeLessThan(1000);
  });

  it('reports dns through the ping backend for a name that does not resolve', async () => {
    const probe = createIcmpProbe({ backend: 'ping' });
    expect(await probe.check('device.invalid', 1000)).toMatchObject({ ok: false, kind: 'dns' });
  });

  it('picks fping in auto mode when it is installed and works', async () => {
    const probe = createIcmpProbe({ backend: 'auto' });
    expect(await probe.backend()).toBe('fping');
    const noFping: FpingExecutor = () =>
      Promise.resolve({ output: 'fping: spawn fping ENOENT', exitCode: null });
    expect(await createIcmpProbe({ backend: 'auto', fpingExecutor: noFping }).backend()).toBe('ping');
  });
});

describe('icmp host validation', () => {
  it.each(['-f', '127.0.0.1; rm', '-c 100000 127.0.0.1', '$(id)'])(
    'refuses %j without spawning',
    async (host) => {
      let spawned = 0;
      const pingExecutor: PingExecutor = () => {
        spawned += 1;
        return Promise.resolve('');
      };
      const fpingExecutor: FpingExecutor = () => {
        spawned += 1;
        return Promise.resolve({ output: '', exitCode: 0 });
      };
      for (const backend of ['ping', 'fping'] as const) {
        const probe = createIcmpProbe({ backend, pingExecutor, fpingExecutor });
        const result = await probe.check(host, 500);
        expect(result).toMatchObject({
          ok: false,
          kind: 'error',
          message: expect.stringContaining('invalid host') as unknown,
        });
      }
      expect(spawned).toBe(0);
    },
  );
});

describe('ping pool', () => {
  it('never runs more ping processes than maxProcesses', async () => {
    let running = 0;
    let peak = 0;
    const seen: PingConfig[] = [];
    const pingExecutor: PingExecutor = async (_host, config) => {
      seen.push(config);
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
      return fixture('linux/success.txt');
    };
    const probe = createIcmpProbe({ backend: 'ping', maxProcesses: 4, platform: 'linux', pingExecutor });
    const hosts = Array.from({ length: 40 }, (_, i) => `127.0.0.${i + 1}`);
    const results = await Promise.all(hosts.map((h) => probe.check(h, 1000)));
    expect(results.every((r) => r.ok && r.rttMs === 0.03)).toBe(true);
    expect(peak).toBe(4);
    expect(seen[0]).toMatchObject({ min_reply: 1, timeout: 1, numeric: true });
  });

  it('answers timeout when the process outlives its wait, and keeps the slot until it exits', async () => {
    let release: (() => void) | undefined;
    let started = 0;
    const pingExecutor: PingExecutor = async () => {
      started += 1;
      if (started === 1) await new Promise<void>((resolve) => (release = resolve));
      return fixture('linux/success.txt');
    };
    const pool = createProcessPool(1);
    const backend = createPingBackend({
      pool,
      platform: 'linux',
      execute: pingExecutor,
      watchdogGraceMs: 10,
    });
    const first = await backend.check('127.0.0.1', 100);
    expect(first).toMatchObject({ ok: false, kind: 'timeout' });
    const second = backend.check('127.0.0.2', 100);
    expect(pool.active).toBe(1);
    expect(started).toBe(1);
    release?.();
    expect(await second).toMatchObject({ ok: true });
  });
});
