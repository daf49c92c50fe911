import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import type { AssignmentMatrix, AssignmentScope } from '../../../shared/domain/editor.ts';

/**
 * One nomination (or category) as the assignment matrix shows it: experts, entries, which expert
 * is assigned how, and every conflict of interest with its source, plus the automatic ones waived.
 */
export function readMatrix(db: Db, nominationId: string, categoryId: string | null): AssignmentMatrix {
  const nomination = db.prepare('SELECT id, title FROM nominations WHERE id = ?').get(nominationId) as { id: string; title: string } | undefined;
  if (!nomination) throw new AppError('scoring.unknownNomination', { nominationId });
  const category = categoryId === null ? null : (db.prepare('SELECT id, title FROM categories WHERE id = ? AND nomination_id = ?').get(categoryId, nominationId) as { id: string; title: string } | undefined);
  if (category === undefined) throw new AppError('scoring.unknownCategory', { categoryId: categoryId ?? '', nominationId });

  const entries = db
    .prepare(`SELECT id, title, organisation, region, category_id AS categoryId FROM entries WHERE nomination_id = ? ${categoryId === null ? '' : 'AND category_id = ?'} ORDER BY position`)
    .all(...(categoryId === null ? [nominationId] : [nominationId, categoryId])) as AssignmentMatrix['entries'];
  const ids = new Set(entries.map((e) => e.id));
  const rules = db.prepare('SELECT expert_id, nomination_id, category_id, entry_id FROM assignments').all() as {
    expert_id: string;
    nomination_id: string | null;
    category_id: string | null;
    entry_id: string | null;
  }[];
  const ownCategories = new Set((db.prepare('SELECT id FROM categories WHERE nomination_id = ?').all(nominationId) as { id: string }[]).map((c) => c.id));
  const experts = (db.prepare('SELECT id, name, organisation, region FROM experts ORDER BY position').all() as Pick<AssignmentMatrix['experts'][number], 'id' | 'name' | 'organisation' | 'region'>[]).map((x) => ({
    ...x,
    wholeNomination: rules.some((r) => r.expert_id === x.id && r.nomination_id === nominationId),
    wholeCategory: categoryId !== null && rules.some((r) => r.expert_id === x.id && r.category_id === categoryId),
    categories: rules.filter((r) => r.expert_id === x.id && r.category_id !== null && ownCategories.has(r.category_id)).map((r) => r.category_id ?? ''),
  }));
  const pairs = <T extends { entryId: string }>(rows: T[]) => rows.filter((r) => ids.has(r.entryId));
  return {
    nomination,
    category,
    experts,
    entries,
    single: pairs(rules.filter((r) => r.entry_id !== null).map((r) => ({ expertId: r.expert_id, entryId: r.entry_id ?? '' }))),
    conflicts: pairs(db.prepare('SELECT expert_id AS expertId, entry_id AS entryId, source, reason FROM conflicts').all() as AssignmentMatrix['conflicts']),
    waivers: pairs(db.prepare("SELECT expert_id AS expertId, entry_id AS entryId, reason FROM conflict_decisions WHERE kind = 'waiver'").all() as AssignmentMatrix['waivers']),
  };
}

/** Assigns an expert to a whole nomination, a whole category or one entry, or takes it back. */
export function setAssignment(db: Db, expertId: string, scope: AssignmentScope, assigned: boolean): void {
  if (!db.prepare('SELECT 1 FROM experts WHERE id = ?').get(expertId)) throw new AppError('scoring.unknownExpert', { expertId });
  const column = 'nominationId' in scope ? 'nomination_id' : 'categoryId' in scope ? 'category_id' : 'entry_id';
  const target = 'nominationId' in scope ? scope.nominationId : 'categoryId' in scope ? scope.categoryId : scope.entryId;
  const table = { nomination_id: 'nominations', category_id: 'categories', entry_id: 'entries' }[column];
  if (!db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).get(target)) throw new AppError('editor.unknownTarget', { id: target });
  if (assigned) db.prepare(`INSERT OR IGNORE INTO assignments (expert_id, ${column}) VALUES (?, ?)`).run(expertId, target);
  else db.prepare(`DELETE FROM assignments WHERE expert_id = ? AND ${column} = ?`).run(expertId, target);
}

/**
 * Records the organiser's decision on a conflict of interest: add one the rule misses, waive an
 * automatic one (each with a reason), or (null) go back to what the rule says.
 */
export function decideConflict(db: Db, expertId: string, entryId: string, decision: { kind: 'conflict' | 'waiver'; reason: string } | null, now: string): void {
  if (!db.prepare('SELECT 1 FROM experts WHERE id = ?').get(expertId)) throw new AppError('scoring.unknownExpert', { expertId });
  if (!db.prepare('SELECT 1 FROM entries WHERE id = ?').get(entryId)) throw new AppError('scoring.unknownEntry', { entryId });
  if (decision === null) db.prepare('DELETE FROM conflict_decisions WHERE expert_id = ? AND entry_id = ?').run(expertId, entryId);
  else {
    db.prepare(`INSERT INTO conflict_decisions (expert_id, entry_id, kind, reason, decided_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT (expert_id, entry_id) DO UPDATE SET kind = excluded.kind, reason = excluded.reason, decided_at = excluded.decided_at`).run(expertId, entryId, decision.kind, decision.reason, now);
  }
}
