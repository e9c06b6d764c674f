// Issue 14's acceptance: a full data disk raises the system alarm, the engine keeps running, and
// everything recovers when space returns. The data folder is a real 2 MB tmpfs (needs root and
// mount(8)); it is filled with a file until ENOSPC, then the file is deleted. Checks taken while
// the disk was full stay buffered in the engine and reach the database once it takes writes again.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import type { Caller, EventName, EventPayload, Health } from '@src/shared/contract';
import type { ProbeRunner } from '@src/main/probes/run-probe';
import { openStore } from '@src/main/store';
import { fillUp, mountTinyTmpfs, unmount } from '../support/tiny-disk';
import { makeTempDir, type TempDir } from '../support/temp-store';

const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };
/** The service re-judges every 5 s; this is only how long a stuck run may take. */
const POLL = { timeout: 40_000, interval: 200 };

let temp: TempDir;
let dataDir: string;
let skipReason: string | null = null;

beforeAll(() => {
  temp = makeTempDir('full-disk');
  dataDir = join(temp.dir, 'data');
  mkdirSync(dataDir);
  skipReason = mountTinyTmpfs(dataDir, '2m');
  if (skipReason !== null) console.warn(`${skipReason}: full-disk test skipped`);
});

afterAll(() => {
  if (skipReason === null) unmount(dataDir);
  temp.remove();
});

describe('a full data disk', () => {
  it('raises the system alarms, keeps the engine running, and recovers when space returns', async (context) => {
    if (skipReason !== null) context.skip();
    const configPath = join(temp.dir, 'plant.yaml');
    writeFileSync(
      configPath,
      `version: 1
site: { id: tiny-disk, name: Tiny disk, timezone: Europe/Berlin }
defaults: { interval: 500ms, timeout: 200ms, down_after: 2, up_after: 2 }
lines:
  - id: press-1
    name: Press line 1
    endpoints:
      - { id: plc, name: PLC, type: plc, probe: { kind: tcp, host: 127.0.0.1, port: 1 } }
`,
    );
    let checks = 0;
    const probe: ProbeRunner = () => {
      checks++;
      return Promise.resolve({ ok: true, rttMs: 1 });
    };
    const services = await startLinewatchServices({
      dataDir,
      configPath,
      host: 'headless',
      appVersion: 'test',
      probe,
      watchConfig: false,
    });
    const events: Health[] = [];
    services.subscribe({
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        if (event === 'healthChanged') events.push(payload as Health);
      },
    });
    const health = (): Promise<Health> => Promise.resolve(services.handlers.getHealth({}, READER));
    const kinds = (h: Health): string[] => h.systemAlarms.map((a) => a.kind).sort();
    try {
      await expect.poll(async () => (await health()).status, POLL).not.toBe('failing');

      const filler = join(dataDir, 'filler.bin');
      fillUp(filler);
      await expect
        .poll(async () => kinds(await health()), POLL)
        .toEqual(['database_unwritable', 'disk_almost_full']);
      const full = await health();
      expect(full.status).toBe('failing');
      expect(full.systemAlarms.find((a) => a.kind === 'database_unwritable')?.message).toBe(
        'Linewatch cannot write to its database',
      );
      expect(events.some((e) => e.systemAlarms.length === 2)).toBe(true);
      // Still checking while full: the scheduler runs on and the wall stays live.
      const checksWhenFull = checks;
      await expect.poll(() => checks, POLL).toBeGreaterThan(checksWhenFull + 4);
      const snapshot = await services.handlers.getWallSnapshot({}, READER);
      expect(snapshot.states.find((s) => s.id === 'plc')?.state).toBe('up');

      rmSync(filler);
      await expect.poll(async () => kinds(await health()), POLL).toEqual([]);
      expect((await health()).checks.find((c) => c.name === 'database')).toMatchObject({ status: 'ok' });
      expect(events.at(-1)?.systemAlarms).toEqual([]);
    } finally {
      await services.stop();
    }
    // Nothing decided while the disk was full was lost: every check reached the database.
    const store = openStore(dataDir);
    try {
      expect(store.checks.count()).toBe(checks);
    } finally {
      store.close();
    }
  }, 120_000);
});
