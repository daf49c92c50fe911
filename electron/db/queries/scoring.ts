import type { Db } from '../connection.ts';
import { toCriterion, type CategoryRow, type ContestRow, type CriterionRow, type EntryRow, type ExpertRow, type MaterialRow, type NominationRow, type RubricBandRow } from './contest.ts';

/** One entry as the scorer sees it in a list: where it sits, how many marks it has, and any conflict. */
export interface ScorerEntryRow {
  id: string;
  nomination_id: string;
  category_id: string | null;
  title: string;
  organisation: string;
  region: string;
  criteria: number;
  marked: number;
  conflicted: 0 | 1;
  abstained: 0 | 1;
}

export interface MarkRow {
  expert_id: string;
  entry_id: string;
  criterion_id: string;
  value: number;
  comment: string;
  updated_at: string;
}

export interface ConflictRow {
  expert_id: string;
  entry_id: string;
  source: 'auto' | 'declared' | 'organiser';
  reason: string;
  created_at: string;
}

const ASSIGNED = `EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = :expert
  AND (a.nomination_id = e.nomination_id OR a.category_id = e.category_id OR a.entry_id = e.id))`;

/** Prepared once per workspace: the reads and writes behind scoring. */
export function scoringQueries(db: Db) {
  const scorerEntries = db.prepare<{ expert: string }, ScorerEntryRow>(`
    SELECT e.id, e.nomination_id, e.category_id, e.title, e.organisation, e.region,
      (SELECT count(*) FROM criteria c WHERE c.nomination_id = e.nomination_id) AS criteria,
      (SELECT count(*) FROM marks m WHERE m.expert_id = :expert AND m.entry_id = e.id) AS marked,
      EXISTS (SELECT 1 FROM conflicts k WHERE k.expert_id = :expert AND k.entry_id = e.id) AS conflicted,
      EXISTS (SELECT 1 FROM abstentions s WHERE s.expert_id = :expert AND s.entry_id = e.id) AS abstained
    FROM entries e
    WHERE ${ASSIGNED}
    ORDER BY e.position`);
  const isAssigned = db.prepare<{ expert: string; entry: string }, { ok: 1 }>(`SELECT 1 AS ok FROM entries e WHERE e.id = :entry AND ${ASSIGNED}`);
  const conflict = db.prepare<[string, string], ConflictRow>('SELECT * FROM conflicts WHERE expert_id = ? AND entry_id = ?');
  const marksOf = db.prepare<[string, string], MarkRow>('SELECT * FROM marks WHERE expert_id = ? AND entry_id = ?');
  const entryComment = db.prepare<[string, string], { comment: string }>('SELECT comment FROM entry_comments WHERE expert_id = ? AND entry_id = ?');
  const abstention = db.prepare<[string, string], { reason: string }>('SELECT reason FROM abstentions WHERE expert_id = ? AND entry_id = ?');
  const markOf = db.prepare<[string, string, string], MarkRow>('SELECT * FROM marks WHERE expert_id = ? AND entry_id = ? AND criterion_id = ?');
  const upsertMark = db.prepare(`
    INSERT INTO marks (expert_id, entry_id, criterion_id, value, comment, updated_at) VALUES (?, ?, ?, ?, '', ?)
    ON CONFLICT (expert_id, entry_id, criterion_id) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`);
  const deleteMark = db.prepare('DELETE FROM marks WHERE expert_id = ? AND entry_id = ? AND criterion_id = ?');
  const entry = db.prepare<[string], EntryRow>('SELECT * FROM entries WHERE id = ?');
  const materialsOf = db.prepare<[string], MaterialRow>('SELECT * FROM entry_materials WHERE entry_id = ? ORDER BY position');
  const expert = db.prepare<[string], ExpertRow>('SELECT * FROM experts WHERE id = ?');
  const experts = db.prepare<[], ExpertRow>('SELECT * FROM experts ORDER BY position');
  const contest = db.prepare<[], ContestRow>('SELECT * FROM contests LIMIT 1');
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const setMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const nominations = db.prepare<[], NominationRow>('SELECT * FROM nominations ORDER BY position');
  const nomination = db.prepare<[string], NominationRow>('SELECT * FROM nominations WHERE id = ?');
  const categories = db.prepare<[], CategoryRow>('SELECT * FROM categories ORDER BY nomination_id, position');
  const category = db.prepare<[string, string], CategoryRow>('SELECT * FROM categories WHERE id = ? AND nomination_id = ?');
  const criteriaOf = db.prepare<[string], CriterionRow>('SELECT * FROM criteria WHERE nomination_id = ? ORDER BY position');
  const criterionCounts = db.prepare<[], { nomination_id: string; n: number }>('SELECT nomination_id, count(*) AS n FROM criteria GROUP BY nomination_id');
  const criterion = db.prepare<[string, string], CriterionRow>('SELECT * FROM criteria WHERE id = ? AND nomination_id = ?');
  const bandsOf = db.prepare<[string], RubricBandRow>('SELECT * FROM rubric_bands WHERE criterion_id = ? ORDER BY position');
  const counts = db.prepare<[], { nominations: number; entries: number; experts: number }>(`SELECT
    (SELECT count(*) FROM nominations) AS nominations, (SELECT count(*) FROM entries) AS entries, (SELECT count(*) FROM experts) AS experts`);

  return {
    scorerEntries: (expertId: string) => scorerEntries.all({ expert: expertId }),
    isAssigned: (expertId: string, entryId: string) => isAssigned.get({ expert: expertId, entry: entryId }) !== undefined,
    conflict: (expertId: string, entryId: string) => conflict.get(expertId, entryId) ?? null,
    marksOf: (expertId: string, entryId: string) => marksOf.all(expertId, entryId),
    markOf: (expertId: string, entryId: string, criterionId: string) => markOf.get(expertId, entryId, criterionId) ?? null,
    entryComment: (expertId: string, entryId: string) => entryComment.get(expertId, entryId)?.comment ?? '',
    abstention: (expertId: string, entryId: string) => abstention.get(expertId, entryId) ?? null,
    setMark: (expertId: string, entryId: string, criterionId: string, value: number, at: string) => {
      upsertMark.run(expertId, entryId, criterionId, value, at);
    },
    clearMark: (expertId: string, entryId: string, criterionId: string) => {
      deleteMark.run(expertId, entryId, criterionId);
    },
    entry: (id: string) => entry.get(id) ?? null,
    materialsOf: (entryId: string) => materialsOf.all(entryId),
    expert: (id: string) => expert.get(id) ?? null,
    experts: () => experts.all(),
    contest: () => contest.get() ?? null,
    nominations: () => nominations.all(),
    nomination: (id: string) => nomination.get(id) ?? null,
    categories: () => categories.all(),
    category: (id: string, nominationId: string) => category.get(id, nominationId) ?? null,
    criteriaOf: (nominationId: string) => criteriaOf.all(nominationId).map((r) => toCriterion(r, bandsOf.all(r.id))),
    criterionCounts: () => new Map(criterionCounts.all().map((r) => [r.nomination_id, r.n])),
    /** A criterion of the given nomination, without its rubric (the save path needs only the scale). */
    criterion: (id: string, nominationId: string) => {
      const row = criterion.get(id, nominationId);
      return row ? toCriterion(row, []) : null;
    },
    counts: () => counts.get() ?? { nominations: 0, entries: 0, experts: 0 },
    getMeta: (key: string) => getMeta.get(key)?.value ?? null,
    setMeta: (key: string, value: string) => {
      setMeta.run(key, value);
    },
  };
}

export type ScoringQueries = ReturnType<typeof scoringQueries>;
