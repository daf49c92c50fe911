import type { Db } from '../../db/connection.ts';
import { autoConflictFields } from '../../../shared/domain/conflicts.ts';
import type { Assignment, ContestDefinition } from '../../../shared/domain/contest.ts';
import type { Coverage, CoverageState } from '../../../shared/domain/chair.ts';
import { AppError } from '../../../shared/errors.ts';

/** The contest as the latest package revision the chair holds defines it. */
export function latestContest(db: Db, packages: { payload: { contest: ContestDefinition } }[]): ContestDefinition {
  const contest = packages.at(-1)?.payload.contest;
  if (!contest) throw new AppError('workspace.noContest', { path: '' });
  return contest;
}

interface Held {
  /** Marks per expert, then per entry: how many criteria the standing bundle marked. */
  marks: Map<string, Map<string, number>>;
  notes: Map<string, Map<string, 'conflict' | 'abstention'>>;
  drafts: Set<string>;
}

function nested<T>(rows: { expert_id: string; entry_id: string }[], value: (row: never) => T): Map<string, Map<string, T>> {
  const byExpert = new Map<string, Map<string, T>>();
  for (const r of rows) {
    let own = byExpert.get(r.expert_id);
    if (own === undefined) {
      own = new Map<string, T>();
      byExpert.set(r.expert_id, own);
    }
    own.set(r.entry_id, value(r as never));
  }
  return byExpert;
}

/** What the bundles that stand hold, by expert and entry: of every entry, or of `entryId` alone. */
export function heldCoverage(db: Db, entryId?: string): Held {
  const where = entryId === undefined ? '' : 'WHERE entry_id = ?';
  const args = entryId === undefined ? [] : [entryId];
  const marks = nested(db.prepare(`SELECT expert_id, entry_id, count(*) AS n FROM bundle_marks ${where} GROUP BY expert_id, entry_id`).all(...args) as { expert_id: string; entry_id: string; n: number }[], (r: { n: number }) => r.n);
  const notes = nested(
    db.prepare(`SELECT expert_id, entry_id, kind FROM bundle_notes WHERE kind IN ('conflict', 'abstention') ${entryId === undefined ? '' : 'AND entry_id = ?'}`).all(...args) as { expert_id: string; entry_id: string; kind: 'conflict' | 'abstention' }[],
    (r: { kind: 'conflict' | 'abstention' }) => r.kind,
  );
  const drafts = new Set((db.prepare("SELECT expert_id FROM bundles WHERE status = 'current' AND draft = 1").all() as { expert_id: string }[]).map((r) => r.expert_id));
  return { marks, notes, drafts };
}

type Entry = ContestDefinition['entries'][number];
type Expert = ContestDefinition['experts'][number];

/** Each expert's assignments, by what they name (a whole nomination, a category, or one entry). */
interface Assigned {
  nominations: Set<string>;
  categories: Set<string>;
  entries: Set<string>;
}

function assignedOf(assignments: readonly Assignment[]): Map<string, Assigned> {
  const byExpert = new Map<string, Assigned>();
  for (const a of assignments) {
    let own = byExpert.get(a.expertId);
    if (own === undefined) {
      own = { nominations: new Set(), categories: new Set(), entries: new Set() };
      byExpert.set(a.expertId, own);
    }
    if ('nominationId' in a) own.nominations.add(a.nominationId);
    if ('categoryId' in a) own.categories.add(a.categoryId);
    if ('entryId' in a) own.entries.add(a.entryId);
  }
  return byExpert;
}

/** The state of one expert and entry, as coverage shows it. */
export type CoverageOf = (expert: Expert, entry: Entry) => CoverageState;

/**
 * Who was to score what, what arrived, and the conflicts of interest, for any expert and entry of
 * `contest` (of a nomination with `criteria` criteria): indexes built once (assignments by expert, decisions and held marks by expert and
 * entry), so a cell costs a few look-ups rather than a pass over every assignment.
 */
export function coverageOf(contest: ContestDefinition, h: Held, criteria: number): CoverageOf {
  const assigned = assignedOf(contest.assignments);
  const decisions = new Map<string, Map<string, 'conflict' | 'waiver'>>();
  for (const d of contest.conflicts) decisions.set(d.expertId, (decisions.get(d.expertId) ?? new Map()).set(d.entryId, d.kind));
  return (expert, entry) => {
    const own = assigned.get(expert.id);
    const isAssigned = own !== undefined && (own.nominations.has(entry.nominationId) || (entry.categoryId !== null && own.categories.has(entry.categoryId)) || own.entries.has(entry.id));
    if (!isAssigned) return 'notAssigned';
    const decided = decisions.get(expert.id)?.get(entry.id);
    const note = h.notes.get(expert.id)?.get(entry.id);
    if (decided === 'conflict' || (decided !== 'waiver' && autoConflictFields(expert, entry).length > 0) || note === 'conflict') return 'conflict';
    if (note === 'abstention') return 'abstained';
    const n = h.marks.get(expert.id)?.get(entry.id) ?? 0;
    if (n === 0) return 'missing';
    if (h.drafts.has(expert.id)) return 'draft';
    return n >= criteria ? 'complete' : 'partial';
  };
}

/**
 * Experts × entries of one nomination (and category): who was to score what, what arrived, and the
 * conflicts of interest, with the number of complete evaluations each entry has against the minimum.
 * `held` is what the standing bundles hold (heldCoverage), when the caller has it already.
 */
export function coverage(db: Db, contest: ContestDefinition, nominationId: string, categoryId: string | null, held: Held = heldCoverage(db)): Coverage {
  const nomination = contest.nominations.find((n) => n.id === nominationId);
  if (!nomination) throw new AppError('scoring.unknownNomination', { nominationId });
  const entries = contest.entries.filter((e) => e.nominationId === nominationId && (categoryId === null || e.categoryId === categoryId));
  const experts = contest.experts;
  const state = coverageOf(contest, held, nomination.criteria.length);
  const evaluations = new Array<number>(entries.length).fill(0);
  const cells = experts.map((x) =>
    entries.map((e, j) => {
      const s = state(x, e);
      if (s === 'complete') evaluations[j] = (evaluations[j] ?? 0) + 1;
      return s;
    }),
  );
  return {
    nomination: { id: nomination.id, title: nomination.title, minEvaluations: nomination.minEvaluations },
    experts: experts.map((x) => ({ id: x.id, name: x.name })),
    entries: entries.map((e, j) => ({ id: e.id, title: e.title, evaluations: evaluations[j] ?? 0 })),
    cells,
  };
}
