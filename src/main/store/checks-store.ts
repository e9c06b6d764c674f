// Raw probe results, one row per (endpoint, timestamp). Writes arrive in batches from the scheduler,
// so they go through one transaction per batch instead of one fsync per check.
import type Database from 'better-sqlite3';

export interface CheckRecord {
  endpointId: string;
  /** Epoch milliseconds when the probe started. */
  ts: number;
  ok: boolean;
  rttMs: number | null;
  errorKind: string | null;
  error: string | null;
}

export interface CheckStore {
  insertMany(checks: readonly CheckRecord[]): void;
  latestPerEndpoint(): Map<string, CheckRecord>;
  /** Checks of one endpoint with fromMs <= ts < toMs, oldest first. */
  listForEndpoint(endpointId: string, fromMs: number, toMs: number): CheckRecord[];
  count(): number;
}

interface CheckRow {
  endpoint_id: string;
  ts: number;
  ok: 0 | 1;
  rtt_ms: number | null;
  error_kind: string | null;
  error: string | null;
}

const COLUMNS = 'endpoint_id, ts, ok, rtt_ms, error_kind, error';

function toRow(check: CheckRecord): CheckRow {
  return {
    endpoint_id: check.endpointId,
    ts: check.ts,
    // SQLite has no boolean and better-sqlite3 refuses to bind one.
    ok: check.ok ? 1 : 0,
    rtt_ms: check.rttMs,
    error_kind: check.errorKind,
    error: check.error,
  };
}

function fromRow(row: CheckRow): CheckRecord {
  return {
    endpointId: row.endpoint_id,
    ts: row.ts,
    ok: row.ok === 1,
    rttMs: row.rtt_ms,
    errorKind: row.error_kind,
    error: row.error,
  };
}

export function createCheckStore(db: Database.Database): CheckStore {
  // OR REPLACE: a retried batch or a clock that repeats a millisecond must not abort the whole batch;
  // the later result for the same (endpoint, ts) wins.
  const insertOne = db.prepare<[CheckRow]>(
    `INSERT OR REPLACE INTO checks (${COLUMNS})
     VALUES (@endpoint_id, @ts, @ok, @rtt_ms, @error_kind, @error)`,
  );
  const insertBatch = db.transaction((checks: readonly CheckRecord[]) => {
    for (const check of checks) insertOne.run(toRow(check));
  });
  // SQLite guarantees that with a single MAX() the bare columns come from the row holding the maximum;
  // the (endpoint_id, ts) primary key makes this one pass over the index.
  const selectLatest = db.prepare<[], CheckRow>(
    `SELECT endpoint_id, MAX(ts) AS ts, ok, rtt_ms, error_kind, error FROM checks GROUP BY endpoint_id`,
  );
  const selectRange = db.prepare<[string, number, number], CheckRow>(
    `SELECT ${COLUMNS} FROM checks WHERE endpoint_id = ? AND ts >= ? AND ts < ? ORDER BY ts`,
  );
  const selectCount = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM checks');

  return {
    insertMany(checks) {
      if (checks.length > 0) insertBatch(checks);
    },
    latestPerEndpoint() {
      return new Map(selectLatest.all().map((row) => [row.endpoint_id, fromRow(row)]));
    },
    listForEndpoint(endpointId, fromMs, toMs) {
      return selectRange.all(endpointId, fromMs, toMs).map(fromRow);
    },
    count() {
      return selectCount.get()?.n ?? 0;
    },
  };
}
