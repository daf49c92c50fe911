import type { Db } from '../../db/connection.ts';

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  subject: string;
  detail: Record<string, unknown>;
}

/** Appends one decision to the audit log (the table refuses updates and deletes). */
export function audit(db: Db, now: string, action: string, subject: string, detail: Record<string, unknown> = {}): void {
  db.prepare('INSERT INTO audit_log (at, action, subject, detail) VALUES (?, ?, ?, ?)').run(now, action, subject, JSON.stringify(detail));
}

/** The audit log, newest first. */
export function auditLog(db: Db, limit = 1000): AuditEntry[] {
  return (db.prepare('SELECT id, at, action, subject, detail FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as { id: number; at: string; action: string; subject: string; detail: string }[]).map((r) => ({
    ...r,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
}
