// How much room the store takes, tier by tier: for the size simulation (`npm run bench`) and
// capacity questions, never on a hot path (dbstat reads every page).
import type Database from 'better-sqlite3';

export type StorageTier = 'raw' | 'minute' | 'hour' | 'day';

/** The tables and indexes each tier occupies (migrations 001 and 003); the first is its table. */
const TIER_OBJECTS: Record<StorageTier, readonly [string, ...string[]]> = {
  raw: [
    'check_chunks',
    'sqlite_autoindex_check_chunks_1',
    'check_chunks_by_hour',
    'check_failures',
    'check_failures_by_ts',
  ],
  minute: ['rollup_minute', 'rollup_minute_by_hour'],
  hour: ['rollup_hour', 'rollup_hour_by_day'],
  day: ['rollup_day', 'rollup_day_by_day'],
};

export interface StorageSize {
  /** Bytes of the pages of the tier's tables and indexes (SQLite's dbstat). */
  tierBytes(tier: StorageTier): number;
  /** Rows of the tier's table: raw chunks and minute rows are one per endpoint-hour. */
  tierRows(tier: StorageTier): number;
  /** Bytes of free pages in the file (room freed by pruning, reused before the file grows). */
  freeBytes(): number;
  /** Folds the WAL into the main file, so the files on disk hold what was written. */
  checkpoint(): void;
}

export function createStorageSize(db: Database.Database): StorageSize {
  const bytesByObject = db.prepare<[], { name: string; bytes: number }>(
    'SELECT name, SUM(pgsize) AS bytes FROM dbstat GROUP BY name',
  );
  return {
    tierBytes(tier) {
      const names: readonly string[] = TIER_OBJECTS[tier];
      return bytesByObject
        .all()
        .filter((row) => names.includes(row.name))
        .reduce((sum, row) => sum + row.bytes, 0);
    },
    tierRows(tier) {
      const table = TIER_OBJECTS[tier][0];
      return db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM ${table}`).get()?.n ?? 0;
    },
    freeBytes() {
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      const freePages = db.pragma('freelist_count', { simple: true }) as number;
      return pageSize * freePages;
    },
    checkpoint() {
      db.pragma('wal_checkpoint(TRUNCATE)');
    },
  };
}
