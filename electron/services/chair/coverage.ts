import type { Db } from '../../db/connection.ts';
import { autoConflictFields } from '../../../shared/domain/conflicts.ts';
import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import type { Coverage, CoverageState } from '../../../shared/domain/chair.ts';
import { AppError } from '../../../shared/errors.ts';

/** The contest as the latest package revision the chair holds defines it. */
export function latestContest(db: Db, packages: { payload: { contest: ContestDefinition } }[]): ContestDefinition {
  const contest = packages.at(-1)?.payload.contest;
  if (!contest) throw new AppError('workspace.noContest', { path: '' });
  return contest;
}

interface Held {
  marks: Map<string, number>;
  notes: Map<string, 'conflict' | 'abstention'>;
  drafts: Set<string>;
}

/** What the bundles that stand hold, by expert and entry. */
function held(db: Db): Held {
  const key = (x: string, e: string) => `${x}\0${e}`;
  const marks = new Map((db.prepare("SELECT m.expert_id, m.entry_id, count(*) AS n FROM bundle_marks m GROUP BY m.expert_id, m.entry_id").all() as { expert_id: string; entry_id: string; n: number }[]).map((r) => [key(r.expert_id, r.entry_id), r.n]));
  const notes = new Map((db.prepare("SELECT expert_id, entry_id, kind FROM bundle_notes WHERE kind IN ('conflict', 'abstention')").all() as { expert_id: string; entry_id: string; kind: 'conflict' | 'abstention' }[]).map((r) => [key(r.expert_id, r.entry_id), r.kind]));
  const drafts = new Set((db.prepare("SELECT expert_id FROM bundles WHERE status = 'current' AND draft = 1").all() as { expert_id: string }[]).map((r) => r.expert_id));
  return { marks, notes, drafts };
}

/**
 * Experts × entries of one nomination (and category): who was to score what, what arrived, and the
 * conflicts of interest, with the number of complete evaluations each entry has against the minimum.
 */
export function coverage(db: Db, contest: ContestDefinition, nominationId: string, categoryId: string | null): Coverage {
  const nomination = contest.nominations.find((n) => n.id === nominationId);
  if (!nomination) throw new AppError('scoring.unknownNomination', { nominationId });
  const entries = contest.entries.filter((e) => e.nominationId === nominationId && (categoryId === null || e.categoryId === categoryId));
  const experts = contest.experts;
  const h = held(db);
  const criteria = nomination.criteria.length;
  const decisions = new Map(contest.conflicts.map((d) => [`${d.expertId}\0${d.entryId}`, d.kind]));
  const state = (expertId: string, entry: (typeof entries)[number]): CoverageState => {
    const k = `${expertId}\0${entry.id}`;
    const expert = experts.find((x) => x.id === expertId);
    const assigned = contest.assignments.some((a) => a.expertId === expertId && (('nominationId' in a && a.nominationId === entry.nominationId) || ('categoryId' in a && a.categoryId === entry.categoryId) || ('entryId' in a && a.entryId === entry.id)));
    if (!assigned) return 'notAssigned';
    const decided = decisions.get(k);
    if (decided === 'conflict' || (decided !== 'waiver' && expert && autoConflictFields(expert, entry).length > 0) || h.notes.get(k) === 'conflict') return 'conflict';
    if (h.notes.get(k) === 'abstention') return 'abstained';
    const n = h.marks.get(k) ?? 0;
    if (n === 0) return 'missing';
    if (h.drafts.has(expertId)) return 'draft';
    return n >= criteria ? 'complete' : 'partial';
  };
  const cells = experts.map((x) => entries.map((e) => state(x.id, e)));
  return {
    nomination: { id: nomination.id, title: nomination.title, minEvaluations: nomination.minEvaluations },
    experts: experts.map((x) => ({ id: x.id, name: x.name })),
    entries: entries.map((e, j) => ({ id: e.id, title: e.title, evaluations: cells.filter((row) => row[j] === 'complete').length })),
    cells,
  };
}
