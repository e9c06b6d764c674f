// Every config the app started monitoring with, kept verbatim so an availability report can say
// which endpoints and thresholds were in force at the time.
import type Database from 'better-sqlite3';
import type { EndpointDiff } from '../config';

export interface ConfigVersionRecord {
  id: number;
  /** Hash of `text`, computed by the config loader. */
  hash: string;
  appliedAt: number;
  source: 'file' | 'demo';
  path: string | null;
  text: string;
  endpointCount: number;
  /** Endpoint-level change against the previous version; null for the first one. */
  diff: EndpointDiff | null;
}

export type NewConfigVersion = Omit<ConfigVersionRecord, 'id' | 'diff'> & { diff?: EndpointDiff | null };

export interface ConfigVersionStore {
  record(version: NewConfigVersion): ConfigVersionRecord;
  latest(): ConfigVersionRecord | null;
  /** The most recent versions first (by id, the order they were applied in), at most `limit`. */
  listRecent(limit: number): ConfigVersionRecord[];
}

interface ConfigVersionRow {
  id: number;
  hash: string;
  applied_at: number;
  source: 'file' | 'demo';
  path: string | null;
  text: string;
  endpoint_count: number;
  diff: string | null;
}

function toRow(version: NewConfigVersion): Omit<ConfigVersionRow, 'id'> {
  return {
    hash: version.hash,
    applied_at: version.appliedAt,
    source: version.source,
    path: version.path,
    text: version.text,
    endpoint_count: version.endpointCount,
    diff: version.diff ? JSON.stringify(version.diff) : null,
  };
}

function fromRow(row: ConfigVersionRow): ConfigVersionRecord {
  return {
    id: row.id,
    hash: row.hash,
    appliedAt: row.applied_at,
    source: row.source,
    path: row.path,
    text: row.text,
    endpointCount: row.endpoint_count,
    diff: row.diff === null ? null : (JSON.parse(row.diff) as EndpointDiff),
  };
}

export function createConfigVersionStore(db: Database.Database): ConfigVersionStore {
  const insertOne = db.prepare<[Omit<ConfigVersionRow, 'id'>]>(
    `INSERT INTO config_versions (hash, applied_at, source, path, text, endpoint_count, diff)
     VALUES (@hash, @applied_at, @source, @path, @text, @endpoint_count, @diff)`,
  );
  // The id, not applied_at, defines "latest": it is the order the app actually applied configs in,
  // even if the wall clock jumped backwards in between.
  const selectLatest = db.prepare<[], ConfigVersionRow>(
    `SELECT id, hash, applied_at, source, path, text, endpoint_count, diff
     FROM config_versions ORDER BY id DESC LIMIT 1`,
  );
  const selectRecent = db.prepare<[number], ConfigVersionRow>(
    `SELECT id, hash, applied_at, source, path, text, endpoint_count, diff
     FROM config_versions ORDER BY id DESC LIMIT ?`,
  );

  return {
    record(version) {
      const { lastInsertRowid } = insertOne.run(toRow(version));
      return { ...version, diff: version.diff ?? null, id: Number(lastInsertRowid) };
    },
    latest() {
      const row = selectLatest.get();
      return row ? fromRow(row) : null;
    },
    listRecent(limit) {
      return selectRecent.all(limit).map(fromRow);
    },
  };
}
