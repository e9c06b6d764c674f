// Outages as the KPI spec defines them. Ids are allocated by the monitor (single writer per data
// folder) so an outage, its alarm and the checks that caused it commit in one transaction.
import type Database from 'better-sqlite3';
import { rowsByIds } from './rows-by-ids';

export interface OutageRecord {
  id: number;
  endpointId: string;
  startedAt: number;
  detectedAt: number;
  endedAt: number | null;
  endedByGap: boolean;
  inMaintenance: boolean;
  secondaryOfEndpoint: string | null;
  secondaryOfOutage: number | null;
  failureKind: string | null;
  failureMessage: string | null;
  /** From the outage's alarm, when there is one and it was acknowledged. */
  acknowledgedAt: number | null;
}

/** What the KPI report reads of an outage (spec §3 "Outages", "Report JSON"), nothing more. */
export type KpiOutageRecord = Pick<
  OutageRecord,
  | 'id'
  | 'endpointId'
  | 'startedAt'
  | 'detectedAt'
  | 'endedAt'
  | 'endedByGap'
  | 'secondaryOfEndpoint'
  | 'acknowledgedAt'
  | 'failureKind'
  | 'failureMessage'
>;

/** A counted, repaired outage: what an alarm's expected recovery time is the median of. */
export interface RepairRecord {
  endpointId: string;
  startedAt: number;
  endedAt: number;
}

/** When an outage started and why: what a list of alarms shows of each alarm's outage. */
export interface OutageBrief {
  startedAt: number;
  failureMessage: string | null;
}

export interface OutageStore {
  insert(outage: Omit<OutageRecord, 'acknowledgedAt'>): void;
  close(id: number, endedAt: number, endedByGap: boolean): void;
  maxId(): number;
  open(): OutageRecord[];
  /** Outages that overlap [fromMs, toMs), oldest first. */
  overlapping(fromMs: number, toMs: number): OutageRecord[];
  /** Outages with started_at in [fromMs, toMs) (the KPI spec's window rule), by started_at, then id. */
  startedIn(fromMs: number, toMs: number): OutageRecord[];
  /** `startedIn` with only the KPI columns: a 90-day window is ~80 K rows, so every column counts. */
  kpiStartedIn(fromMs: number, toMs: number): KpiOutageRecord[];
  /** The brief of each given outage that exists, by outage id. */
  briefs(outageIds: readonly number[]): Map<number, OutageBrief>;
  /** The given outages that exist, in no particular order. */
  byIds(outageIds: readonly number[]): OutageRecord[];
  /** Outages directly secondary of any of the given ones (served by outages_by_parent, 008). */
  secondariesOf(parentOutageIds: readonly number[]): OutageRecord[];
  /**
   * Outages of the given endpoints that started in [fromMs, toMs), were counted (did not start in
   * maintenance) and were repaired (ended, not by a monitoring gap): one query for every alarmed
   * endpoint, served by outages_by_endpoint. By endpoint, then started_at.
   */
  repairs(endpointIds: readonly string[], fromMs: number, toMs: number): RepairRecord[];
}

type KpiOutageRow = [
  number,
  string,
  number,
  number,
  number | null,
  number,
  string | null,
  number | null,
  string | null,
  string | null,
];

interface OutageRow {
  id: number;
  endpoint_id: string;
  started_at: number;
  detected_at: number;
  ended_at: number | null;
  ended_by_gap: number;
  in_maintenance: number;
  secondary_of_endpoint: string | null;
  secondary_of_outage: number | null;
  failure_kind: string | null;
  failure_message: string | null;
  acknowledged_at: number | null;
}

const fromRow = (row: OutageRow): OutageRecord => ({
  id: row.id,
  endpointId: row.endpoint_id,
  startedAt: row.started_at,
  detectedAt: row.detected_at,
  endedAt: row.ended_at,
  endedByGap: row.ended_by_gap === 1,
  inMaintenance: row.in_maintenance === 1,
  secondaryOfEndpoint: row.secondary_of_endpoint,
  secondaryOfOutage: row.secondary_of_outage,
  failureKind: row.failure_kind,
  failureMessage: row.failure_message,
  acknowledgedAt: row.acknowledged_at,
});

const SELECT = `SELECT o.*, a.acknowledged_at FROM outages o LEFT JOIN alarms a ON a.outage_id = o.id`;

export function createOutageStore(db: Database.Database): OutageStore {
  const insertStmt = db.prepare(
    `INSERT INTO outages (id, endpoint_id, started_at, detected_at, ended_at, ended_by_gap, in_maintenance,
       secondary_of_endpoint, secondary_of_outage, failure_kind, failure_message)
     VALUES (@id, @endpointId, @startedAt, @detectedAt, @endedAt, @endedByGap, @inMaintenance,
       @secondaryOfEndpoint, @secondaryOfOutage, @failureKind, @failureMessage)`,
  );
  const closeStmt = db.prepare<[number, number, number]>(
    'UPDATE outages SET ended_at = ?, ended_by_gap = ? WHERE id = ? AND ended_at IS NULL',
  );
  const maxStmt = db.prepare<[], { max: number | null }>('SELECT MAX(id) AS max FROM outages');
  const openStmt = db.prepare<[], OutageRow>(`${SELECT} WHERE o.ended_at IS NULL ORDER BY o.started_at`);
  const overlapStmt = db.prepare<[number, number], OutageRow>(
    `${SELECT} WHERE o.started_at < ? AND (o.ended_at IS NULL OR o.ended_at > ?) ORDER BY o.started_at, o.id`,
  );
  // Served by outages_by_start (migration 002).
  const startedInStmt = db.prepare<[number, number], OutageRow>(
    `${SELECT} WHERE o.started_at >= ? AND o.started_at < ? ORDER BY o.started_at, o.id`,
  );
  // Raw rows (arrays, not keyed objects): cheaper to build per row. The failure kind and text are
  // the report's cause of each outage (issue 13).
  const kpiStartedInStmt = db
    .prepare<[number, number], KpiOutageRow>(
      `SELECT o.id, o.endpoint_id, o.started_at, o.detected_at, o.ended_at, o.ended_by_gap,
         o.secondary_of_endpoint, a.acknowledged_at, o.failure_kind, o.failure_message
       FROM outages o LEFT JOIN alarms a ON a.outage_id = o.id
       WHERE o.started_at >= ? AND o.started_at < ? ORDER BY o.started_at, o.id`,
    )
    .raw();
  const fromKpiRow = ([
    id,
    endpointId,
    startedAt,
    detectedAt,
    endedAt,
    gap,
    parent,
    ack,
    failureKind,
    failureMessage,
  ]: KpiOutageRow): KpiOutageRecord => ({
    id,
    endpointId,
    startedAt,
    detectedAt,
    endedAt,
    endedByGap: gap === 1,
    secondaryOfEndpoint: parent,
    acknowledgedAt: ack,
    failureKind,
    failureMessage,
  });
  return {
    insert(outage) {
      insertStmt.run({
        ...outage,
        endedByGap: outage.endedByGap ? 1 : 0,
        inMaintenance: outage.inMaintenance ? 1 : 0,
      });
    },
    close(id, endedAt, endedByGap) {
      closeStmt.run(endedAt, endedByGap ? 1 : 0, id);
    },
    maxId: () => maxStmt.get()?.max ?? 0,
    open: () => openStmt.all().map(fromRow),
    overlapping: (fromMs, toMs) => overlapStmt.all(toMs, fromMs).map(fromRow),
    startedIn: (fromMs, toMs) => startedInStmt.all(fromMs, toMs).map(fromRow),
    kpiStartedIn: (fromMs, toMs) => kpiStartedInStmt.all(fromMs, toMs).map(fromKpiRow),
    briefs(outageIds) {
      const rows = rowsByIds<{ id: number; started_at: number; failure_message: string | null }>(
        db,
        (placeholders) => `SELECT id, started_at, failure_message FROM outages WHERE id IN (${placeholders})`,
        outageIds,
      );
      return new Map(
        rows.map((row) => [row.id, { startedAt: row.started_at, failureMessage: row.failure_message }]),
      );
    },
    byIds: (outageIds) =>
      rowsByIds<OutageRow>(db, (placeholders) => `${SELECT} WHERE o.id IN (${placeholders})`, outageIds).map(
        fromRow,
      ),
    secondariesOf: (parentOutageIds) =>
      rowsByIds<OutageRow>(
        db,
        (placeholders) => `${SELECT} WHERE o.secondary_of_outage IN (${placeholders})`,
        parentOutageIds,
      ).map(fromRow),
    repairs(endpointIds, fromMs, toMs) {
      const rows = rowsByIds<{ endpoint_id: string; started_at: number; ended_at: number }>(
        db,
        (placeholders) =>
          `SELECT endpoint_id, started_at, ended_at FROM outages
           WHERE endpoint_id IN (${placeholders}) AND started_at >= ? AND started_at < ?
             AND ended_at IS NOT NULL AND ended_by_gap = 0 AND in_maintenance = 0
           ORDER BY endpoint_id, started_at`,
        endpointIds,
        [fromMs, toMs],
      );
      return rows.map((row) => ({
        endpointId: row.endpoint_id,
        startedAt: row.started_at,
        endedAt: row.ended_at,
      }));
    },
  };
}
