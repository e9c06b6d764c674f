// Where each endpoint's state machine stood at the last flush, so a restart resumes instead of
// starting from unknown, and so the last state interval's end (last check + interval) is known.
import type Database from 'better-sqlite3';
import type { EndpointState, MachineState } from '../../shared/domain/endpoint';

export interface EndpointProgress extends MachineState {
  endpointId: string;
  intervalMs: number;
  openOutageId: number | null;
}

export interface EndpointProgressStore {
  upsertMany(rows: Iterable<EndpointProgress>): void;
  all(): Map<string, EndpointProgress>;
}

interface ProgressRow {
  endpoint_id: string;
  state: EndpointState;
  since: number | null;
  ok_streak: number;
  ok_streak_start: number | null;
  fail_streak: number;
  fail_streak_start: number | null;
  last_check_ts: number | null;
  interval_ms: number;
  open_outage_id: number | null;
}

export function createEndpointProgressStore(db: Database.Database): EndpointProgressStore {
  const upsert = db.prepare(
    `INSERT INTO endpoint_progress (endpoint_id, state, since, ok_streak, ok_streak_start, fail_streak,
       fail_streak_start, last_check_ts, interval_ms, open_outage_id)
     VALUES (@endpointId, @state, @since, @okStreak, @okStreakStart, @failStreak, @failStreakStart,
       @lastCheckTs, @intervalMs, @openOutageId)
     ON CONFLICT (endpoint_id) DO UPDATE SET state = excluded.state, since = excluded.since,
       ok_streak = excluded.ok_streak, ok_streak_start = excluded.ok_streak_start,
       fail_streak = excluded.fail_streak, fail_streak_start = excluded.fail_streak_start,
       last_check_ts = excluded.last_check_ts, interval_ms = excluded.interval_ms,
       open_outage_id = excluded.open_outage_id`,
  );
  const selectAll = db.prepare<[], ProgressRow>('SELECT * FROM endpoint_progress');
  return {
    upsertMany(rows) {
      for (const row of rows) upsert.run(row);
    },
    all() {
      const map = new Map<string, EndpointProgress>();
      for (const r of selectAll.all()) {
        map.set(r.endpoint_id, {
          endpointId: r.endpoint_id,
          state: r.state,
          since: r.since,
          okStreak: r.ok_streak,
          okStreakStart: r.ok_streak_start,
          failStreak: r.fail_streak,
          failStreakStart: r.fail_streak_start,
          lastCheckTs: r.last_check_ts,
          intervalMs: r.interval_ms,
          openOutageId: r.open_outage_id,
        });
      }
      return map;
    },
  };
}
