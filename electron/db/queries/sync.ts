import type { Db } from '../connection.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import type { ClearedMark } from '../../../shared/domain/expert.ts';
import { scaleProblem } from '../../../shared/scoring/scale.ts';
import { refreshConflicts } from './conflicts.ts';

const inList = (ids: string[]): string => `(SELECT value FROM json_each('${JSON.stringify(ids).replaceAll("'", "''")}'))`;

/**
 * Writes `def` into a workspace: into an empty one (a new contest), or over the contest it holds,
 * bringing it to a newer definition (a later revision of the package) without
 * losing the expert's own work: items are updated in place by id, only what the new revision removed
 * is deleted, and marks are dropped only where their entry, criterion or expert no longer exists,
 * the entry moved to another nomination, or the criterion's new scale does not hold the mark (the
 * history keeps them all; the last are returned, to be named to the user). Comments, abstentions and
 * declared conflicts stay with the entries that remain. One transaction; foreign keys checked at commit.
 */
export function syncContest(db: Db, def: ContestDefinition, now: string): ClearedMark[] {
  const entryIds = def.entries.map((e) => e.id);
  const criterionIds = def.nominations.flatMap((n) => n.criteria.map((c) => c.id));
  const categoryIds = def.nominations.flatMap((n) => n.categories.map((c) => c.id));
  const nominationIds = def.nominations.map((n) => n.id);
  const expertIds = def.experts.map((x) => x.id);

  return db.transaction(() => {
    db.pragma('defer_foreign_keys = ON');
    db.prepare(`DELETE FROM marks WHERE entry_id NOT IN ${inList(entryIds)} OR criterion_id NOT IN ${inList(criterionIds)} OR expert_id NOT IN ${inList(expertIds)}`).run();
    for (const table of ['assignments', 'conflict_decisions', 'rubric_bands', 'entry_materials']) db.prepare(`DELETE FROM ${table}`).run();
    db.prepare(`DELETE FROM entries WHERE id NOT IN ${inList(entryIds)}`).run();
    db.prepare(`DELETE FROM criteria WHERE id NOT IN ${inList(criterionIds)}`).run();
    db.prepare(`DELETE FROM categories WHERE id NOT IN ${inList(categoryIds)}`).run();
    db.prepare(`DELETE FROM nominations WHERE id NOT IN ${inList(nominationIds)}`).run();
    db.prepare(`DELETE FROM experts WHERE id NOT IN ${inList(expertIds)}`).run();
    // Positions are unique: park them before writing the new order.
    for (const table of ['nominations', 'categories', 'criteria', 'entries', 'experts']) db.prepare(`UPDATE ${table} SET position = -1 - position`).run();

    const c = def.contest;
    db.prepare(`INSERT INTO contests (id, title, year, place, starts_on, ends_on, description, is_demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET title = excluded.title, year = excluded.year, place = excluded.place, starts_on = excluded.starts_on,
        ends_on = excluded.ends_on, description = excluded.description, is_demo = excluded.is_demo`).run(
      c.id, c.title, c.year, c.place, c.startsOn, c.endsOn, c.description, c.isDemo ? 1 : 0,
    );
    const nomination = db.prepare(`INSERT INTO nominations (id, contest_id, position, title, description, min_evaluations, rules, awards) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, title = excluded.title, description = excluded.description,
        min_evaluations = excluded.min_evaluations, rules = excluded.rules, awards = excluded.awards`);
    const category = db.prepare(`INSERT INTO categories (id, nomination_id, position, title, description, awards) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET nomination_id = excluded.nomination_id, position = excluded.position, title = excluded.title, description = excluded.description,
        awards = excluded.awards`);
    const criterion = db.prepare(`INSERT INTO criteria (id, nomination_id, position, group_title, title, description, scale_min, scale_max, scale_step, weight, comment_below)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET nomination_id = excluded.nomination_id, position = excluded.position, group_title = excluded.group_title, title = excluded.title,
        description = excluded.description, scale_min = excluded.scale_min, scale_max = excluded.scale_max, scale_step = excluded.scale_step,
        weight = excluded.weight, comment_below = excluded.comment_below`);
    const band = db.prepare('INSERT INTO rubric_bands (criterion_id, position, from_value, to_value, text) VALUES (?, ?, ?, ?, ?)');
    const entry = db.prepare(`INSERT INTO entries (id, nomination_id, category_id, position, title, organisation, region, description, application_no, applied_on)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET nomination_id = excluded.nomination_id, category_id = excluded.category_id, position = excluded.position, title = excluded.title,
        organisation = excluded.organisation, region = excluded.region, description = excluded.description, application_no = excluded.application_no, applied_on = excluded.applied_on`);
    const material = db.prepare('INSERT INTO entry_materials (entry_id, position, kind, title, ref) VALUES (?, ?, ?, ?, ?)');
    const expert = db.prepare(`INSERT INTO experts (id, position, name, organisation, region, job_title, role) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, name = excluded.name, organisation = excluded.organisation, region = excluded.region,
        job_title = excluded.job_title, role = excluded.role`);
    const assignment = db.prepare('INSERT INTO assignments (expert_id, nomination_id, category_id, entry_id) VALUES (?, ?, ?, ?)');
    const decision = db.prepare('INSERT INTO conflict_decisions (expert_id, entry_id, kind, reason, decided_at) VALUES (?, ?, ?, ?, ?)');

    def.nominations.forEach((n, ni) => {
      nomination.run(n.id, c.id, ni, n.title, n.description, n.minEvaluations, JSON.stringify(n.rules), JSON.stringify(n.awards));
      n.categories.forEach((cat, ci) => category.run(cat.id, n.id, ci, cat.title, cat.description, cat.awards === null ? null : JSON.stringify(cat.awards)));
      n.criteria.forEach((cr, ci) => {
        criterion.run(cr.id, n.id, ci, cr.group, cr.title, cr.description, cr.scale.min, cr.scale.max, cr.scale.step, cr.weight, cr.commentBelow);
        cr.rubric.forEach((b, bi) => band.run(cr.id, bi, b.from, b.to, b.text));
      });
    });
    def.entries.forEach((e, i) => {
      entry.run(e.id, e.nominationId, e.categoryId, i, e.title, e.organisation, e.region, e.description, e.applicationNo, e.appliedOn);
      e.materials.forEach((m, mi) => material.run(e.id, mi, m.kind, m.title, m.ref));
    });
    def.experts.forEach((x, i) => expert.run(x.id, i, x.name, x.organisation, x.region, x.position, x.role));
    for (const a of def.assignments) {
      assignment.run(a.expertId, 'nominationId' in a ? a.nominationId : null, 'categoryId' in a ? a.categoryId : null, 'entryId' in a ? a.entryId : null);
    }
    for (const d of def.conflicts) decision.run(d.expertId, d.entryId, d.kind, d.reason, now);
    // A mark belongs to a criterion of its entry's nomination; an entry that moved keeps none.
    db.prepare('DELETE FROM marks WHERE criterion_id NOT IN (SELECT c.id FROM criteria c JOIN entries e ON e.nomination_id = c.nomination_id WHERE e.id = marks.entry_id)').run();
    refreshConflicts(db, now);
    return clearMarksOffScale(db);
  })();
}

interface MarkOnScaleRow {
  expert_id: string;
  entry_id: string;
  criterion_id: string;
  value: number;
  entry: string;
  criterion: string;
  scale_min: number;
  scale_max: number;
  scale_step: number;
}

/**
 * Deletes every mark its criterion's scale does not hold (read exactly, as when a mark is saved), so a
 * stored mark is always a valid one: an entry counts as scored, and a bundle is signed, only from those.
 */
function clearMarksOffScale(db: Db): ClearedMark[] {
  const rows = db.prepare(`SELECT m.expert_id, m.entry_id, m.criterion_id, m.value, e.title AS entry, c.title AS criterion, c.scale_min, c.scale_max, c.scale_step
    FROM marks m JOIN entries e ON e.id = m.entry_id JOIN criteria c ON c.id = m.criterion_id ORDER BY e.position, c.position`).all() as MarkOnScaleRow[];
  const off = rows.filter((r) => scaleProblem(r.value, { min: r.scale_min, max: r.scale_max, step: r.scale_step }) !== null);
  const remove = db.prepare('DELETE FROM marks WHERE expert_id = ? AND entry_id = ? AND criterion_id = ?');
  for (const r of off) remove.run(r.expert_id, r.entry_id, r.criterion_id);
  return off.map((r) => ({ entryId: r.entry_id, entry: r.entry, criterion: r.criterion, value: r.value }));
}
