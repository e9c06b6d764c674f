// Runs only inside the network namespace prepared by icmp-netns.test.ts (LW_NETNS_CHILD=1): there
// 127.0.0.1 answers and the rest of 127.0.0.0/8 is routed out of `lo` without a local address, so
// 127.0.0.5 never answers - a real ICMP DOWN without any traffic leaving the namespace.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ProbeResult } from '@src/main/probes/probe-result';
import { createProbeRunner } from '@src/main/probes/run-probe';

const resultsFile = process.env.LW_NETNS_CHILD;
if (!resultsFile) {
  console.info('icmp-netns.child skipped here: it runs inside the namespace that icmp-netns.test.ts creates');
}

describe.skipIf(!resultsFile)('icmp inside the test namespace', () => {
  it('sees 127.0.0.1 up and 127.0.0.5 down through both backends', async () => {
    const results: Record<string, ProbeResult> = {};
    for (const backend of ['ping', 'fping'] as const) {
      const run = createProbeRunner({ icmpBackend: backend });
      const [up, down] = await Promise.all([
        run({ kind: 'icmp', host: '127.0.0.1' }, 1000),
        run({ kind: 'icmp', host: '127.0.0.5' }, 1000),
      ]);
      results[`${backend}:up`] = up;
      results[`${backend}:down`] = down;
    }
    if (resultsFile) writeFileSync(resultsFile, JSON.stringify(results));
    expect(results['ping:up']).toMatchObject({ ok: true });
    expect(results['fping:up']).toMatchObject({ ok: true });
    expect(results['ping:down']).toMatchObject({ ok: false, kind: 'timeout' });
    expect(results['fping:down']).toMatchObject({ ok: false, kind: 'timeout' });
  }, 20_000);
});
