// Alarms: one per primary outage. An alarm stays on the operator's list until it is both
// acknowledged and cleared (the outage ended).
import type Database from 'better-sqlite3';
import { rowsByIds } from './rows-by-ids';

export interface AlarmRecord {
  id: number;
  outageId: number;
  endpointId: string;
  raisedAt: number;
  clearedAt: number | null;
  acknowledgedAt: number | null;
  acknowledgedBy: string | null;
  note: string | null;
}

export interface AlarmStore {
  insert(alarm: Pick<AlarmRecord, 'id' | 'outageId' | 'endpointId' | 'raisedAt'>): void;
  clearForOutage(outageId: number, clearedAt: number): void;
  /** Returns the updated alarm, or null when there is no such alarm or it was already acknowledged. */
  acknowledge(id: number, at: number, by: string, note: string): AlarmRecord | null;
  maxId(): number;
  get(id: number): AlarmRecord | null;
  /** Not yet acknowledged, or not yet cleared: what the operator still has to look at. */
  active(): AlarmRecord[];
  recent(limit: number): AlarmRecord[];
  /** The alarm of each given outage that has one (secondary outages raise none), by outage id. */
  byOutage(outageIds: readonly number[]): Map<number, AlarmRecord>;
  /**
   * Alarms raised before `atMs` that were, at `atMs`, not yet acknowledged or not yet cleared: what
   * was still open at a past instant (`active` only knows "now"). Oldest first, then by id.
   */
  openAt(atMs: number): AlarmRecord[];
}

/** An `alarms` row as SQLite returns it. */
interface AlarmRow {
  id: number;
  outage_id: number;
  endpoint_id: string;
  raised_at: number;
  cleared_at: number | null;
  acknowledged_at: number | null;
  acknowledged_by: string | null;
  note: string | null;
}

const alarmFromRow = (row: AlarmRow): AlarmRecord => ({
  id: row.id,
  outageId: row.outage_id,
  endpointId: row.endpoint_id,
  raisedAt: row.raised_at,
  clearedAt: row.cleared_at,
  acknowledgedAt: row.acknowledged_at,
  acknowledgedBy: row.acknowledged_by,
  note: row.note,
});

export function createAlarmStore(db: Database.Database): AlarmStore {
  const insertStmt = db.prepare<[number, number, string, number]>(
    'INSERT INTO alarms (id, outage_id, endpoint_id, raised_at) VALUES (?, ?, ?, ?)',
  );
  const clearStmt = db.prepare<[number, number]>(
    'UPDATE alarms SET cleared_at = ? WHERE outage_id = ? AND cleared_at IS NULL',
  );
  const ackStmt = db.prepare<[number, string, string, number]>(
    `UPDATE alarms SET acknowledged_at = ?, acknowledged_by = ?, note = ?
     WHERE id = ? AND acknowledged_at IS NULL`,
  );
  const getStmt = db.prepare<[number], AlarmRow>('SELECT * FROM alarms WHERE id = ?');
  const maxStmt = db.prepare<[], { max: number | null }>('SELECT MAX(id) AS max FROM alarms');
  const activeStmt = db.prepare<[], AlarmRow>(
    'SELECT * FROM alarms WHERE acknowledged_at IS NULL OR cleared_at IS NULL ORDER BY raised_at DESC',
  );
  const recentStmt = db.prepare<[number], AlarmRow>('SELECT * FROM alarms ORDER BY raised_at DESC LIMIT ?');
  const openAtStmt = db.prepare<[number, number, number], AlarmRow>(
    `SELECT * FROM alarms WHERE raised_at < ?
       AND (acknowledged_at IS NULL OR acknowledged_at > ? OR cleared_at IS NULL OR cleared_at > ?)
     ORDER BY raised_at, id`,
  );
  const get = (id: number): AlarmRecord | null => {
    const row = getStmt.get(id);
    return row ? alarmFromRow(row) : null;
  };
  return {
    insert: (a) => void insertStmt.run(a.id, a.outageId, a.endpointId, a.raisedAt),
    clearForOutage: (outageId, clearedAt) => void clearStmt.run(clearedAt, outageId),
    acknowledge(id, at, by, note) {
      return ackStmt.run(at, by, note, id).changes === 1 ? get(id) : null;
    },
    maxId: () => maxStmt.get()?.max ?? 0,
    get,
    active: () => activeStmt.all().map(alarmFromRow),
    recent: (limit) => recentStmt.all(limit).map(alarmFromRow),
    byOutage(outageIds) {
      const rows = rowsByIds<AlarmRow>(
        db,
        (placeholders) => `SELECT * FROM alarms WHERE outage_id IN (${placeholders})`,
        outageIds,
      );
      return new Map(rows.map((row) => [row.outage_id, alarmFromRow(row)]));
    },
    openAt: (atMs) => openAtStmt.all(atMs, atMs, atMs).map(alarmFromRow),
  };
}
