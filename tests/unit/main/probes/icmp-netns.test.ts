// ICMP DOWN for real: a throw-away network namespace where part of 127.0.0.0/8 never answers, and
// the ICMP checks run there by a child vitest (icmp-netns.child.test.ts) under `ip netns exec`.
// Nothing leaves the namespace. Skipped, with the reason printed, where namespaces cannot be made.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProbeResult } from '@src/main/probes/probe-result';

const namespace = `lw-test-${process.pid}`;

function prepareNamespace(): string | null {
  try {
    execFileSync('ip', ['netns', 'add', namespace], { stdio: 'pipe' });
  } catch (error) {
    return error instanceof Error
      ? (error.message.split('\n')[0] ?? 'ip netns add failed')
      : 'ip netns add failed';
  }
  try {
    const inside = (...args: string[]): void =>
      void execFileSync('ip', ['netns', 'exec', namespace, 'ip', ...args], { stdio: 'pipe' });
    inside('link', 'set', 'lo', 'up');
    // Drop the "everything in 127/8 is local" route, keep 127.0.0.1 itself local.
    inside('route', 'del', 'local', '127.0.0.0/8', 'dev', 'lo', 'table', 'local');
    inside('route', 'add', '127.0.0.0/8', 'dev', 'lo');
    return null;
  } catch (error) {
    return error instanceof Error
      ? (error.message.split('\n')[0] ?? 'namespace setup failed')
      : 'setup failed';
  }
}

const skipReason = prepareNamespace();
if (skipReason) console.warn(`icmp netns test skipped: ${skipReason}`);

afterAll(() => {
  spawnSync('ip', ['netns', 'del', namespace], { stdio: 'ignore' });
});

describe('icmp down in a network namespace', () => {
  it.skipIf(skipReason !== null)(
    'reports timeout for a silent address and ok for a live one, via ping and fping',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'lw-netns-'));
      const resultsFile = join(dir, 'results.json');
      try {
        const child = spawnSync(
          'ip',
          [
            'netns',
            'exec',
            namespace,
            process.execPath,
            'node_modules/vitest/vitest.mjs',
            'run',
            '--project',
            'unit',
            'tests/unit/main/probes/icmp-netns.child.test.ts',
          ],
          { env: { ...process.env, LW_NETNS_CHILD: resultsFile }, encoding: 'utf8', timeout: 50_000 },
        );
        expect(child.status, `${child.stdout}\n${child.stderr}`).toBe(0);
        const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, ProbeResult>;
        expect(results['ping:up']).toMatchObject({ ok: true });
        expect(results['fping:up']).toMatchObject({ ok: true });
        expect(results['ping:down']).toMatchObject({ ok: false, kind: 'timeout' });
        expect(results['fping:down']).toMatchObject({ ok: false, kind: 'timeout' });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
