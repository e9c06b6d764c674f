import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALL_MIGRATIONS, openDatabase, openStore, type SqliteDatabase, type Store } from '@src/main/store';
import { useTempDirs } from '../../../support/temp-store';

describe('openDatabase / openStore', () => {
  const newTempDir = useTempDirs();
  const toClose: { close(): void }[] = [];
  afterEach(() => {
    for (const handle of toClose.splice(0)) handle.close();
  });
  const track = <T extends { close(): void }>(handle: T): T => {
    toClose.push(handle);
    return handle;
  };

  it('creates missing parent folders and applies the connection pragmas', () => {
    const file = path.join(newTempDir(), 'nested', 'deeper', 'db.sqlite');
    const db: SqliteDatabase = track(openDatabase(file));
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    // synchronous NORMAL is 1
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('runs the migrations on open', () => {
    const db = track(openDatabase(path.join(newTempDir(), 'db.sqlite')));
    const ids = db.prepare<[], { id: number }>('SELECT id FROM schema_migrations').all();
    expect(ids).toEqual(ALL_MIGRATIONS.map((m) => ({ id: m.id })));
  });

  it('refuses to open a database whose applied migration was edited, and closes the handle', () => {
    const file = path.join(newTempDir(), 'db.sqlite');
    const first = openDatabase(file);
    first.prepare("UPDATE schema_migrations SET checksum = 'tampered'").run();
    first.close();
    expect(() => openDatabase(file)).toThrow(/migration 1 'initial' was edited after it was applied/);
  });

  it('opens <dataDir>/linewatch.sqlite with repositories, and close checkpoints the WAL', () => {
    const dataDir = path.join(newTempDir(), 'data');
    const store: Store = openStore(dataDir);
    const file = path.join(dataDir, 'linewatch.sqlite');
    expect(store.db.name).toBe(file);
    store.checks.insertMany([
      { endpointId: 'plc-1', ts: 1, ok: true, rttMs: 2, errorKind: null, error: null },
    ]);
    expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(0);

    store.close();
    store.close(); // a second close (shutdown paths overlap) is harmless
    expect(store.db.open).toBe(false);
    const walLeft = fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0;
    expect(walLeft).toBe(0);

    const reopened = track(openStore(dataDir));
    expect(reopened.checks.count()).toBe(1);
  });
});
