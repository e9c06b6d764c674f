// Who did what and when: every acknowledgement and every config change. Append-only.
import type Database from 'better-sqlite3';

export interface AuditEntry {
  id: number;
  ts: number;
  actor: string;
  action: string;
  subject: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogStore {
  append(entry: Omit<AuditEntry, 'id'>): void;
  recent(limit: number): AuditEntry[];
}

interface AuditRow {
  id: number;
  ts: number;
  actor: string;
  action: string;
  subject: string | null;
  details: string;
}

export function createAuditLogStore(db: Database.Database): AuditLogStore {
  const insertStmt = db.prepare<[number, string, string, string | null, string]>(
    'INSERT INTO audit_log (ts, actor, action, subject, details) VALUES (?, ?, ?, ?, ?)',
  );
  const recentStmt = db.prepare<[number], AuditRow>(
    'SELECT * FROM audit_log ORDER BY ts DESC, id DESC LIMIT ?',
  );
  return {
    append: (e) => void insertStmt.run(e.ts, e.actor, e.action, e.subject, JSON.stringify(e.details)),
    recent: (limit) =>
      recentStmt
        .all(limit)
        .map((row) => ({ ...row, details: JSON.parse(row.details) as Record<string, unknown> })),
  };
}
