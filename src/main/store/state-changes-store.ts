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
}

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
  };
}
