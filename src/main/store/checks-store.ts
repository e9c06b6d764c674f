// Raw probe results. Stored compactly as one blob per endpoint-hour (check-chunks-*.ts) and folded
// into minute/hour/day rollups (rollups-*.ts) in the same transaction. The monitor calls insertMany
// about every 250 ms; each call commits on its own (WAL, synchronous=NORMAL), so a kill -9 loses at
// most the batch being written.
//
// Duplicates: a check whose (endpoint, ts) is already stored, or repeats earlier in the same batch,
// is ignored (first write wins); a retried batch therefore changes nothing.
import type Database from 'better-sqlite3';
import { rttToUnits, unitsToRtt } from './check-chunks-codec';
import { createEndpointKeys } from './check-chunks-endpoint-keys';
import { createChunkReader, hourStartOf, type DecodedCheck } from './check-chunks-reader';
import { createChunkWriter } from './check-chunks-writer';
import { createRollupWriter } from './rollups-writer';

export interface CheckRecord {
  endpointId: string;
  /** Epoch milliseconds when the probe started. */
  ts: number;
  ok: boolean;
  /** Stored with 0.01 ms resolution. */
  rttMs: number | null;
  errorKind: string | null;
  error: string | null;
}

export interface CheckStore {
  insertMany(checks: readonly CheckRecord[]): void;
  latestPerEndpoint(): Map<string, CheckRecord>;
  /** Checks of one endpoint with fromMs <= ts < toMs, oldest first. */
  listForEndpoint(endpointId: string, fromMs: number, toMs: number): CheckRecord[];
  /** Raw checks currently kept (older ones were pruned by retention). Reads every chunk header. */
  count(): number;
}

const isTextOrNull = (value: unknown): boolean => value === null || typeof value === 'string';

/** Rejects the whole batch before anything is written: a half-applied batch cannot happen. */
function validate(check: CheckRecord): void {
  const valid =
    typeof check.endpointId === 'string' &&
    check.endpointId.length > 0 &&
    Number.isSafeInteger(check.ts) &&
    typeof check.ok === 'boolean' &&
    (check.rttMs === null || (typeof check.rttMs === 'number' && Number.isFinite(check.rttMs))) &&
    isTextOrNull(check.errorKind) &&
    isTextOrNull(check.error);
  if (!valid) throw new TypeError(`invalid check: ${JSON.stringify(check)}`);
}

function toDecoded(check: CheckRecord): DecodedCheck {
  const hasDetail = check.errorKind !== null || check.error !== null;
  return {
    ts: check.ts,
    ok: check.ok,
    rttUnits: rttToUnits(check.rttMs),
    hasDetail,
    detail: hasDetail ? { errorKind: check.errorKind, error: check.error } : null,
  };
}

function toRecord(endpointId: string, check: DecodedCheck): CheckRecord {
  return {
    endpointId,
    ts: check.ts,
    ok: check.ok,
    rttMs: unitsToRtt(check.rttUnits),
    errorKind: check.detail?.errorKind ?? null,
    error: check.detail?.error ?? null,
  };
}

/** endpointId -> hourStart -> checks, each list sorted by ts with repeated ts dropped (first kept). */
function groupByEndpointHour(checks: readonly CheckRecord[]): Map<string, Map<number, DecodedCheck[]>> {
  const groups = new Map<string, Map<number, DecodedCheck[]>>();
  for (const check of checks) {
    let hours = groups.get(check.endpointId);
    if (!hours) groups.set(check.endpointId, (hours = new Map<number, DecodedCheck[]>()));
    const hourStart = hourStartOf(check.ts);
    let list = hours.get(hourStart);
    if (!list) hours.set(hourStart, (list = []));
    list.push(toDecoded(check));
  }
  for (const hours of groups.values()) {
    for (const [hourStart, list] of hours) {
      // Array.prototype.sort is stable, so among equal ts the first in the batch stays first.
      list.sort((a, b) => a.ts - b.ts);
      hours.set(
        hourStart,
        list.filter((check, i) => i === 0 || list[i - 1]?.ts !== check.ts),
      );
    }
  }
  return groups;
}

export function createCheckStore(db: Database.Database): CheckStore {
  const keys = createEndpointKeys(db);
  const reader = createChunkReader(db);
  const writer = createChunkWriter(db, reader);
  const rollups = createRollupWriter(db);
  const selectCount = db.prepare<[], { n: number }>('SELECT coalesce(SUM(count), 0) AS n FROM check_chunks');

  const insertBatch = db.transaction((checks: readonly CheckRecord[]) => {
    for (const [endpointId, hours] of groupByEndpointHour(checks)) {
      const key = keys.keyFor(endpointId);
      for (const [hourStart, list] of hours) {
        const fresh = writer.append(key, hourStart, list);
        if (fresh.length > 0) rollups.addChecks(key, hourStart, fresh);
      }
    }
  });

  return {
    insertMany(checks) {
      if (checks.length === 0) return;
      checks.forEach(validate);
      try {
        insertBatch(checks);
      } catch (error) {
        // Keys created inside the rolled-back transaction no longer exist.
        keys.forget();
        throw error;
      }
    },
    latestPerEndpoint() {
      const latest = new Map<string, CheckRecord>();
      for (const [key, check] of reader.latest()) {
        const endpointId = keys.idOf(key);
        if (endpointId !== undefined) latest.set(endpointId, toRecord(endpointId, check));
      }
      return latest;
    },
    listForEndpoint(endpointId, fromMs, toMs) {
      const key = keys.find(endpointId);
      if (key === undefined) return [];
      return reader.range(key, fromMs, toMs).map((check) => toRecord(endpointId, check));
    },
    count() {
      return selectCount.get()?.n ?? 0;
    },
  };
}
