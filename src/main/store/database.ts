// Opens the Linewatch SQLite database and wires the repositories. Plain Node: the Electron shell and
// the headless host both open the store through here.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { RetentionPolicy } from '../config';
import { migrate } from './migrate';
import { createCheckStore, type CheckStore } from './checks-store';
import { createStateChangeStore, type StateChangeStore } from './state-changes-store';
import { createConfigVersionStore, type ConfigVersionStore } from './config-versions-store';
import { createRollupStore, type RollupStore } from './rollups-store';
import { createOutageStore, type OutageStore } from './outages-store';
import { createAlarmStore, type AlarmStore } from './alarms-store';
import { createAuditLogStore, type AuditLogStore } from './audit-log-store';
import { createEndpointProgressStore, type EndpointProgressStore } from './endpoint-progress-store';
import { createSettingsStore, type SettingsStore } from './settings-store';
import { createConsentStore, type ConsentStore } from './consent-store';
import {
  createNotificationDeliveryStore,
  type NotificationDeliveryStore,
} from './notification-deliveries-store';
import { createNearMissStore, type NearMissStore } from './near-misses-store';
import { createIdentityStore, type IdentityStore } from './identities-store';
import { createRetention, type Retention } from './retention';
import { createStorageSize, type StorageSize } from './storage-size';
import { createWriteProbe, type WriteProbe } from './write-probe';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE_NAME = 'linewatch.sqlite';

export interface Store {
  /**
   * The raw connection, for the store's own modules, migrations and tests. Other capabilities use
   * the repositories below and `transaction`, so every SQL statement stays in this folder.
   */
  readonly db: SqliteDatabase;
  readonly checks: CheckStore;
  readonly stateChanges: StateChangeStore;
  readonly configVersions: ConfigVersionStore;
  /** Minute/hour/day buckets kept current by `checks.insertMany`. */
  readonly rollups: RollupStore;
  readonly outages: OutageStore;
  readonly alarms: AlarmStore;
  readonly auditLog: AuditLogStore;
  readonly progress: EndpointProgressStore;
  readonly settings: SettingsStore;
  readonly consent: ConsentStore;
  /** The log of alarm notifications sent (or tried) per channel. */
  readonly notificationDeliveries: NotificationDeliveryStore;
  /** Failed streaks that ended before `down_after` (issue 12), written by the monitor. */
  readonly nearMisses: NearMissStore;
  /** The device behind each endpoint as the protocol probes report it (issue 13), by the monitor. */
  readonly identities: IdentityStore;
  /**
   * Runs `work` in one transaction (nested calls become savepoints): the monitor's writes, an
   * acknowledgement with its audit entry, a report's consistent read.
   */
  transaction<T>(work: () => T): T;
  /** The pruner for `policy` (the config's; a reload brings a new one). */
  retention(policy: RetentionPolicy): Retention;
  /** How much room each tier takes on disk. */
  readonly storage: StorageSize;
  /** A write that is always rolled back: does the database still take writes? (health, issue 14) */
  readonly writeProbe: WriteProbe;
  /** Folds the WAL back into the main file and closes; safe to call more than once. */
  close(): void;
}

/** Opens (creating if needed) the database file, applies connection pragmas and runs migrations. */
export function openDatabase(file: string): SqliteDatabase {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    // WAL lets the dashboard read while the monitor writes; with WAL, NORMAL keeps the database
    // consistent on power loss (it may only lose the last commits), which suits a probe log.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // A second process (headless CLI next to the app) may hold the write lock briefly.
    db.pragma('busy_timeout = 5000');
    // better-sqlite3 builds SQLite with a 16 MB page cache per connection. It fills as the file
    // grows, so a day-old serve held 16 MB more than a fresh one; 4 MB keeps the hot pages (the
    // newest checks and open outages) while the OS file cache serves the rest as well.
    db.pragma('cache_size = -4000');
    migrate(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

export function openStore(dataDir: string): Store {
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME));
  try {
    const auditLog = createAuditLogStore(db);
    return {
      db,
      checks: createCheckStore(db),
      stateChanges: createStateChangeStore(db),
      configVersions: createConfigVersionStore(db),
      rollups: createRollupStore(db),
      outages: createOutageStore(db),
      alarms: createAlarmStore(db),
      auditLog,
      progress: createEndpointProgressStore(db),
      settings: createSettingsStore(db),
      consent: createConsentStore(db),
      notificationDeliveries: createNotificationDeliveryStore(db),
      nearMisses: createNearMissStore(db),
      identities: createIdentityStore(db, auditLog),
      transaction: (work) => db.transaction(work)(),
      retention: (policy) => createRetention(db, policy),
      storage: createStorageSize(db),
      writeProbe: createWriteProbe(db),
      close: () => closeDatabase(db),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function closeDatabase(db: SqliteDatabase): void {
  if (!db.open) return;
  // TRUNCATE leaves a single self-contained file behind, so copying the data folder is a full backup.
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
