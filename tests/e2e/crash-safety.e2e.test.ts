// kill -9 during heavy writes: the database opens, integrity_check is ok, at most the last second
// of checks is lost, and outages agree with the engine's saved progress; the engine then resumes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock/clock';
import { createMonitorEngine } from '../../src/main/monitor/monitor-engine';
import { openStore } from '../../src/main/store';
import { makeTempDir } from '../support/temp-dir';

const BENCH = fileURLToPath(new URL('../../out/main/bench.js', import.meta.url));
const ENDPOINTS = 400;

describe('crash safety', () => {
  it('survives kill -9 in the middle of heavy writes', async () => {
    const temp = makeTempDir('crash');
    try {
      const child = spawn(process.execPath, [BENCH, 'crash-writer', temp.dir, String(ENDPOINTS)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let lastIngested = 0;
      let lines = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/ingested (\d+)/g)) {
          lastIngested = Math.max(lastIngested, Number(match[1]));
          lines += 1;
        }
      });
      // Let it write for a few seconds (hundreds of thousands of checks), then kill it hard.
      await new Promise((resolve) => setTimeout(resolve, 4000));
      expect(lines).toBeGreaterThan(50);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;

      const store = openStore(temp.dir);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const latest = [...store.checks.latestPerEndpoint().values()].map((c) => c.ts);
      expect(latest).toHaveLength(ENDPOINTS);
      const newestStored = Math.max(...latest);
      expect(lastIngested - newestStored).toBeLessThanOrEqual(1000);

      // Every open outage is the one the saved progress points at, and vice versa.
      const progress = store.progress.all();
      const open = store.outages.open();
      const fromProgress = [...progress.values()]
        .filter((p) => p.openOutageId !== null)
        .map((p) => p.openOutageId);
      expect(open.map((o) => o.id).sort((a, b) => a - b)).toEqual(
        fromProgress.sort((a, b) => (a ?? 0) - (b ?? 0)),
      );
      for (const p of progress.values()) expect(p.state === 'down').toBe(p.openOutageId !== null);

      // Restart: the engine resumes; after a gap every open outage is closed by it.
      const clock = new ManualClock(lastIngested + 60_000);
      const engine = createMonitorEngine({
        endpoints: [...progress.keys()].map((id) => ({
          id,
          name: id,
          type: 'plc',
          lineId: 'line-0',
          critical: false,
          dependsOn: null,
          intervalMs: 100,
          timeoutMs: 50,
          downAfter: 2,
          upAfter: 2,
          probe: { kind: 'tcp', host: '127.0.0.1', port: 9 },
        })),
        maintenance: { isInMaintenance: () => false },
        clock,
        store,
        flushEveryMs: 0,
      });
      for (const id of progress.keys()) engine.ingest(id, clock.now(), { ok: true, rttMs: 0.3 });
      engine.stop();
      const stillOpen = store.outages.open();
      expect(stillOpen).toEqual([]);
      expect(store.outages.overlapping(0, clock.now() + 1).filter((o) => o.endedByGap).length).toBe(
        open.length,
      );
      store.close();
    } finally {
      temp.remove();
    }
  });
});
