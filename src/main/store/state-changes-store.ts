// The state machine's decisions: each row says an endpoint entered `state` at `since` (backdated to
// the first failing or succeeding check) and when the monitor decided it (`decidedAt`).
import type Database from 'better-sqlite3';
import type { EndpointState } from '../../shared/domain/endpoint';

export interface StateChangeRecord {
  endpointId: string;
  state: EndpointState;
  /** Epoch ms when the new state began (backdated to the evidence). */
  since: number;
  /** Epoch ms when the monitor confirmed the change. */
  decidedAt: number;
}

export interface StateChangeStore {
  insert(change: StateChangeRecord): void;
  latestPerEndpoint(): Map<string, StateChangeRecord>;
  /** Every change of one endpoint, in the order they were decided. */
  listForEndpoint(endpointId: string): StateChangeRecord[];
  /**
   * What the KPIs need for a window, per endpoint: the last change at or before `fromMs` (the state
   * in force at `fromMs`) plus every change with `since` in (fromMs, toMs), ordered by `since`, then
   * id. One read transaction, index seeks only (migration 004): never a scan of the whole history.
   */
  listForWindow(fromMs: number, toMs: number): Map<string, WindowStateChange[]>;
}

/** A change as the KPIs read it: the endpoint is the map key, and the decision time is not needed. */
export type WindowStateChange = Pick<StateChangeRecord, 'state' | 'since'>;

interface StateChangeRow {
  endpoint_id: string;
  state: EndpointState;
  since: number;
  decided_at: number;
}

function toRow(change: StateChangeRecord): StateChangeRow {
  return {
    endpoint_id: change.endpointId,
    state: change.state,
    since: change.since,
    decided_at: change.decidedAt,
  };
}

function fromRow(row: StateChangeRow): StateChangeRecord {
  return { endpointId: row.endpoint_id, state: row.state, since: row.since, decidedAt: row.decided_at };
}

export function createStateChangeStore(db: Database.Database): StateChangeStore {
  const insertOne = db.prepare<[StateChangeRow]>(
    `INSERT INTO state_changes (endpoint_id, state, since, decided_at)
     VALUES (@endpoint_id, @state, @since, @decided_at)`,
  );
  // Order by decision time, then by id: two decisions in the same millisecond keep insertion order.
  const selectLatest = db.prepare<[], StateChangeRow>(
    `SELECT endpoint_id, state, since, decided_at FROM (
       SELECT endpoint_id, state, since, decided_at,
              ROW_NUMBER() OVER (PARTITION BY endpoint_id ORDER BY decided_at DESC, id DESC) AS recency
       FROM state_changes
     ) WHERE recency = 1`,
  );
  const selectForEndpoint = db.prepare<[string], StateChangeRow>(
    `SELECT endpoint_id, state, since, decided_at FROM state_changes
     WHERE endpoint_id = ? ORDER BY decided_at, id`,
  );

  // Loose index scan over the (endpoint_id, since, ...) index: one seek per distinct endpoint
  // instead of reading every row to find them.
  const selectEndpoints = db
    .prepare<[], string>(
      `WITH RECURSIVE eps(e) AS (
         SELECT MIN(endpoint_id) FROM state_changes
         UNION ALL
         SELECT (SELECT MIN(endpoint_id) FROM state_changes WHERE endpoint_id > eps.e) FROM eps WHERE eps.e IS NOT NULL
       ) SELECT e FROM eps WHERE e IS NOT NULL`,
    )
    .pluck();
  // Per endpoint, both served by migration 004's covering index in its own order (no sort step).
  // One number per row, since * 4 + state code, plucked: a 90-day window is ~150 K rows, and a row
  // array plus a string for the endpoint id and the state per row were most of the read's cost.
  // Exact while |since| < 2^50 ms (some 35,000 years).
  const packed = `since * 4 + CASE state WHEN 'up' THEN 1 WHEN 'down' THEN 2 ELSE 0 END`;
  const selectHead = db
    .prepare<[string, number], number>(
      `SELECT ${packed} FROM state_changes WHERE endpoint_id = ? AND since <= ? ORDER BY since DESC, id DESC LIMIT 1`,
    )
    .pluck();
  const selectBody = db
    .prepare<[string, number, number], number>(
      `SELECT ${packed} FROM state_changes WHERE endpoint_id = ? AND since > ? AND since < ? ORDER BY since, id`,
    )
    .pluck();
  const STATES: readonly EndpointState[] = ['unknown', 'up', 'down'];
  const unpack = (value: number): WindowStateChange => {
    const since = Math.floor(value / 4);
    return { state: STATES[value - since * 4] ?? 'unknown', since };
  };
  const readWindow = db.transaction((from: number, to: number) => {
    const out = new Map<string, WindowStateChange[]>();
    for (const endpointId of selectEndpoints.all()) {
      const head = selectHead.get(endpointId, from);
      const body = selectBody.all(endpointId, from, to);
      const list: WindowStateChange[] = head === undefined ? [] : [unpack(head)];
      for (const value of body) list.push(unpack(value));
      if (list.length > 0) out.set(endpointId, list);
    }
    return out;
  });

  return {
    insert(change) {
      insertOne.run(toRow(change));
    },
    latestPerEndpoint() {
      return new Map(selectLatest.all().map((row) => [row.endpoint_id, fromRow(row)]));
    },
    listForEndpoint(endpointId) {
      return selectForEndpoint.all(endpointId).map(fromRow);
    },
    listForWindow(fromMs, toMs) {
      return readWindow(fromMs, toMs);
    },
  };
}
