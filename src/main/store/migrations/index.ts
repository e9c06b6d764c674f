// The schema history, oldest first. Append new migrations here; never reorder or edit shipped ones.
import { initialMigration } from './001-initial';
import { outagesAlarmsAuditMigration } from './002-outages-alarms-audit';
import { compactChecksRollupsMigration } from './003-compact-checks-rollups';
import { kpiIndexesMigration } from './004-kpi-indexes';
import { consentMigration } from './005-consent';
import { settingsMigration } from './006-settings';
import { notificationDeliveriesMigration } from './007-notification-deliveries';
import { outagesByParentMigration } from './008-outages-by-parent';
import { nearMissesMigration } from './009-near-misses';
import { endpointIdentitiesMigration } from './010-endpoint-identities';
import type { Migration } from './migration';

export type { Migration } from './migration';

export const ALL_MIGRATIONS: readonly Migration[] = [
  initialMigration,
  outagesAlarmsAuditMigration,
  compactChecksRollupsMigration,
  kpiIndexesMigration,
  consentMigration,
  settingsMigration,
  notificationDeliveriesMigration,
  outagesByParentMigration,
  nearMissesMigration,
  endpointIdentitiesMigration,
];
