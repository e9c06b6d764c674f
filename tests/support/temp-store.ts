// Temporary folders, stores and bare databases for tests. Every one is a real folder under the OS
// temp dir, because WAL, checkpoints and file creation only behave for real on disk; the `use...`
// forms belong in a describe block (or at file level) and clean up after each test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { openStore, type SqliteDatabase, type Store } from '@src/main/store';

export interface TempDir {
  dir: string;
  /** Removes the folder and everything in it; safe to call more than once. */
  remove(): void;
}

/** A fresh folder `linewatch-<prefix>-*`, for a test that decides itself when it is removed. */
export function makeTempDir(prefix: string): TempDir {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `linewatch-${prefix}-`));
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Each call gives a fresh folder; all of them are removed after each test. */
export function useTempDirs(prefix = 'store'): () => string {
  const created: TempDir[] = [];
  afterEach(() => {
    for (const temp of created.splice(0)) temp.remove();
  });
  return () => {
    const temp = makeTempDir(prefix);
    created.push(temp);
    return temp.dir;
  };
}

export interface TempStore {
  /** The open store; `reopen()` replaces it. */
  readonly store: Store;
  /** The store's data folder (the database file and anything a test writes next to it). */
  readonly dir: string;
  /** Closes the store and opens the same folder again, as the next start of the app would. */
  reopen(): Store;
  /** Closes the store and removes its folder; safe to call more than once. */
  close(): void;
}

/** A migrated store in a fresh folder. */
export function openTempStore(prefix = 'store'): TempStore {
  const temp = makeTempDir(prefix);
  let store = openStore(temp.dir);
  return {
    get store() {
      return store;
    },
    dir: temp.dir,
    reopen() {
      store.close();
      store = openStore(temp.dir);
      return store;
    },
    close() {
      store.close();
      temp.remove();
    },
  };
}

/** Each call opens a fresh temp store; all of them are closed and removed after each test. */
export function useTempStores(prefix = 'store'): () => TempStore {
  const opened: TempStore[] = [];
  afterEach(() => {
    for (const temp of opened.splice(0)) temp.close();
  });
  return () => {
    const temp = openTempStore(prefix);
    opened.push(temp);
    return temp;
  };
}

/**
 * Each call opens an empty, unmigrated database file in a fresh folder, connected the way the app
 * connects (WAL, foreign keys enforced), for migration tests that bring it to a version themselves
 * (see migrate-to.ts). All of them are closed and removed after each test.
 */
export function useEmptyDatabases(): () => SqliteDatabase {
  const opened: { db: SqliteDatabase; temp: TempDir }[] = [];
  afterEach(() => {
    for (const { db, temp } of opened.splice(0)) {
      db.close();
      temp.remove();
    }
  });
  return () => {
    const temp = makeTempDir('migration');
    const db = new Database(path.join(temp.dir, 'test.sqlite'));
    // The pragmas of openDatabase that change what a migration sees: without foreign_keys a
    // migration's REFERENCES would go unchecked here while the app enforces them.
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    opened.push({ db, temp });
    return db;
  };
}
