// fping: the summary parser on recorded output, the batcher with a fake executor (what it puts on
// the command line, how it groups and splits), and one real run against loopback.
import { describe, expect, it } from 'vitest';
import type { ExecResult, FpingExecutor } from '@src/main/probes/icmp/fping-exec';
import { createFpingBatcher } from '@src/main/probes/icmp/fping-batcher';
import { fpingResultFor, parseFpingSummary } from '@src/main/probes/icmp/fping-output';
import { fixture } from '../../../../support/probe-fixtures';

describe('fping summary', () => {
  it('reads rtt, "-" and IPv6 targets from a recorded run', () => {
    const summary = parseFpingSummary(fixture('fping/mixed.txt'));
    // 127.0.0.1 was listed twice; the last line wins, both are replies.
    expect([...summary.keys()]).toEqual(['127.0.0.1', '127.0.0.5', '::1']);
    expect(summary.get('127.0.0.1')).toBe(0.015);
    expect(summary.get('127.0.0.5')).toBeNull();
    expect(summary.get('::1')).toBe(0.036);
  });

  it('maps each host to a result kind', () => {
    const output = fixture('fping/mixed.txt');
    const summary = parseFpingSummary(output);
    expect(fpingResultFor('::1', false, summary, output, 300)).toEqual({ ok: true, rttMs: 0.036 });
    expect(fpingResultFor('127.0.0.5', false, summary, output, 300)).toMatchObject({
      ok: false,
      kind: 'timeout',
    });
    expect(fpingResultFor('device.invalid', true, summary, output, 300)).toMatchObject({
      ok: false,
      kind: 'dns',
    });
  });

  it("reports fping's own complaint when it could not ping at all", () => {
    const output = fixture('fping/no-permission.txt');
    const result = fpingResultFor('127.0.0.1', false, parseFpingSummary(output), output, 500);
    expect(result).toMatchObject({
      ok: false,
      kind: 'error',
      message: expect.stringContaining("can't create socket") as unknown,
    });
  });
});

function fakeFping(answer: (hosts: string[]) => string) {
  const calls: { args: readonly string[]; killAfterMs: number }[] = [];
  const execute: FpingExecutor = (args, killAfterMs): Promise<ExecResult> => {
    calls.push({ args, killAfterMs });
    const hosts = args.slice(args.indexOf('--') + 1);
    return Promise.resolve({ output: answer(hosts), exitCode: 0 });
  };
  return { calls, execute };
}

const allUp = (hosts: string[]): string => hosts.map((h) => `${h} : 0.10`).join('\n');

describe('createFpingBatcher', () => {
  it('runs checks due within the window as one fping process', async () => {
    const fake = fakeFping(allUp);
    const batcher = createFpingBatcher({ intervalBetweenBatchesMs: 20, execute: fake.execute });
    const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.2'];
    const results = await Promise.all(hosts.map((h) => batcher.check(h, 500)));
    expect(results.every((r) => r.ok && r.rttMs === 0.1)).toBe(true);
    expect(fake.calls).toHaveLength(1);
    expect(batcher.batchesRun).toBe(1);
    // Duplicates share one target; the host list follows "--" so nothing can be read as an option.
    expect(fake.calls[0]?.args).toEqual([
      '-C',
      '1',
      '-q',
      '-r',
      '0',
      '-t',
      '500',
      '-i',
      '1',
      '--',
      '127.0.0.1',
      '127.0.0.2',
      '127.0.0.3',
    ]);
    expect(fake.calls[0]?.killAfterMs).toBe(500 + 3 + 2000);
  });

  it('groups by timeout and splits batches above maxHostsPerBatch', async () => {
    const fake = fakeFping(allUp);
    const batcher = createFpingBatcher({ maxHostsPerBatch: 2, execute: fake.execute });
    await Promise.all([
      batcher.check('127.0.0.1', 500),
      batcher.check('127.0.0.2', 500),
      batcher.check('127.0.0.3', 500),
      batcher.check('127.0.0.4', 1000),
    ]);
    const targets = fake.calls.map((c) => `${c.args[6]}:${c.args.slice(10).join(',')}`);
    expect(targets.sort()).toEqual(['1000:127.0.0.4', '500:127.0.0.1,127.0.0.2', '500:127.0.0.3']);
  });

  it('starts a new batch for checks that arrive after a flush', async () => {
    const fake = fakeFping(allUp);
    const batcher = createFpingBatcher({ intervalBetweenBatchesMs: 5, execute: fake.execute });
    await batcher.check('127.0.0.1', 500);
    await batcher.check('127.0.0.1', 500);
    expect(fake.calls).toHaveLength(2);
  });

  it('resolves every waiter with an error when the executor fails', async () => {
    const execute: FpingExecutor = () => Promise.reject(new Error('spawn EACCES'));
    const batcher = createFpingBatcher({ execute });
    expect(await batcher.check('127.0.0.1', 500)).toMatchObject({ ok: false, kind: 'error' });
  });

  it('never runs more fping processes than its limit', async () => {
    let running = 0;
    let peak = 0;
    const execute: FpingExecutor = async (args) => {
      running += 1;
      peak = Math.max(peak, running);
      await new Promise((resolve) => setTimeout(resolve, 10));
      running -= 1;
      return { output: allUp(args.slice(args.indexOf('--') + 1)), exitCode: 0 };
    };
    const batcher = createFpingBatcher({ limit: 2, maxHostsPerBatch: 1, execute });
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) => batcher.check(`127.0.1.${i + 1}`, 500)),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    expect(peak).toBe(2);
  });

  it('pings loopback for real: several hosts, one process', async () => {
    const batcher = createFpingBatcher();
    const results = await Promise.all(['127.0.0.1', '127.0.0.2', '::1'].map((h) => batcher.check(h, 1000)));
    for (const result of results)
      expect(result).toMatchObject({ ok: true, rttMs: expect.any(Number) as unknown });
    expect(batcher.batchesRun).toBe(1);
    expect(await batcher.check('device.invalid', 500)).toMatchObject({ ok: false, kind: 'dns' });
  });
});
