// The health check's probe write: it goes through on a writable database and leaves nothing behind,
// and fails with SQLite's own error on a database that refuses writes.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createWriteProbe, DATABASE_FILE_NAME } from '@src/main/store';
import { useTempStores } from '../../../support/temp-store';

const setup = useTempStores('write-probe');

describe('write probe', () => {
  it('writes in a transaction that is rolled back', () => {
    const { store } = setup();
    store.writeProbe.check();
    expect(store.db.inTransaction).toBe(false);
    expect(store.settings.get('health.write-probe')).toBeUndefined();
  });

  it('never probes inside a caller transaction (its rollback would undo the caller)', () => {
    const { store } = setup();
    store.transaction(() => {
      store.settings.set('kept', 1, 0);
      store.writeProbe.check();
    });
    expect(store.settings.get('kept')).toBe(1);
  });

  it('throws the database error when the database refuses writes', () => {
    const { dir } = setup();
    const readOnly = new Database(path.join(dir, DATABASE_FILE_NAME), { readonly: true });
    try {
      expect(() => createWriteProbe(readOnly).check()).toThrow(/readonly/i);
      expect(readOnly.inTransaction).toBe(false);
    } finally {
      readOnly.close();
    }
  });
});
