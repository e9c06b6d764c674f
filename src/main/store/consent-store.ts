// The stored telemetry consent (table `consent`, migration 005): a single row, replaced on every
// decision. Policy and environment overrides are applied by the telemetry capability, not here.
import type Database from 'better-sqlite3';
import type { ConsentChoice } from '../../shared/telemetry/consent';

export interface StoredConsent {
  choice: ConsentChoice;
  decidedAt: number;
  appVersion: string;
  identityEpoch: number;
}

export interface ConsentStore {
  /** null: nobody on this machine has decided yet. */
  get(): StoredConsent | null;
  save(choice: ConsentChoice, decidedAt: number, appVersion: string): StoredConsent;
  /**
   * "Forget me": a new analytics identity; the choice itself stays. Returns the new epoch, or null
   * when nothing is stored (a preset choice): the caller then counts in memory.
   */
  bumpIdentityEpoch(): number | null;
}

interface ConsentRow {
  error_diagnostics: number;
  performance: number;
  usage_analytics: number;
  decided_at: number;
  app_version: string;
  identity_epoch: number;
}

const fromRow = (row: ConsentRow): StoredConsent => ({
  choice: {
    error_diagnostics: row.error_diagnostics === 1,
    performance: row.performance === 1,
    usage_analytics: row.usage_analytics === 1,
  },
  decidedAt: row.decided_at,
  appVersion: row.app_version,
  identityEpoch: row.identity_epoch,
});

export function createConsentStore(db: Database.Database): ConsentStore {
  const select = db.prepare<[], ConsentRow>(
    `SELECT error_diagnostics, performance, usage_analytics, decided_at, app_version, identity_epoch
     FROM consent WHERE id = 1`,
  );
  const upsert = db.prepare<[Omit<ConsentRow, 'identity_epoch'>]>(
    `INSERT INTO consent (id, error_diagnostics, performance, usage_analytics, decided_at, app_version)
     VALUES (1, @error_diagnostics, @performance, @usage_analytics, @decided_at, @app_version)
     ON CONFLICT (id) DO UPDATE SET error_diagnostics = excluded.error_diagnostics,
       performance = excluded.performance, usage_analytics = excluded.usage_analytics,
       decided_at = excluded.decided_at, app_version = excluded.app_version`,
  );
  const bump = db.prepare<[]>('UPDATE consent SET identity_epoch = identity_epoch + 1 WHERE id = 1');

  const get = (): StoredConsent | null => {
    const row = select.get();
    return row ? fromRow(row) : null;
  };
  return {
    get,
    save(choice, decidedAt, appVersion) {
      upsert.run({
        error_diagnostics: choice.error_diagnostics ? 1 : 0,
        performance: choice.performance ? 1 : 0,
        usage_analytics: choice.usage_analytics ? 1 : 0,
        decided_at: decidedAt,
        app_version: appVersion,
      });
      const saved = get();
      if (!saved) throw new Error('consent row vanished after saving');
      return saved;
    },
    bumpIdentityEpoch() {
      return db.transaction(() => {
        if (!get()) return null;
        bump.run();
        return get()?.identityEpoch ?? null;
      })();
    },
  };
}
