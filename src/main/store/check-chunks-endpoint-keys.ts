// Maps endpoint ids (text, chosen by the plant engineer) to the small integers that chunk and rollup
// rows carry. Keys are cached because every write batch needs them; they are never deleted, so a
// cached key can only go stale when the transaction that created it rolls back (see `forget`).
import type Database from 'better-sqlite3';

export interface EndpointKeys {
  /** The key of `endpointId`, created if new. Call inside the write transaction. */
  keyFor(endpointId: string): number;
  /** The key of `endpointId` if it was ever written, without creating one. */
  find(endpointId: string): number | undefined;
  idOf(key: number): string | undefined;
  /** Drops the cache after a rolled-back write that may have created keys. */
  forget(): void;
}

export function createEndpointKeys(db: Database.Database): EndpointKeys {
  const insertKey = db.prepare<[string]>(
    'INSERT INTO endpoint_keys (endpoint_id) VALUES (?) ON CONFLICT (endpoint_id) DO NOTHING',
  );
  const selectKey = db.prepare<[string], { endpoint_key: number }>(
    'SELECT endpoint_key FROM endpoint_keys WHERE endpoint_id = ?',
  );
  const selectId = db.prepare<[number], { endpoint_id: string }>(
    'SELECT endpoint_id FROM endpoint_keys WHERE endpoint_key = ?',
  );
  let keyById = new Map<string, number>();
  let idByKey = new Map<number, string>();

  const remember = (endpointId: string, key: number): number => {
    keyById.set(endpointId, key);
    idByKey.set(key, endpointId);
    return key;
  };

  const find = (endpointId: string): number | undefined => {
    const cached = keyById.get(endpointId);
    if (cached !== undefined) return cached;
    // Another process (the headless CLI next to the app) may have created it.
    const row = selectKey.get(endpointId);
    return row ? remember(endpointId, row.endpoint_key) : undefined;
  };

  return {
    find,
    keyFor(endpointId) {
      const known = find(endpointId);
      if (known !== undefined) return known;
      insertKey.run(endpointId);
      const row = selectKey.get(endpointId);
      if (!row) throw new Error(`could not create a key for endpoint ${endpointId}`);
      return remember(endpointId, row.endpoint_key);
    },
    idOf(key) {
      const cached = idByKey.get(key);
      if (cached !== undefined) return cached;
      const row = selectId.get(key);
      if (row) remember(row.endpoint_id, key);
      return row?.endpoint_id;
    },
    forget() {
      keyById = new Map();
      idByKey = new Map();
    },
  };
}
