import { AppError } from '../../../shared/errors.ts';
import { conflictKey } from '../../../shared/domain/conflicts.ts';
import type { ContestDefinition, Criterion, Entry, Expert } from '../../../shared/domain/contest.ts';
import type { ResultBundle } from '../../../shared/formats/payloads.ts';
import { scaleProblem } from '../../../shared/scoring/scale.ts';
import { needsComment } from '../expert/submit.ts';

type Rule = ContestDefinition['assignments'][number];
type IndexedCriterion = Criterion & { nominationId: string };

/** What one expert may hold under one package revision, worked out once per bundle. */
interface ExpertScope {
  /** The entries assigned to the expert, in contest order (the order completeness is checked in). */
  assigned: Entry[];
  assignedIds: Set<string>;
  /** Assigned entries in conflict: by the organiser's decision, or by the automatic rule unless waived. */
  conflicted: Set<string>;
}

/** Keys of a party's region and organisation as conflictKey gives them, worked out once per party. */
const keysOf = (party: { region: string; organisation: string }) => ({ region: conflictKey(party.region), organisation: conflictKey(party.organisation) });

/**
 * One package revision's contest, indexed for judging many bundles: entries and criteria by id,
 * assignment rules and conflict decisions by expert, conflict keys normalised once per party.
 * An expert's scope is not kept: it is as large as their assignments (a whole nomination can be
 * thousands of entries for each of a thousand experts), and building it costs no more than the
 * completeness check that uses it.
 */
export class ContestRules {
  private readonly entries: Map<string, Entry>;
  private readonly criteria: Map<string, IndexedCriterion>;
  private readonly criteriaOf = new Map<string, IndexedCriterion[]>();
  private readonly order = new Map<string, number>();
  private readonly byNomination = new Map<string, Entry[]>();
  private readonly byCategory = new Map<string, Entry[]>();
  private readonly rules = new Map<string, Rule[]>();
  private readonly decisions = new Map<string, Map<string, 'conflict' | 'waiver'>>();
  private readonly experts = new Map<string, Expert>();
  private readonly entryKeys = new Map<string, { region: string; organisation: string }>();

  constructor(contest: ContestDefinition) {
    this.entries = new Map(contest.entries.map((e) => [e.id, e]));
    this.criteria = new Map(contest.nominations.flatMap((n) => n.criteria.map((c) => [c.id, { ...c, nominationId: n.id }] as const)));
    for (const c of this.criteria.values()) push(this.criteriaOf, c.nominationId, c);
    contest.entries.forEach((e, i) => {
      this.order.set(e.id, i);
      push(this.byNomination, e.nominationId, e);
      if (e.categoryId !== null) push(this.byCategory, e.categoryId, e);
    });
    for (const a of contest.assignments) push(this.rules, a.expertId, a);
    for (const d of contest.conflicts) {
      const mine = this.decisions.get(d.expertId) ?? new Map<string, 'conflict' | 'waiver'>();
      mine.set(d.entryId, d.kind);
      this.decisions.set(d.expertId, mine);
    }
    // The first expert of an id, as contest.experts.find would give (ids are unique in a valid contest).
    for (const x of contest.experts) if (!this.experts.has(x.id)) this.experts.set(x.id, x);
  }

  entry(entryId: string): Entry | undefined {
    return this.entries.get(entryId);
  }

  criterion(criterionId: string): IndexedCriterion | undefined {
    return this.criteria.get(criterionId);
  }

  criteriaOfNomination(nominationId: string): IndexedCriterion[] {
    return this.criteriaOf.get(nominationId) ?? [];
  }

  /** An entry is assigned by a rule naming its nomination, its category, or the entry itself. */
  scope(expertId: string): ExpertScope {
    const found = new Map<string, Entry>();
    for (const a of this.rules.get(expertId) ?? []) {
      const list = 'nominationId' in a ? this.byNomination.get(a.nominationId) : 'categoryId' in a ? this.byCategory.get(a.categoryId) : [this.entries.get(a.entryId)];
      for (const e of list ?? []) if (e) found.set(e.id, e);
    }
    const assigned = [...found.values()].sort((a, b) => (this.order.get(a.id) ?? 0) - (this.order.get(b.id) ?? 0));
    const expert = this.experts.get(expertId);
    const decided = this.decisions.get(expertId);
    const conflicted = new Set<string>();
    if (expert) {
      const mine = keysOf(expert);
      for (const e of assigned) {
        const decision = decided?.get(e.id);
        if (decision === 'conflict' || (decision !== 'waiver' && this.autoConflict(mine, e))) conflicted.add(e.id);
      }
    }
    return { assigned, assignedIds: new Set(found.keys()), conflicted };
  }

  /** autoConflictFields(expert, entry).length > 0, with both parties' keys normalised once. */
  private autoConflict(expert: { region: string; organisation: string }, entry: Entry): boolean {
    let keys = this.entryKeys.get(entry.id);
    if (!keys) {
      keys = keysOf(entry);
      this.entryKeys.set(entry.id, keys);
    }
    return (expert.region !== '' && expert.region === keys.region) || (expert.organisation !== '' && expert.organisation === keys.organisation);
  }
}

function push<T>(map: Map<string, T[]>, key: string, item: T): void {
  const list = map.get(key);
  if (list) list.push(item);
  else map.set(key, [item]);
}

const indexes = new WeakMap<ContestDefinition, ContestRules>();

/** The index of a contest, built once per contest object. */
export function rulesOf(contest: ContestDefinition): ContestRules {
  let rules = indexes.get(contest);
  if (!rules) {
    rules = new ContestRules(contest);
    indexes.set(contest, rules);
  }
  return rules;
}

/**
 * Checks a verified bundle's content against the package revision it names, and throws the first
 * problem as a user error naming the file, the entry and the criterion: marks only for entries
 * assigned to the expert, not conflicted (by the rule, the organiser, or the expert's own
 * declaration) nor abstained, for criteria of the entry's nomination, on the scale; required
 * comments present; and a bundle that is not a draft complete.
 */
export function checkBundleContent(bundle: ResultBundle, contest: ContestDefinition | ContestRules, file: string): void {
  const rules = contest instanceof ContestRules ? contest : rulesOf(contest);
  const scope = rules.scope(bundle.expertId);
  const declared = new Set(bundle.conflicts.map((c) => c.entryId));
  const abstained = new Set(bundle.abstentions.map((a) => a.entryId));
  for (const item of [...bundle.conflicts, ...bundle.abstentions, ...bundle.entryComments]) {
    const entry = rules.entry(item.entryId);
    if (!entry) throw new AppError('bundle.unknownEntry', { file, entry: item.entryId });
    if (!scope.assignedIds.has(item.entryId)) throw new AppError('bundle.unassigned', { file, entry: entry.title });
  }
  const given = checkMarks(bundle, rules, scope, { declared, abstained }, file);
  if (bundle.draft) return;
  for (const entry of scope.assigned) {
    if (scope.conflicted.has(entry.id) || declared.has(entry.id) || abstained.has(entry.id)) continue;
    const mine = given.get(entry.id);
    const missing = rules.criteriaOfNomination(entry.nominationId).filter((c) => !mine?.has(c.id));
    if (missing.length > 0) throw new AppError('bundle.incomplete', { file, entry: entry.title, count: missing.length });
  }
}

/** Every mark checked in order, the first problem thrown; returns the criteria given per entry. */
function checkMarks(bundle: ResultBundle, rules: ContestRules, scope: ExpertScope, excluded: { declared: Set<string>; abstained: Set<string> }, file: string): Map<string, Set<string>> {
  const given = new Map<string, Set<string>>();
  for (const mark of bundle.marks) {
    const entry = rules.entry(mark.entryId);
    if (!entry) throw new AppError('bundle.unknownEntry', { file, entry: mark.entryId });
    const criterion = rules.criterion(mark.criterionId);
    if (!criterion || criterion.nominationId !== entry.nominationId) throw new AppError('bundle.unknownCriterion', { file, entry: entry.title, criterion: mark.criterionId });
    if (!scope.assignedIds.has(entry.id)) throw new AppError('bundle.unassigned', { file, entry: entry.title });
    if (scope.conflicted.has(entry.id) || excluded.declared.has(entry.id)) throw new AppError('bundle.conflicted', { file, entry: entry.title });
    if (excluded.abstained.has(entry.id)) throw new AppError('bundle.abstained', { file, entry: entry.title });
    if (scaleProblem(mark.value, criterion.scale) !== null) {
      throw new AppError('bundle.offScale', { file, entry: entry.title, criterion: criterion.title, value: mark.value, min: criterion.scale.min, max: criterion.scale.max, step: criterion.scale.step });
    }
    if (!bundle.draft && needsComment(criterion, mark.value) && mark.comment.trim() === '') {
      throw new AppError('bundle.commentMissing', { file, entry: entry.title, criterion: criterion.title });
    }
    const mine = given.get(entry.id);
    if (mine) mine.add(criterion.id);
    else given.set(entry.id, new Set([criterion.id]));
  }
  return given;
}
