// Brings a database to one version of the schema history, the way Signal Desktop's `updateToVersion`
// does: a migration test takes a fresh database to n-1, inserts rows of the old shape, then migrates
// to n and checks what became of them. The migrations are the app's own (ALL_MIGRATIONS), never a
// hand-picked list, so a test cannot skip one the app would run.
import { ALL_MIGRATIONS, migrate, type MigrationOutcome, type SqliteDatabase } from '@src/main/store';

/** Applies every app migration up to and including `version` that `db` has not seen yet. */
export function migrateTo(db: SqliteDatabase, version: number): MigrationOutcome {
  if (!ALL_MIGRATIONS.some((migration) => migration.id === version)) {
    throw new Error(`no migration ${version}: the app has ${ALL_MIGRATIONS.map((m) => m.id).join(', ')}`);
  }
  return migrate(
    db,
    ALL_MIGRATIONS.filter((migration) => migration.id <= version),
  );
}
