// Public surface of the store. Other capabilities use these types and factories only.
export { openDatabase, openStore, DATABASE_FILE_NAME, type SqliteDatabase, type Store } from './database';
export {
  migrate,
  migrationChecksum,
  MigrationChecksumError,
  MigrationFailedError,
  UnknownAppliedMigrationError,
  type MigrationOutcome,
} from './migrate';
export { ALL_MIGRATIONS, type Migration } from './migrations';
export { createCheckStore, type CheckRecord, type CheckStore } from './checks-store';
export { createStateChangeStore, type StateChangeRecord, type StateChangeStore } from './state-changes-store';
export {
  createConfigVersionStore,
  type ConfigVersionRecord,
  type ConfigVersionStore,
  type NewConfigVersion,
} from './config-versions-store';
