// The device behind each endpoint (issue 13), as the protocol probes report it. The monitor records
// an observation only when what it saw differs from what it last wrote (or to refresh last_seen now
// and then), so this is no write per check. When another device answers at the endpoint (someone
// swapped the PLC, or flashed new firmware), the old identity is kept as `previous` and the change
// goes to the audit log with actor "probe", in the same transaction.
import type Database from 'better-sqlite3';
import { isOtherDevice, type DeviceIdentity } from '../../shared/domain/identity';
import type { AuditLogStore } from './audit-log-store';

export interface IdentityObservation {
  endpointId: string;
  /** Epoch ms of the check that saw it. */
  ts: number;
  identity: DeviceIdentity;
  /** What the probe said beside it (an EtherNet/IP minor fault), null when nothing. */
  note: string | null;
}

export interface StoredIdentity {
  endpointId: string;
  identity: DeviceIdentity;
  /** When this device (vendor, product, serial hash, firmware) was first seen at the endpoint. */
  firstSeen: number;
  lastSeen: number;
  note: string | null;
  /** The device seen before the last change, and when the change was seen; null: never changed. */
  previous: DeviceIdentity | null;
  changedAt: number | null;
}

export interface IdentityStore {
  /** Applies observations in order; returns the endpoints whose device changed. */
  recordMany(observations: readonly IdentityObservation[]): string[];
  get(endpointId: string): StoredIdentity | null;
  all(): Map<string, StoredIdentity>;
}

export const IDENTITY_CHANGED_ACTION = 'identity_changed';

interface IdentityRow {
  endpoint_id: string;
  identity: string;
  first_seen: number;
  last_seen: number;
  note: string | null;
  previous_identity: string | null;
  changed_at: number | null;
}

const parseIdentity = (json: string): DeviceIdentity => JSON.parse(json) as DeviceIdentity;

const fromRow = (row: IdentityRow): StoredIdentity => ({
  endpointId: row.endpoint_id,
  identity: parseIdentity(row.identity),
  firstSeen: row.first_seen,
  lastSeen: row.last_seen,
  note: row.note,
  previous: row.previous_identity === null ? null : parseIdentity(row.previous_identity),
  changedAt: row.changed_at,
});

type RowValues = [string, string, number, number, string | null, string | null, number | null];

export function createIdentityStore(db: Database.Database, auditLog: AuditLogStore): IdentityStore {
  const upsert = db.prepare<RowValues>(
    `INSERT INTO endpoint_identities
       (endpoint_id, identity, first_seen, last_seen, note, previous_identity, changed_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (endpoint_id) DO UPDATE SET identity = excluded.identity,
       first_seen = excluded.first_seen, last_seen = excluded.last_seen, note = excluded.note,
       previous_identity = excluded.previous_identity, changed_at = excluded.changed_at`,
  );
  const selectOne = db.prepare<[string], IdentityRow>(
    'SELECT * FROM endpoint_identities WHERE endpoint_id = ?',
  );
  const selectAll = db.prepare<[], IdentityRow>('SELECT * FROM endpoint_identities ORDER BY endpoint_id');

  const recordOne = (o: IdentityObservation): boolean => {
    const row = selectOne.get(o.endpointId);
    const current = JSON.stringify(o.identity);
    if (row === undefined) {
      upsert.run(o.endpointId, current, o.ts, o.ts, o.note, null, null);
      return false;
    }
    const stored = fromRow(row);
    // A late observation (an import of old checks) must not move last_seen back.
    const lastSeen = Math.max(stored.lastSeen, o.ts);
    if (!isOtherDevice(stored.identity, o.identity)) {
      upsert.run(
        o.endpointId,
        current,
        stored.firstSeen,
        lastSeen,
        o.note,
        row.previous_identity,
        stored.changedAt,
      );
      return false;
    }
    upsert.run(o.endpointId, current, o.ts, Math.max(o.ts, lastSeen), o.note, row.identity, o.ts);
    auditLog.append({
      ts: o.ts,
      actor: 'probe',
      action: IDENTITY_CHANGED_ACTION,
      subject: o.endpointId,
      details: { previous: stored.identity, current: o.identity },
    });
    return true;
  };

  const recordAll = db.transaction((observations: readonly IdentityObservation[]) =>
    observations.filter(recordOne).map((o) => o.endpointId),
  );

  return {
    recordMany: (observations) => (observations.length === 0 ? [] : recordAll(observations)),
    get: (endpointId) => {
      const row = selectOne.get(endpointId);
      return row === undefined ? null : fromRow(row);
    },
    all: () => new Map(selectAll.all().map((row) => [row.endpoint_id, fromRow(row)])),
  };
}
