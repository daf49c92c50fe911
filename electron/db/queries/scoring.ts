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

/** One missing piece of the scorer's work: a criterion without a mark, or with a low mark and perhaps no comment. */
export interface UnfinishedRow {
  entry_id: string;
  entry_title: string;
  criterion_title: string;
  /** Null: no mark yet. Otherwise a mark below the criterion's comment threshold (its comment still to check). */
  value: number | null;
  comment: string | null;
}

/**
 * Whether entry `e` is assigned to :expert, by a rule for the entry, its category or its nomination:
 * three EXISTS rather than one with OR, so that each is a single probe of an index of 0060.
 */
const ASSIGNED = `(EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = :expert AND a.entry_id = e.id)
  OR EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = :expert AND a.category_id = e.category_id)
  OR EXISTS (SELECT 1 FROM assignments a WHERE a.expert_id = :expert AND a.nomination_id = e.nomination_id))`;

/**
 * The ids of every entry assigned to :expert, found from the expert's own rules: an expert with 50
 * entries in a contest of 10,000 reads 50 rows, not 10,000.
 */
const MINE = `mine (id) AS (
    SELECT a.entry_id FROM assignments a WHERE a.expert_id = :expert AND a.entry_id IS NOT NULL
    UNION
    SELECT e.id FROM assignments a JOIN categories k ON k.id = a.category_id JOIN entries e ON e.nomination_id = k.nomination_id AND e.category_id = k.id
    WHERE a.expert_id = :expert AND a.category_id IS NOT NULL
    UNION
    SELECT e.id FROM assignments a JOIN entries e ON e.nomination_id = a.nomination_id WHERE a.expert_id = :expert AND a.nomination_id IS NOT NULL
  )`;

const CONFLICTED = 'EXISTS (SELECT 1 FROM conflicts k WHERE k.expert_id = :expert AND k.entry_id = e.id)';
const ABSTAINED = 'EXISTS (SELECT 1 FROM abstentions s WHERE s.expert_id = :expert AND s.entry_id = e.id)';

/** The columns of ScorerEntryRow, for entry `e` and :expert; the FROM clause joins CRITERIA_COUNTS. */
const LIST_COLUMNS = `e.id, e.nomination_id, e.category_id, e.title, e.organisation, e.region,
    coalesce(cc.n, 0) AS criteria,
    (SELECT count(*) FROM marks m WHERE m.expert_id = :expert AND m.entry_id = e.id) AS marked,
    ${CONFLICTED} AS conflicted,
    ${ABSTAINED} AS abstained`;

/** Criteria per nomination, counted once per query rather than once per entry. */
const CRITERIA_COUNTS = 'LEFT JOIN (SELECT nomination_id, count(*) AS n FROM criteria GROUP BY nomination_id) cc ON cc.nomination_id = e.nomination_id';

/**
 * The nearest entry before or after :position in the same nomination and category that the scorer
 * can score: assigned, neither conflicted nor abstained. Walks entries_by_place from the entry and
 * stops at the first such one, instead of listing the whole category.
 */
const neighbour = (direction: 'previous' | 'next') => `
  SELECT e.id FROM entries e
  WHERE e.nomination_id = :nomination AND e.category_id IS :category
    AND e.position ${direction === 'next' ? '>' : '<'} :position
    AND ${ASSIGNED} AND NOT ${CONFLICTED} AND NOT ${ABSTAINED}
  ORDER BY e.position ${direction === 'next' ? 'ASC' : 'DESC'}
  LIMIT 1`;

/** Prepared once per workspace: the reads and writes behind scoring. */
export function scoringQueries(db: Db) {
  const scorerEntries = db.prepare<{ expert: string }, ScorerEntryRow>(`
    WITH ${MINE}
    SELECT ${LIST_COLUMNS}
    FROM mine JOIN entries e ON e.id = mine.id ${CRITERIA_COUNTS}
    ORDER BY e.position`);
  const placeEntries = db.prepare<{ expert: string; nomination: string; category: string | null; limit: number }, ScorerEntryRow>(`
    SELECT ${LIST_COLUMNS}
    FROM entries e ${CRITERIA_COUNTS}
    WHERE e.nomination_id = :nomination AND e.category_id IS :category AND ${ASSIGNED}
    ORDER BY e.position
    LIMIT :limit`);
  const placeCount = db.prepare<{ expert: string; nomination: string; category: string | null }, { n: number }>(`
    SELECT count(*) AS n FROM entries e
    WHERE e.nomination_id = :nomination AND e.category_id IS :category AND ${ASSIGNED}`);
  const previous = db.prepare<{ expert: string; nomination: string; category: string | null; position: number }, { id: string }>(neighbour('previous'));
  const next = db.prepare<{ expert: string; nomination: string; category: string | null; position: number }, { id: string }>(neighbour('next'));
  // One row per criterion still missing a mark, or marked below its comment threshold (the rule of
  // needsComment in services/expert/submit.ts; the caller checks the comment, so that "empty" means
  // what String.trim says). Conflicted and abstained entries need nothing.
  const unfinished = db.prepare<{ expert: string }, UnfinishedRow>(`
    WITH ${MINE}
    SELECT e.id AS entry_id, e.title AS entry_title, c.title AS criterion_title, m.value, m.comment
    FROM mine JOIN entries e ON e.id = mine.id
    JOIN criteria c ON c.nomination_id = e.nomination_id
    LEFT JOIN marks m ON m.expert_id = :expert AND m.entry_id = e.id AND m.criterion_id = c.id
    WHERE (m.criterion_id IS NULL OR (c.comment_below IS NOT NULL AND m.value < c.comment_below))
      AND NOT ${CONFLICTED} AND NOT ${ABSTAINED}
    ORDER BY e.position, c.position`);
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
    /** Every entry assigned to the expert, in contest order. */
    scorerEntries: (expertId: string) => scorerEntries.all({ expert: expertId }),
    /** The entries assigned to the expert in one nomination and category, in contest order: the first `first`, or all. */
    placeEntries: (expertId: string, nominationId: string, categoryId: string | null, first: number | null = null) =>
      placeEntries.all({ expert: expertId, nomination: nominationId, category: categoryId, limit: first ?? -1 }),
    /** How many entries are assigned to the expert in one nomination and category. */
    placeCount: (expertId: string, nominationId: string, categoryId: string | null) => placeCount.get({ expert: expertId, nomination: nominationId, category: categoryId })?.n ?? 0,
    /** The ids of the entries before and after `entry` (same place) that the expert can score. */
    neighbours: (expertId: string, entry: EntryRow) => {
      const at = { expert: expertId, nomination: entry.nomination_id, category: entry.category_id, position: entry.position };
      return { previousId: previous.get(at)?.id ?? null, nextId: next.get(at)?.id ?? null };
    },
    unfinished: (expertId: string) => unfinished.all({ expert: expertId }),
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
