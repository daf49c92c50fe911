import type { Db } from '../connection.ts';
import type { Entry, Expert } from '../../../shared/domain/contest.ts';
import { scaleProblem, type Scale } from '../../../shared/scoring/scale.ts';
import type { ExpertRow } from './contest.ts';

/** Prepared once per workspace: the writes behind the contest editor. */
export function editorQueries(db: Db) {
  const count = (sql: string) => {
    const statement = db.prepare<unknown[], { n: number }>(sql);
    return (...args: unknown[]) => statement.get(...args)?.n ?? 0;
  };
  const upsertEntry = db.prepare(`
    INSERT INTO entries (id, nomination_id, category_id, position, title, organisation, region, description, application_no, applied_on)
    VALUES (@id, @nominationId, @categoryId, @position, @title, @organisation, @region, @description, @applicationNo, @appliedOn)
    ON CONFLICT (id) DO UPDATE SET nomination_id = excluded.nomination_id, category_id = excluded.category_id, title = excluded.title,
      organisation = excluded.organisation, region = excluded.region, description = excluded.description,
      application_no = excluded.application_no, applied_on = excluded.applied_on`);
  const deleteMaterials = db.prepare('DELETE FROM entry_materials WHERE entry_id = ?');
  const insertMaterial = db.prepare('INSERT INTO entry_materials (entry_id, position, kind, title, ref) VALUES (?, ?, ?, ?, ?)');
  const upsertExpert = db.prepare(`
    INSERT INTO experts (id, position, name, organisation, region, job_title, role) VALUES (@id, @position, @name, @organisation, @region, @position_title, @role)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, organisation = excluded.organisation, region = excluded.region,
      job_title = excluded.job_title, role = excluded.role`);
  const idTaken = db.prepare(`SELECT 1 FROM nominations WHERE id = @id UNION ALL SELECT 1 FROM categories WHERE id = @id
    UNION ALL SELECT 1 FROM criteria WHERE id = @id UNION ALL SELECT 1 FROM entries WHERE id = @id UNION ALL SELECT 1 FROM experts WHERE id = @id`);
  const nextEntryPosition = db.prepare<[], { p: number }>('SELECT coalesce(max(position), -1) + 1 AS p FROM entries');
  const nextExpertPosition = db.prepare<[], { p: number }>('SELECT coalesce(max(position), -1) + 1 AS p FROM experts');
  const markValues = db.prepare<[string], { value: number }>('SELECT value FROM marks WHERE criterion_id = ?');

  return {
    marksOfEntry: count('SELECT count(*) AS n FROM marks WHERE entry_id = ?'),
    marksOfExpert: count('SELECT count(*) AS n FROM marks WHERE expert_id = ?'),
    marksOfCriterion: count('SELECT count(*) AS n FROM marks WHERE criterion_id = ?'),
    /** How many marks of a criterion `scale` does not hold, read exactly (out of range or between its grid points). */
    marksOffScale: (criterionId: string, scale: Scale) => markValues.all(criterionId).filter((m) => scaleProblem(m.value, scale) !== null).length,
    entriesOfCategory: count('SELECT count(*) AS n FROM entries WHERE category_id = ?'),
    entriesOfNomination: count('SELECT count(*) AS n FROM entries WHERE nomination_id = ?'),
    entryMarkCounts: () =>
      new Map((db.prepare('SELECT entry_id, count(*) AS n FROM marks GROUP BY entry_id').all() as { entry_id: string; n: number }[]).map((r) => [r.entry_id, r.n])),
    expertMarkCounts: () =>
      new Map((db.prepare('SELECT expert_id, count(*) AS n FROM marks GROUP BY expert_id').all() as { expert_id: string; n: number }[]).map((r) => [r.expert_id, r.n])),
    idTaken: (id: string) => idTaken.get({ id }) !== undefined,
    saveEntry(e: Entry): void {
      const position = (db.prepare('SELECT position FROM entries WHERE id = ?').get(e.id) as { position: number } | undefined)?.position ?? nextEntryPosition.get()?.p ?? 0;
      upsertEntry.run({
        id: e.id, nominationId: e.nominationId, categoryId: e.categoryId, position, title: e.title, organisation: e.organisation,
        region: e.region, description: e.description, applicationNo: e.applicationNo, appliedOn: e.appliedOn,
      });
      deleteMaterials.run(e.id);
      e.materials.forEach((m, i) => insertMaterial.run(e.id, i, m.kind, m.title, m.ref));
    },
    saveExpert(x: Expert): void {
      const existing = db.prepare('SELECT position FROM experts WHERE id = ?').get(x.id) as Pick<ExpertRow, 'position'> | undefined;
      upsertExpert.run({ id: x.id, position: existing?.position ?? nextExpertPosition.get()?.p ?? 0, name: x.name, organisation: x.organisation, region: x.region, position_title: x.position, role: x.role });
    },
  };
}

export type EditorQueries = ReturnType<typeof editorQueries>;
