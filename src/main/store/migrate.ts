// Applies the numbered migrations that a database has not seen yet. Every applied migration is
// recorded with a checksum of its SQL, so a shipped migration that was edited afterwards (which would
// leave old and new databases with different schemas under the same id) is refused before anything runs.
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { ALL_MIGRATIONS, type Migration } from './migrations';

export class MigrationChecksumError extends Error {
  override readonly name = 'MigrationChecksumError';
  constructor(
    readonly migration: Migration,
    readonly storedChecksum: string,
    readonly codeChecksum: string,
  ) {
    super(
      `migration ${migration.id} '${migration.name}' was edited after it was applied: ` +
        `the database recorded checksum ${storedChecksum} but the code now has ${codeChecksum}. ` +
        `Restore the original migration and put the change in a new numbered migration.`,
    );
  }
}

export class UnknownAppliedMigrationError extends Error {
  override readonly name = 'UnknownAppliedMigrationError';
  constructor(
    readonly migrationId: number,
    readonly migrationName: string,
  ) {
    super(
      `the database has migration ${migrationId} '${migrationName}' applied, which this version of ` +
        `Linewatch does not know: it was written by a newer app. Refusing to open it.`,
    );
  }
}

export class MigrationFailedError extends Error {
  override readonly name = 'MigrationFailedError';
  constructor(
    readonly migration: Migration,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`migration ${migration.id} '${migration.name}' failed and was rolled back: ${reason}`, { cause });
  }
}

export interface MigrationOutcome {
  /** Ids applied by this call, ascending; empty when the database was already current. */
  applied: number[];
}

interface AppliedMigrationRow {
  id: number;
  name: string;
  checksum: string;
}

export function migrationChecksum(migration: Migration): string {
  return createHash('sha256').update(migration.sql, 'utf8').digest('hex');
}

/**
 * Brings `db` up to date with `migrations` (the app's list by default; tests pass their own).
 * Verification of the whole history happens first, so a refusal leaves the database untouched.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[] = ALL_MIGRATIONS,
  now: () => number = Date.now,
): MigrationOutcome {
  const ordered = orderedMigrations(migrations);
  db.exec(`
    CREATE TABLE IF NOT EXISTS schema_migrations (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      checksum TEXT NOT NULL,
      applied_at INTEGER NOT NULL
    ) STRICT
  `);

  const appliedRows = db
    .prepare<[], AppliedMigrationRow>('SELECT id, name, checksum FROM schema_migrations ORDER BY id')
    .all();
  verifyAppliedHistory(appliedRows, ordered);

  const appliedIds = new Set(appliedRows.map((row) => row.id));
  const isApplied = db.prepare<[number], { id: number }>('SELECT id FROM schema_migrations WHERE id = ?');
  const recordApplied = db.prepare<[number, string, string, number]>(
    'INSERT INTO schema_migrations (id, name, checksum, applied_at) VALUES (?, ?, ?, ?)',
  );

  const outcome: MigrationOutcome = { applied: [] };
  for (const migration of ordered) {
    if (appliedIds.has(migration.id)) continue;
    // One transaction per migration: its DDL and its bookkeeping row commit together or not at all.
    // IMMEDIATE takes the write lock up front, and the re-check inside makes a second process that
    // raced us to the same migration skip it instead of failing on "table already exists".
    const applyOne = db.transaction(() => {
      if (isApplied.get(migration.id)) return false;
      db.exec(migration.sql);
      recordApplied.run(migration.id, migration.name, migrationChecksum(migration), now());
      return true;
    });
    let ran: boolean;
    try {
      ran = applyOne.immediate();
    } catch (error) {
      throw new MigrationFailedError(migration, error);
    }
    if (ran) outcome.applied.push(migration.id);
  }
  return outcome;
}

function verifyAppliedHistory(
  appliedRows: readonly AppliedMigrationRow[],
  known: readonly Migration[],
): void {
  const knownById = new Map(known.map((migration) => [migration.id, migration]));
  for (const row of appliedRows) {
    const migration = knownById.get(row.id);
    if (!migration) throw new UnknownAppliedMigrationError(row.id, row.name);
    const codeChecksum = migrationChecksum(migration);
    if (codeChecksum !== row.checksum)
      throw new MigrationChecksumError(migration, row.checksum, codeChecksum);
  }
}

function orderedMigrations(migrations: readonly Migration[]): Migration[] {
  const ordered = [...migrations].sort((a, b) => a.id - b.id);
  ordered.forEach((migration, index) => {
    if (!Number.isInteger(migration.id) || migration.id < 1) {
      throw new Error(
        `migration '${migration.name}' has invalid id ${migration.id}: ids are positive integers`,
      );
    }
    const previous = ordered[index - 1];
    if (previous && previous.id === migration.id) {
      throw new Error(
        `migrations '${previous.name}' and '${migration.name}' share id ${migration.id}: ids must be unique`,
      );
    }
  });
  return ordered;
}
