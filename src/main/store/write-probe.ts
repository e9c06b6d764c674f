// Whether the database still takes writes (issue 14's health check): a real write, in a
// transaction that is always rolled back, so checking leaves nothing behind.
import type Database from 'better-sqlite3';

export interface WriteProbe {
  /** Throws the database's own error (SQLITE_FULL, SQLITE_READONLY, SQLITE_IOERR...) when it refuses. */
  check(): void;
}

/** A settings key nobody reads: the row only ever exists inside the rolled-back transaction. */
const PROBE_KEY = 'health.write-probe';

export function createWriteProbe(db: Database.Database): WriteProbe {
  // IMMEDIATE takes the write lock up front, so a database another process locks for writing (or
  // that cannot be locked) fails here too, not only one whose disk is full.
  const begin = db.prepare('BEGIN IMMEDIATE');
  const write = db.prepare<[string, number]>(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, 'null', ?)
     ON CONFLICT (key) DO UPDATE SET updated_at = excluded.updated_at`,
  );
  const rollback = db.prepare('ROLLBACK');
  // A function, not the property read twice: SQLite itself may end the transaction on an I/O error.
  const inTransaction = (): boolean => db.inTransaction;
  return {
    check() {
      // Inside a caller's transaction a ROLLBACK would undo the caller's work: never probe there.
      if (inTransaction()) return;
      begin.run();
      try {
        write.run(PROBE_KEY, 0);
      } finally {
        if (inTransaction()) rollback.run();
      }
    },
  };
}
