import { AppError } from '../../../shared/errors.ts';
import { autoConflictFields } from '../../../shared/domain/conflicts.ts';
import type { ContestDefinition, Criterion, Entry } from '../../../shared/domain/contest.ts';
import type { ResultBundle } from '../../../shared/formats/payloads.ts';
import { scaleProblem } from '../../../shared/scoring/scale.ts';
import { needsComment } from '../expert/submit.ts';

/** What a bundle may hold, for one expert, under one package revision. */
interface Allowed {
  entries: Map<string, Entry>;
  criteria: Map<string, Criterion & { nominationId: string }>;
  assigned: (entryId: string) => boolean;
  conflicted: (entryId: string) => boolean;
}

function allowedFor(contest: ContestDefinition, expertId: string): Allowed {
  const entries = new Map(contest.entries.map((e) => [e.id, e]));
  const criteria = new Map(contest.nominations.flatMap((n) => n.criteria.map((c) => [c.id, { ...c, nominationId: n.id }] as const)));
  const expert = contest.experts.find((x) => x.id === expertId);
  const rules = contest.assignments.filter((a) => a.expertId === expertId);
  const decisions = new Map(contest.conflicts.filter((d) => d.expertId === expertId).map((d) => [d.entryId, d.kind]));
  return {
    entries,
    criteria,
    assigned: (entryId) => {
      const e = entries.get(entryId);
      return e !== undefined && rules.some((a) => ('nominationId' in a && a.nominationId === e.nominationId) || ('categoryId' in a && a.categoryId === e.categoryId) || ('entryId' in a && a.entryId === e.id));
    },
    conflicted: (entryId) => {
      const e = entries.get(entryId);
      if (!e || !expert) return false;
      const decided = decisions.get(entryId);
      return decided === 'conflict' || (decided !== 'waiver' && autoConflictFields(expert, e).length > 0);
    },
  };
}

/**
 * Checks a verified bundle's content against the package revision it names, and throws the first
 * problem as a user error naming the file, the entry and the criterion: marks only for entries
 * assigned to the expert, not conflicted (by the rule, the organiser, or the expert's own
 * declaration) nor abstained, for criteria of the entry's nomination, on the scale; required
 * comments present; and a bundle that is not a draft complete.
 */
export function checkBundleContent(bundle: ResultBundle, contest: ContestDefinition, file: string): void {
  const allowed = allowedFor(contest, bundle.expertId);
  const declared = new Set(bundle.conflicts.map((c) => c.entryId));
  const abstained = new Set(bundle.abstentions.map((a) => a.entryId));
  const title = (entryId: string) => allowed.entries.get(entryId)?.title ?? entryId;
  for (const item of [...bundle.conflicts, ...bundle.abstentions, ...bundle.entryComments]) {
    if (!allowed.entries.has(item.entryId)) throw new AppError('bundle.unknownEntry', { file, entry: item.entryId });
    if (!allowed.assigned(item.entryId)) throw new AppError('bundle.unassigned', { file, entry: title(item.entryId) });
  }
  const given = new Map<string, Set<string>>();
  for (const mark of bundle.marks) {
    const entry = allowed.entries.get(mark.entryId);
    if (!entry) throw new AppError('bundle.unknownEntry', { file, entry: mark.entryId });
    const criterion = allowed.criteria.get(mark.criterionId);
    if (!criterion || criterion.nominationId !== entry.nominationId) throw new AppError('bundle.unknownCriterion', { file, entry: entry.title, criterion: mark.criterionId });
    if (!allowed.assigned(entry.id)) throw new AppError('bundle.unassigned', { file, entry: entry.title });
    if (allowed.conflicted(entry.id) || declared.has(entry.id)) throw new AppError('bundle.conflicted', { file, entry: entry.title });
    if (abstained.has(entry.id)) throw new AppError('bundle.abstained', { file, entry: entry.title });
    if (scaleProblem(mark.value, criterion.scale) !== null) {
      throw new AppError('bundle.offScale', { file, entry: entry.title, criterion: criterion.title, value: mark.value, min: criterion.scale.min, max: criterion.scale.max, step: criterion.scale.step });
    }
    if (!bundle.draft && needsComment(criterion, mark.value) && mark.comment.trim() === '') {
      throw new AppError('bundle.commentMissing', { file, entry: entry.title, criterion: criterion.title });
    }
    given.set(entry.id, (given.get(entry.id) ?? new Set()).add(criterion.id));
  }
  if (bundle.draft) return;
  for (const entry of contest.entries) {
    if (!allowed.assigned(entry.id) || allowed.conflicted(entry.id) || declared.has(entry.id) || abstained.has(entry.id)) continue;
    const missing = [...allowed.criteria.values()].filter((c) => c.nominationId === entry.nominationId && !given.get(entry.id)?.has(c.id));
    if (missing.length > 0) throw new AppError('bundle.incomplete', { file, entry: entry.title, count: missing.length });
  }
}
