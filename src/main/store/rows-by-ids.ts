// Reads the rows matching a list of ids, however long the list: SQLite limits the number of bound
// parameters per statement (32,766 since 3.32, 999 before), so the ids go in chunks far below it.
import type Database from 'better-sqlite3';

export const IDS_PER_STATEMENT = 500;

/**
 * `select(placeholders)` returns the statement text with `IN (${placeholders})`; each chunk of
 * ids is bound to it in order, then `trailing`. Rows come back chunk after chunk, in the order SQLite gives them.
 */
export function rowsByIds<Row>(
  db: Database.Database,
  select: (placeholders: string) => string,
  ids: readonly (number | string)[],
  /** Bound after each chunk's ids, for the statement's other `?` (a time window, say). */
  trailing: readonly number[] = [],
): Row[] {
  const rows: Row[] = [];
  for (let i = 0; i < ids.length; i += IDS_PER_STATEMENT) {
    const chunk = ids.slice(i, i + IDS_PER_STATEMENT);
    const statement = db.prepare<(number | string)[], Row>(select(chunk.map(() => '?').join(',')));
    rows.push(...statement.all(...chunk, ...trailing));
  }
  return rows;
}
