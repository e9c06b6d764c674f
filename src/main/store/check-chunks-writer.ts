// Appends checks to hour chunks. The common case (checks newer than everything in the chunk) appends
// bytes with `data || ?` and never decodes the blob, so a write every 250 ms stays cheap all hour.
// Out-of-order checks take the slow path: decode, merge, re-encode the one chunk.
//
// Duplicates: a check whose (endpoint, ts) is already stored is IGNORED (first write wins). That makes
// a retried batch harmless and keeps the rollups exact without ever having to subtract a check.
import type Database from 'better-sqlite3';
import { HOUR_MS } from '../../shared/time';
import { emptyTail, encodeEntries, type ChunkEntry, type ChunkTail } from './check-chunks-codec';
import { sameDetail, type ChunkReader, type DecodedCheck, type FailureDetail } from './check-chunks-reader';

interface TailRow {
  count: number;
  last_ts: number;
  last_step: number;
}

export interface ChunkWriter {
  /**
   * Stores `checks` (all in the hour starting at `hourStart`, sorted by ts, no ts twice) for one
   * endpoint key and returns those that were new; the rest were already stored.
   */
  append(key: number, hourStart: number, checks: readonly DecodedCheck[]): DecodedCheck[];
}

export function createChunkWriter(db: Database.Database, reader: ChunkReader): ChunkWriter {
  const selectTail = db.prepare<[number, number], TailRow>(
    'SELECT count, last_ts, last_step FROM check_chunks WHERE endpoint_key = ? AND hour_start = ?',
  );
  const selectData = db.prepare<[number, number], { hour_start: number; data: Uint8Array }>(
    'SELECT hour_start, data FROM check_chunks WHERE endpoint_key = ? AND hour_start = ?',
  );
  const insertChunk = db.prepare<[number, number, number, number, number, Buffer]>(
    `INSERT INTO check_chunks (endpoint_key, hour_start, count, last_ts, last_step, data)
     VALUES (?, ?, ?, ?, ?, ?)`,
  );
  // `||` yields TEXT even for blobs; the cast takes the same bytes back as a BLOB (NULs included).
  const appendChunk = db.prepare<[number, number, number, Buffer, number, number]>(
    `UPDATE check_chunks SET count = count + ?, last_ts = ?, last_step = ?, data = CAST(data || ? AS BLOB)
     WHERE endpoint_key = ? AND hour_start = ?`,
  );
  const replaceChunk = db.prepare<[number, number, number, Buffer, number, number]>(
    `UPDATE check_chunks SET count = ?, last_ts = ?, last_step = ?, data = ?
     WHERE endpoint_key = ? AND hour_start = ?`,
  );
  const selectPreviousDetail = db.prepare<
    [number, number, number],
    { error_kind: string | null; error: string | null }
  >(
    `SELECT error_kind, error FROM check_failures
     WHERE endpoint_key = ? AND ts >= ? AND ts < ? ORDER BY ts DESC LIMIT 1`,
  );
  const insertFailure = db.prepare<[number, number, string | null, string | null]>(
    'INSERT INTO check_failures (endpoint_key, ts, error_kind, error) VALUES (?, ?, ?, ?)',
  );
  const deleteFailures = db.prepare<[number, number, number]>(
    'DELETE FROM check_failures WHERE endpoint_key = ? AND ts >= ? AND ts < ?',
  );

  /** Writes failure texts where they differ from the previous detail of the chunk. */
  const storeDetails = (
    key: number,
    checks: readonly DecodedCheck[],
    previous: FailureDetail | null,
  ): void => {
    let last = previous;
    for (const check of checks) {
      if (!check.hasDetail || sameDetail(check.detail, last)) continue;
      insertFailure.run(key, check.ts, check.detail?.errorKind ?? null, check.detail?.error ?? null);
      last = check.detail;
    }
  };

  const appendFast = (key: number, hourStart: number, checks: readonly DecodedCheck[], tail?: TailRow) => {
    const from: ChunkTail = tail ? { lastTs: tail.last_ts, lastStep: tail.last_step } : emptyTail(hourStart);
    const first = checks[0];
    if (tail && first && checks.some((check) => check.hasDetail)) {
      const row = selectPreviousDetail.get(key, hourStart, first.ts);
      storeDetails(key, checks, row ? { errorKind: row.error_kind, error: row.error } : null);
    } else {
      storeDetails(key, checks, null);
    }
    const { bytes, tail: to } = encodeEntries(checks, from);
    if (tail) appendChunk.run(checks.length, to.lastTs, to.lastStep, bytes, key, hourStart);
    else insertChunk.run(key, hourStart, checks.length, to.lastTs, to.lastStep, bytes);
  };

  const mergeSlow = (key: number, hourStart: number, checks: readonly DecodedCheck[]): DecodedCheck[] => {
    const row = selectData.get(key, hourStart);
    const existing = row ? reader.decodeRow(key, row) : [];
    const stored = new Set(existing.map((check) => check.ts));
    const fresh = checks.filter((check) => !stored.has(check.ts));
    if (fresh.length === 0) return [];
    const merged = [...existing, ...fresh].sort((a, b) => a.ts - b.ts);
    deleteFailures.run(key, hourStart, hourStart + HOUR_MS);
    storeDetails(key, merged, null);
    const entries: ChunkEntry[] = merged;
    const { bytes, tail } = encodeEntries(entries, emptyTail(hourStart));
    replaceChunk.run(merged.length, tail.lastTs, tail.lastStep, bytes, key, hourStart);
    return fresh;
  };

  return {
    append(key, hourStart, checks) {
      const first = checks[0];
      if (!first) return [];
      const tail = selectTail.get(key, hourStart);
      if (!tail || first.ts > tail.last_ts) {
        appendFast(key, hourStart, checks, tail);
        return [...checks];
      }
      return mergeSlow(key, hourStart, checks);
    },
  };
}
