// kill -9 during heavy writes: the database opens, integrity_check is ok, at most one flush period
// of checks is lost (plus however long the writer's own event loop stalled), and outages agree
// with the engine's saved progress; the engine then resumes.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '@src/main/clock/clock';
import { createMonitorEngine } from '@src/main/monitor/monitor-engine';
import { openStore } from '@src/main/store';
import { makeTempDir } from '../support/temp-store';

const BENCH = fileURLToPath(new URL('../../out/main/bench.js', import.meta.url));
const ENDPOINTS = 400;
/** The engine's live flush period (README: one transaction every 250 ms). */
const FLUSH_EVERY_MS = 250;
/** Rounds of 400 checks to see before the kill: tens of thousands of checks, many flushes. */
const ROUNDS_BEFORE_KILL = 200;

describe('crash safety', () => {
  it('survives kill -9 in the middle of heavy writes', async () => {
    const temp = makeTempDir('crash');
    try {
      const child = spawn(process.execPath, [BENCH, 'crash-writer', temp.dir, String(ENDPOINTS)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      // One line per round: "ingested TS", TS being when the round's checks were taken.
      let lastIngested = 0;
      let lines = 0;
      let maxGapMs = 0;
      let partial = '';
      child.stdout.on('data', (chunk: Buffer) => {
        const text = partial + chunk.toString();
        const complete = text.split('\n');
        partial = complete.pop() ?? '';
        for (const line of complete) {
          const match = /^ingested (\d+)$/.exec(line);
          if (!match) continue;
          const ts = Number(match[1]);
          if (lines > 0) maxGapMs = Math.max(maxGapMs, ts - lastIngested);
          lastIngested = Math.max(lastIngested, ts);
          lines += 1;
        }
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // Let it write many rounds (however long that takes on this machine), then kill it hard.
      await expect.poll(() => lines, { timeout: 30_000 }).toBeGreaterThanOrEqual(ROUNDS_BEFORE_KILL);
      child.kill('SIGKILL');
      await exited;

      const store = openStore(temp.dir);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      const latest = [...store.checks.latestPerEndpoint().values()].map((c) => c.ts);
      expect(latest).toHaveLength(ENDPOINTS);
      const newestStored = Math.max(...latest);
      // Lost: the rounds since the last committed flush. The next flush was armed at the round
      // after it (at most one round gap later), is due one flush period after that, and runs at
      // the latest one round gap late: rounds and flushes share the writer's event loop, so the
      // largest gap between rounds measures every stall, a flush in progress included.
      const lostMs = lastIngested - newestStored;
      expect(lostMs, `largest gap between rounds ${maxGapMs} ms`).toBeLessThanOrEqual(
        FLUSH_EVERY_MS + 2 * maxGapMs,
      );

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
