import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Nomination } from '../../../shared/domain/contest.ts';
import type { z } from 'zod';
import type { NominationInput } from '../../../shared/domain/editor.ts';
import { readContest } from '../../db/queries/contest.ts';
import type { EditorQueries } from '../../db/queries/editor.ts';

type Parsed = z.output<typeof NominationInput>;

export type NewId = (prefix: string) => string;

function ownerOf(db: Db, table: 'categories' | 'criteria', id: string): string | null {
  return (db.prepare(`SELECT nomination_id AS n FROM ${table} WHERE id = ?`).get(id) as { n: string } | undefined)?.n ?? null;
}

/** The nomination as stored, with its categories and criteria. */
export function readNomination(db: Db, id: string): Nomination {
  const found = readContest(db)?.nominations.find((n) => n.id === id);
  if (!found) throw new AppError('scoring.unknownNomination', { nominationId: id });
  return found;
}

/**
 * Saves one nomination with its categories and criteria as the editor shows them: items missing
 * from the input are removed, the order given becomes the order stored. Refuses to remove a
 * category that still has entries or a criterion that has marks, and to change a scale so that it
 * no longer holds a mark already given (out of its range or between its grid points).
 */
export function saveNomination(db: Db, q: EditorQueries, input: Parsed, newId: NewId, contestId: string): Nomination {
  const id = input.id ?? newId('nom');
  const categories = input.categories.map((c) => ({ ...c, id: c.id ?? newId('cat') }));
  const criteria = input.criteria.map((c) => ({ ...c, id: c.id ?? newId('crit') }));

  db.transaction(() => {
    const exists = db.prepare('SELECT 1 FROM nominations WHERE id = ?').get(id) !== undefined;
    if (exists) {
      db.prepare('UPDATE nominations SET title = ?, description = ?, min_evaluations = ?, rules = ?, awards = ? WHERE id = ?').run(
        input.title, input.description, input.minEvaluations, JSON.stringify(input.rules), JSON.stringify(input.awards), id,
      );
    } else {
      const position = (db.prepare('SELECT coalesce(max(position), -1) + 1 AS p FROM nominations').get() as { p: number }).p;
      db.prepare('INSERT INTO nominations (id, contest_id, position, title, description, min_evaluations, rules, awards) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
        id, contestId, position, input.title, input.description, input.minEvaluations, JSON.stringify(input.rules), JSON.stringify(input.awards),
      );
    }
    for (const item of [...categories.map((c) => ['categories', c.id] as const), ...criteria.map((c) => ['criteria', c.id] as const)]) {
      const owner = ownerOf(db, item[0], item[1]);
      if (owner !== null && owner !== id) throw new AppError('editor.wrongNomination', { id: item[1] });
    }

    const keptCategories = new Set(categories.map((c) => c.id));
    for (const old of db.prepare('SELECT id, title FROM categories WHERE nomination_id = ?').all(id) as { id: string; title: string }[]) {
      if (keptCategories.has(old.id)) continue;
      const count = q.entriesOfCategory(old.id);
      if (count > 0) throw new AppError('editor.categoryHasEntries', { category: old.title, count });
      db.prepare('DELETE FROM assignments WHERE category_id = ?').run(old.id);
      db.prepare('DELETE FROM categories WHERE id = ?').run(old.id);
    }
    // Positions are unique per nomination: park them out of the way before writing the new order.
    db.prepare('UPDATE categories SET position = -1 - position WHERE nomination_id = ?').run(id);
    const upsertCategory = db.prepare(`INSERT INTO categories (id, nomination_id, position, title, description, awards) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, title = excluded.title, description = excluded.description, awards = excluded.awards`);
    categories.forEach((c, i) => upsertCategory.run(c.id, id, i, c.title, c.description, c.awards === null ? null : JSON.stringify(c.awards)));

    const keptCriteria = new Set(criteria.map((c) => c.id));
    for (const old of db.prepare('SELECT id, title FROM criteria WHERE nomination_id = ?').all(id) as { id: string; title: string }[]) {
      if (keptCriteria.has(old.id)) continue;
      const count = q.marksOfCriterion(old.id);
      if (count > 0) throw new AppError('editor.criterionHasMarks', { criterion: old.title, count });
      db.prepare('DELETE FROM criteria WHERE id = ?').run(old.id);
    }
    for (const c of criteria) {
      const outside = q.marksOffScale(c.id, c.scale);
      if (outside > 0) throw new AppError('editor.scaleExcludesMarks', { criterion: c.title, count: outside });
    }
    db.prepare('UPDATE criteria SET position = -1 - position WHERE nomination_id = ?').run(id);
    const upsertCriterion = db.prepare(`INSERT INTO criteria (id, nomination_id, position, group_title, title, description, scale_min, scale_max, scale_step, weight, comment_below)
      VALUES (@id, @nomination, @position, @group, @title, @description, @min, @max, @step, @weight, @commentBelow)
      ON CONFLICT (id) DO UPDATE SET position = excluded.position, group_title = excluded.group_title, title = excluded.title, description = excluded.description,
        scale_min = excluded.scale_min, scale_max = excluded.scale_max, scale_step = excluded.scale_step, weight = excluded.weight, comment_below = excluded.comment_below`);
    const insertBand = db.prepare('INSERT INTO rubric_bands (criterion_id, position, from_value, to_value, text) VALUES (?, ?, ?, ?, ?)');
    criteria.forEach((c, i) => {
      upsertCriterion.run({ id: c.id, nomination: id, position: i, group: c.group, title: c.title, description: c.description, ...c.scale, weight: c.weight, commentBelow: c.commentBelow });
      db.prepare('DELETE FROM rubric_bands WHERE criterion_id = ?').run(c.id);
      c.rubric.forEach((b, bi) => insertBand.run(c.id, bi, b.from, b.to, b.text));
    });
  })();
  return readNomination(db, id);
}

/** Removes a nomination that has no entries yet. */
export function deleteNomination(db: Db, q: EditorQueries, id: string): void {
  const nomination = readNomination(db, id);
  const count = q.entriesOfNomination(id);
  if (count > 0) throw new AppError('editor.nominationHasEntries', { nomination: nomination.title, count });
  db.transaction(() => {
    db.prepare('DELETE FROM assignments WHERE nomination_id = ? OR category_id IN (SELECT id FROM categories WHERE nomination_id = ?)').run(id, id);
    db.prepare('DELETE FROM nominations WHERE id = ?').run(id);
  })();
}

/** Moves a nomination one place up (-1) or down (+1) in the contest's order. */
export function moveNomination(db: Db, id: string, delta: -1 | 1): void {
  const order = (db.prepare('SELECT id FROM nominations ORDER BY position').all() as { id: string }[]).map((r) => r.id);
  const at = order.indexOf(id);
  if (at < 0) throw new AppError('scoring.unknownNomination', { nominationId: id });
  const to = at + delta;
  if (to < 0 || to >= order.length) return;
  [order[at], order[to]] = [order[to] ?? id, order[at] ?? id];
  db.transaction(() => {
    db.prepare('UPDATE nominations SET position = -1 - position').run();
    const set = db.prepare('UPDATE nominations SET position = ? WHERE id = ?');
    order.forEach((nid, i) => set.run(i, nid));
  })();
}
