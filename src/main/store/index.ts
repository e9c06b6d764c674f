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
export { rttToUnits } from './check-chunks-codec';
export {
  createRollupStore,
  type RollupBucket,
  type RollupResolution,
  type RollupStore,
} from './rollups-store';
export { createRetention, schedulePruning, type PruneResult, type Retention } from './retention';
export { createStateChangeStore, type StateChangeRecord, type StateChangeStore } from './state-changes-store';
export {
  createConfigVersionStore,
  type ConfigVersionRecord,
  type ConfigVersionStore,
  type NewConfigVersion,
} from './config-versions-store';
export {
  createOutageStore,
  type KpiOutageRecord,
  type OutageBrief,
  type OutageRecord,
  type OutageStore,
  type RepairRecord,
} from './outages-store';
export { createAlarmStore, type AlarmRecord, type AlarmStore } from './alarms-store';
export { createAuditLogStore, type AuditEntry, type AuditLogStore } from './audit-log-store';
export {
  createEndpointProgressStore,
  type EndpointProgress,
  type EndpointProgressStore,
} from './endpoint-progress-store';
export { createSettingsStore, type SettingsStore } from './settings-store';
export { createConsentStore, type ConsentStore, type StoredConsent } from './consent-store';
export { createStorageSize, type StorageSize, type StorageTier } from './storage-size';
export {
  createNotificationDeliveryStore,
  DELIVERY_STATUSES,
  type DeliveryAttempt,
  type DeliveryStatus,
  type NewNotificationDelivery,
  type NotificationDeliveryRecord,
  type NotificationDeliveryStore,
} from './notification-deliveries-store';
export { createNearMissStore, type NearMissRecord, type NearMissStore } from './near-misses-store';
export { createWriteProbe, type WriteProbe } from './write-probe';
export {
  createIdentityStore,
  IDENTITY_CHANGED_ACTION,
  type IdentityObservation,
  type IdentityStore,
  type StoredIdentity,
} from './identities-store';
