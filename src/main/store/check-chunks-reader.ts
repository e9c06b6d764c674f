// Reads raw checks back out of hour chunks, joining the failure texts that are stored only where they
// change (see check-chunks-codec.ts for the byte layout).
import type Database from 'better-sqlite3';
import { HOUR_MS } from '../../shared/time';
import { decodeChunk, type ChunkEntry } from './check-chunks-codec';

export interface FailureDetail {
  errorKind: string | null;
  error: string | null;
}

export interface DecodedCheck extends ChunkEntry {
  detail: FailureDetail | null;
}

export interface ChunkRow {
  hour_start: number;
  data: Uint8Array;
}

interface FailureRow {
  ts: number;
  error_kind: string | null;
  error: string | null;
}

export const hourStartOf = (ts: number): number => Math.floor(ts / HOUR_MS) * HOUR_MS;

export const sameDetail = (a: FailureDetail | null, b: FailureDetail | null): boolean =>
  a === b || (a !== null && b !== null && a.errorKind === b.errorKind && a.error === b.error);

/** Gives each entry flagged `hasDetail` the text stored at its ts, else the previous one of the chunk. */
export function attachDetails(
  entries: readonly ChunkEntry[],
  stored: ReadonlyMap<number, FailureDetail>,
): DecodedCheck[] {
  let previous: FailureDetail | null = null;
  return entries.map((entry) => {
    if (!entry.hasDetail) return { ...entry, detail: null };
    previous = stored.get(entry.ts) ?? previous;
    return { ...entry, detail: previous };
  });
}

export interface ChunkReader {
  /** Failure texts stored for one endpoint in [fromMs, toMs), by ts. */
  failures(key: number, fromMs: number, toMs: number): Map<number, FailureDetail>;
  /** Decoded checks of one chunk row, details attached. */
  decodeRow(key: number, row: ChunkRow): DecodedCheck[];
  /** Checks of one endpoint with fromMs <= ts < toMs, oldest first. */
  range(key: number, fromMs: number, toMs: number): DecodedCheck[];
  /** The newest stored check of every endpoint key. */
  latest(): Map<number, DecodedCheck>;
}

export function createChunkReader(db: Database.Database): ChunkReader {
  const selectFailures = db.prepare<[number, number, number], FailureRow>(
    `SELECT ts, error_kind, error FROM check_failures
     WHERE endpoint_key = ? AND ts >= ? AND ts < ? ORDER BY ts`,
  );
  const selectChunks = db.prepare<[number, number, number], ChunkRow>(
    `SELECT hour_start, data FROM check_chunks
     WHERE endpoint_key = ? AND hour_start >= ? AND hour_start < ? ORDER BY hour_start`,
  );
  // The PK index answers MAX(hour_start) per key; the join then fetches just those chunks.
  const selectNewestChunks = db.prepare<[], ChunkRow & { endpoint_key: number }>(
    `SELECT c.endpoint_key, c.hour_start, c.data FROM check_chunks c
     JOIN (SELECT endpoint_key, MAX(hour_start) AS hour_start FROM check_chunks GROUP BY endpoint_key) n
       ON n.endpoint_key = c.endpoint_key AND n.hour_start = c.hour_start`,
  );

  const failures = (key: number, fromMs: number, toMs: number): Map<number, FailureDetail> =>
    new Map(
      selectFailures
        .all(key, fromMs, toMs)
        .map((row) => [row.ts, { errorKind: row.error_kind, error: row.error }]),
    );

  const decodeRow = (key: number, row: ChunkRow): DecodedCheck[] => {
    const entries = decodeChunk(row.hour_start, row.data);
    const anyDetail = entries.some((entry) => entry.hasDetail);
    const stored = anyDetail ? failures(key, row.hour_start, row.hour_start + HOUR_MS) : new Map();
    return attachDetails(entries, stored);
  };

  return {
    failures,
    decodeRow,
    range(key, fromMs, toMs) {
      if (!(toMs > fromMs)) return [];
      const rows = selectChunks.all(key, hourStartOf(fromMs), toMs);
      return rows.flatMap((row) =>
        decodeRow(key, row).filter((check) => check.ts >= fromMs && check.ts < toMs),
      );
    },
    latest() {
      const newest = new Map<number, DecodedCheck>();
      for (const row of selectNewestChunks.all()) {
        const last = decodeRow(row.endpoint_key, row).at(-1);
        if (last) newest.set(row.endpoint_key, last);
      }
      return newest;
    },
  };
}
