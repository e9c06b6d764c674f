// Hot reload: a valid change is applied and recorded with its endpoint diff; an invalid one keeps
// the last good config running and reports its errors.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startLinewatchServices } from '@src/main/app/services';
import type { Caller, ConfigStatus, EventName, EventPayload } from '@src/shared/contract';
import { openStore } from '@src/main/store';
import { makeTempDir } from '../support/temp-store';

const config = (endpoints: string): string => `version: 1
site: { id: reload, name: Reload, timezone: Europe/Berlin }
defaults: { interval: 1s, timeout: 300ms }
lines:
  - id: line-1
    name: Line 1
    endpoints:
${endpoints}`;
const plc = `      - { id: plc, name: PLC, type: plc, probe: { kind: tcp, host: 127.0.0.1, port: 9 } }\n`;
const hmi = `      - { id: hmi, name: HMI, type: hmi, probe: { kind: tcp, host: 127.0.0.1, port: 9 } }\n`;
const hmiMoved = `      - { id: hmi, name: HMI, type: hmi, probe: { kind: tcp, host: 127.0.0.2, port: 9 } }\n`;
const robot = `      - { id: robot, name: Robot, type: robot, probe: { kind: tcp, host: 127.0.0.1, port: 9 } }\n`;

const READER: Caller = { connectionId: 'test', canMutate: false, label: 'test' };

describe('config hot reload', () => {
  it('applies a valid change with its diff and keeps the last good config on an invalid one', async () => {
    const temp = makeTempDir('reload');
    const path = join(temp.dir, 'plant.yaml');
    writeFileSync(path, config(plc + hmi));
    const dataDir = join(temp.dir, 'data');
    const services = await startLinewatchServices({
      dataDir,
      configPath: path,
      host: 'headless',
      appVersion: 't',
    });
    const applied: ConfigStatus[] = [];
    services.subscribe({
      emit<E extends EventName>(event: E, payload: EventPayload<E>) {
        if (event === 'configApplied') applied.push(payload as ConfigStatus);
      },
    });
    const waitFor = async (count: number): Promise<ConfigStatus> => {
      // Returns as soon as the event is there; the deadline only has to outlast a loaded machine.
      const deadline = Date.now() + 20_000;
      while (applied.length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const last = applied[count - 1];
      if (!last) throw new Error(`expected ${count} configApplied events, got ${applied.length}`);
      return last;
    };
    try {
      writeFileSync(path, config(hmiMoved + robot));
      const good = await waitFor(1);
      expect(good.errors).toEqual([]);
      expect(good.endpointCount).toBe(2);
      const snapshot = await services.handlers.getWallSnapshot({}, READER);
      expect(snapshot.lines[0]?.endpoints.map((e) => e.id)).toEqual(['hmi', 'robot']);

      writeFileSync(
        path,
        config(
          `      - { id: plc, name: PLC, type: toaster, probe: { kind: tcp, host: 127.0.0.1, port: 9 } }\n`,
        ),
      );
      const bad = await waitFor(2);
      expect(bad.errors).toHaveLength(1);
      expect(bad.errors[0]).toMatchObject({ line: 8 });
      expect(bad.errors[0]?.message).toContain('expected one of plc');
      expect(bad.hash).toBe(good.hash);
      const still = await services.handlers.getWallSnapshot({}, READER);
      expect(still.lines[0]?.endpoints.map((e) => e.id)).toEqual(['hmi', 'robot']);
    } finally {
      await services.stop();
    }
    const store = openStore(dataDir);
    const latest = store.configVersions.latest();
    expect(latest?.diff).toEqual({ added: ['robot'], changed: ['hmi'], removed: ['plc'] });
    expect(latest?.text).toBe(config(hmiMoved + robot));
    expect(readFileSync(path, 'utf8')).toContain('toaster');
    const audit = store.auditLog.recent(10).filter((a) => a.action === 'config.applied');
    expect(audit).toHaveLength(2);
    store.close();
    temp.remove();
  }, 20_000);

  it('after a restart with an edited file, records the real diff against the last applied version', async () => {
    const temp = makeTempDir('reload-restart');
    const path = join(temp.dir, 'plant.yaml');
    const dataDir = join(temp.dir, 'data');
    const start = () =>
      startLinewatchServices({
        dataDir,
        configPath: path,
        host: 'headless',
        appVersion: 't',
        watchConfig: false,
      });
    try {
      writeFileSync(path, config(plc + hmi));
      await (await start()).stop();
      // The edit lands while the app is down (as after a kill -9 before the hot reload ran).
      writeFileSync(path, config(plc + hmiMoved + robot));
      await (await start()).stop();

      const store = openStore(dataDir);
      const [latest, first] = store.configVersions.listRecent(10);
      expect(store.configVersions.listRecent(10)).toHaveLength(2);
      expect(first?.diff).toEqual({ added: ['plc', 'hmi'], changed: [], removed: [] });
      expect(latest?.diff).toEqual({ added: ['robot'], changed: ['hmi'], removed: [] });
      expect(latest?.text).toBe(config(plc + hmiMoved + robot));
      const audit = store.auditLog.recent(10).find((a) => a.action === 'config.applied');
      expect(audit?.details).toEqual({ added: ['robot'], changed: ['hmi'], removed: [] });
      store.close();
    } finally {
      temp.remove();
    }
  }, 20_000);

  it('falls back to an all-added diff, with a log line, when the stored previous text no longer reads', async () => {
    const temp = makeTempDir('reload-unreadable');
    const path = join(temp.dir, 'plant.yaml');
    const dataDir = join(temp.dir, 'data');
    try {
      const seeded = openStore(dataDir);
      seeded.configVersions.record({
        hash: 'old',
        appliedAt: 0,
        source: 'file',
        path,
        text: 'version: 1\nsite: [unclosed\n',
        endpointCount: 1,
      });
      seeded.close();
      writeFileSync(path, config(plc));
      const logged: string[] = [];
      const services = await startLinewatchServices({
        dataDir,
        configPath: path,
        host: 'headless',
        appVersion: 't',
        watchConfig: false,
        log: (line) => logged.push(line),
      });
      await services.stop();
      expect(logged).toContain(
        'config: the last applied version (old) no longer reads; diffing against none',
      );
      const store = openStore(dataDir);
      expect(store.configVersions.latest()?.diff).toEqual({ added: ['plc'], changed: [], removed: [] });
      store.close();
    } finally {
      temp.remove();
    }
  }, 20_000);
});
