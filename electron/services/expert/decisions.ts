import { AppError } from '../../../shared/errors.ts';
import type { Db } from '../../db/connection.ts';
import { refreshConflicts } from '../../db/queries/conflicts.ts';

/**
 * What an expert decides about an entry besides marks: comments, a declared conflict of interest,
 * an abstention. Declaring a conflict or abstaining removes the expert's marks for the entry (the
 * history keeps them): a conflicted or abstained entry carries no marks in a result bundle.
 */

function conflictOf(db: Db, expertId: string, entryId: string): { source: string } | undefined {
  return db.prepare('SELECT source FROM conflicts WHERE expert_id = ? AND entry_id = ?').get(expertId, entryId) as { source: string } | undefined;
}

function clearMarks(db: Db, expertId: string, entryId: string): void {
  db.prepare('DELETE FROM marks WHERE expert_id = ? AND entry_id = ?').run(expertId, entryId);
}

export function setMarkComment(db: Db, expertId: string, entryId: string, criterionId: string, comment: string, now: string): void {
  const changed = db.prepare('UPDATE marks SET comment = ?, updated_at = ? WHERE expert_id = ? AND entry_id = ? AND criterion_id = ?').run(comment, now, expertId, entryId, criterionId);
  if (changed.changes === 0) throw new AppError('scoring.commentNeedsMark');
}

export function setEntryComment(db: Db, expertId: string, entryId: string, comment: string, now: string): void {
  if (comment.trim() === '') db.prepare('DELETE FROM entry_comments WHERE expert_id = ? AND entry_id = ?').run(expertId, entryId);
  else {
    db.prepare(`INSERT INTO entry_comments (expert_id, entry_id, comment, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (expert_id, entry_id) DO UPDATE SET comment = excluded.comment, updated_at = excluded.updated_at`).run(expertId, entryId, comment, now);
  }
}

export function declareConflict(db: Db, expertId: string, entryId: string, reason: string, now: string): void {
  const existing = conflictOf(db, expertId, entryId);
  if (existing && existing.source !== 'declared') throw new AppError('scoring.alreadyConflicted');
  db.transaction(() => {
    clearMarks(db, expertId, entryId);
    db.prepare('DELETE FROM abstentions WHERE expert_id = ? AND entry_id = ?').run(expertId, entryId);
    db.prepare(`INSERT INTO conflicts (expert_id, entry_id, source, reason, created_at) VALUES (?, ?, 'declared', ?, ?)
      ON CONFLICT (expert_id, entry_id) DO UPDATE SET reason = excluded.reason`).run(expertId, entryId, reason, now);
  })();
}

/** Takes back a conflict the expert declared (an automatic or organiser's one is not the expert's to lift). */
export function withdrawConflict(db: Db, expertId: string, entryId: string, now: string): void {
  const existing = conflictOf(db, expertId, entryId);
  if (existing?.source !== 'declared') throw new AppError('scoring.notDeclared');
  db.transaction(() => {
    db.prepare("DELETE FROM conflicts WHERE expert_id = ? AND entry_id = ? AND source = 'declared'").run(expertId, entryId);
    refreshConflicts(db, now, { expertId, entryId });
  })();
}

export function abstain(db: Db, expertId: string, entryId: string, reason: string, now: string): void {
  if (conflictOf(db, expertId, entryId)) throw new AppError('scoring.alreadyConflicted');
  db.transaction(() => {
    clearMarks(db, expertId, entryId);
    db.prepare(`INSERT INTO abstentions (expert_id, entry_id, reason, created_at) VALUES (?, ?, ?, ?)
      ON CONFLICT (expert_id, entry_id) DO UPDATE SET reason = excluded.reason`).run(expertId, entryId, reason, now);
  })();
}

export function withdrawAbstention(db: Db, expertId: string, entryId: string): void {
  db.prepare('DELETE FROM abstentions WHERE expert_id = ? AND entry_id = ?').run(expertId, entryId);
}
