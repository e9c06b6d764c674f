// Read-only alarm queries the handover needs and the alarm store does not offer: the alarms behind
// given outages, and the alarms still open at a past instant (the store only knows "open now").
import type { SqliteDatabase } from '../store';
import { alarmFromRow, type AlarmRecord, type AlarmRow } from '../store/alarms-store';

const CHUNK = 500;

/** The alarm of each given outage that has one (secondary outages raise none). */
export function alarmsByOutage(db: SqliteDatabase, outageIds: readonly number[]): Map<number, AlarmRecord> {
  const byOutage = new Map<number, AlarmRecord>();
  // Chunks stay far below SQLite's limit on bound parameters, however long the list.
  for (let i = 0; i < outageIds.length; i += CHUNK) {
    const chunk = outageIds.slice(i, i + CHUNK);
    const rows = db
      .prepare<number[], AlarmRow>(
        `SELECT * FROM alarms WHERE outage_id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk);
    for (const row of rows) byOutage.set(row.outage_id, alarmFromRow(row));
  }
  return byOutage;
}

/** Alarms raised before `atMs` that were, at `atMs`, not yet acknowledged or not yet cleared. */
export function alarmsOpenAt(db: SqliteDatabase, atMs: number): AlarmRecord[] {
  return db
    .prepare<[number, number, number], AlarmRow>(
      `SELECT * FROM alarms WHERE raised_at < ?
         AND (acknowledged_at IS NULL OR acknowledged_at > ? OR cleared_at IS NULL OR cleared_at > ?)
       ORDER BY raised_at, id`,
    )
    .all(atMs, atMs, atMs)
    .map(alarmFromRow);
}

export interface OutageBrief {
  startedAt: number;
  failureMessage: string | null;
}

/** When each given outage started and why, for the alarms a handover lists. */
export function outageBriefs(db: SqliteDatabase, outageIds: readonly number[]): Map<number, OutageBrief> {
  const briefs = new Map<number, OutageBrief>();
  for (let i = 0; i < outageIds.length; i += CHUNK) {
    const chunk = outageIds.slice(i, i + CHUNK);
    const rows = db
      .prepare<number[], { id: number; started_at: number; failure_message: string | null }>(
        `SELECT id, started_at, failure_message FROM outages WHERE id IN (${chunk.map(() => '?').join(',')})`,
      )
      .all(...chunk);
    for (const row of rows)
      briefs.set(row.id, { startedAt: row.started_at, failureMessage: row.failure_message });
  }
  return briefs;
}
