import type { ContestDefinition, Nomination } from '../../../shared/domain/contest.ts';
import { settleTies } from '../../../shared/domain/ties.ts';
import type { CategoryResult, StatisticNote } from '../../../shared/formats/payloads.ts';
import type { CategoryInput } from '../../../shared/scoring/aggregate.ts';
import { awardEntries, awardsOfGroup } from '../../../shared/scoring/awards.ts';
import { collectEvaluations, type Panel } from '../../../shared/scoring/evaluations.ts';
import { rankCategory, type TieDecision } from '../../../shared/scoring/rank.ts';
import { entryDisagreement, icc, kendallW, outlierMarks, type Coefficient, type KendallW } from '../../../shared/scoring/statistics.ts';

/** A mark of a bundle that stands (drafts never count). */
export interface StandingMark {
  expertId: string;
  entryId: string;
  criterionId: string;
  value: number;
}

export interface Tie {
  nominationId: string;
  categoryId: string | null;
  entryIds: string[];
  reason: string;
}

export interface CategoryGroup {
  nominationId: string;
  categoryId: string | null;
  input: CategoryInput;
}

/**
 * The groups a contest is ranked in: each nomination by category, plus, where a nomination has
 * entries without a category (or has no categories), those entries as one group. In contest order.
 */
export function categoryGroups(contest: ContestDefinition, marks: readonly StandingMark[]): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  // Each entry's group (a set: an entry listed twice must not take its marks twice).
  const marksOf = new Map<string, Set<StandingMark[]>>();
  for (const n of contest.nominations) {
    const ids: (string | null)[] = [...n.categories.map((c) => c.id), null];
    for (const categoryId of ids) {
      const entries = contest.entries.filter((e) => e.nominationId === n.id && e.categoryId === categoryId);
      if (entries.length === 0 && categoryId === null) continue;
      const own: StandingMark[] = [];
      for (const e of entries) marksOf.set(e.id, (marksOf.get(e.id) ?? new Set()).add(own));
      groups.push({
        nominationId: n.id,
        categoryId,
        input: {
          criteria: n.criteria.map((c) => ({ id: c.id, weight: c.weight, scale: c.scale })),
          entries: entries.map((e) => ({ id: e.id, appliedOn: e.appliedOn, applicationNo: e.applicationNo })),
          marks: own,
          minEvaluations: n.minEvaluations,
        },
      });
    }
  }
  // One pass over the marks, each into its entry's group, in the order given.
  for (const m of marks) for (const own of marksOf.get(m.entryId) ?? []) own.push(m);
  return groups;
}

/** A group with what its results are computed from: its nomination and its panel, built once. */
export interface PreparedGroup extends CategoryGroup {
  nomination: Nomination;
  panel: Panel;
}

/** The groups of a contest with their panels (the grouping of the marks, most of the work), for groupResult and the statistics. */
export function prepareGroups(contest: ContestDefinition, marks: readonly StandingMark[]): PreparedGroup[] {
  return categoryGroups(contest, marks).map((group) => {
    const nomination = contest.nominations.find((n) => n.id === group.nominationId);
    if (!nomination) throw new Error(`no nomination ${group.nominationId}`);
    return { ...group, nomination, panel: collectEvaluations(group.input) };
  });
}

/** The note a signed result keeps for a coefficient: why it is null, or that it lies outside 0–1 (results format 2). */
function noteOf(value: Coefficient | KendallW): StatisticNote | undefined {
  if (!value.defined) return value.reason;
  return 'outOfRange' in value ? (value.outOfRange ?? undefined) : undefined;
}

const valueOf = (value: Coefficient): number | null => (value.defined ? value.value : null);

/** The statistics a group's signed results carry; they do not depend on tie decisions. */
export function resultStatistics(group: PreparedGroup): CategoryResult['statistics'] {
  const w = kendallW(group.panel);
  const agreement = icc(group.panel);
  const icc21: Coefficient = agreement.defined ? agreement.icc21 : agreement;
  const icc2k: Coefficient = agreement.defined ? agreement.icc2k : agreement;
  const notes = Object.fromEntries(
    ([['kendallW', noteOf(w)], ['icc21', noteOf(icc21)], ['icc2k', noteOf(icc2k)]] as const).filter(([, note]) => note !== undefined),
  );
  return {
    kendallW: w.defined ? w.w : null,
    icc21: valueOf(icc21),
    icc2k: valueOf(icc2k),
    disagreements: entryDisagreement(group.panel, group.nomination.rules.tolerance).filter((d) => d.flagged).length,
    outliers: outlierMarks(group.panel).length,
    notes,
  };
}

/** The chair's decisions on ties of one group, in the order they were taken. */
export function decisionsOf(ties: readonly Tie[], group: { nominationId: string; categoryId: string | null }): TieDecision[] {
  return ties.filter((d) => d.nominationId === group.nominationId && d.categoryId === group.categoryId).map((d) => ({ entryIds: d.entryIds, reason: d.reason }));
}

/** The fallback marker as signed results carry it: there only when the trimmed mean fell back to the plain mean. */
const fallbackOf = (r: { trimFallback: boolean }): { trimFallback?: true } => (r.trimFallback ? { trimFallback: true } : {});

/** One group's results: its ranking with the chair's decisions, the awards, and its statistics (`resultStatistics`). */
export function groupResult(group: PreparedGroup, decisions: readonly TieDecision[], statistics: CategoryResult['statistics']): CategoryResult {
  const { nominationId, categoryId, nomination, panel } = group;
  const { rules } = nomination;
  const awards = awardsOfGroup(nomination, categoryId);
  const ranking = rankCategory(panel, rules, decisions);
  const awarded = awardEntries(ranking.ranked, awards);
  return {
    nominationId,
    categoryId,
    rules,
    minEvaluations: group.input.minEvaluations,
    awards,
    ranked: ranking.ranked.map((r) => ({
      entryId: r.entryId,
      place: r.place,
      score: r.score,
      normalised: r.normalised,
      evaluations: r.evaluations,
      decidedBy: r.decidedBy,
      tiedWith: r.tiedWith,
      award: awarded.get(r.entryId) ?? null,
      ...fallbackOf(r),
    })),
    flagged: ranking.flagged.map((r) => ({ entryId: r.entryId, score: r.score, evaluations: r.evaluations, ...fallbackOf(r) })),
    unresolvedTies: ranking.unresolvedTies,
    statistics,
  };
}

/**
 * The results with the chair's tie decisions, each checked against the ties the ranking leaves open
 * without them (settleTies): a decision that settles no open tie is a problem to report, never
 * silently ignored. `results` are exactly computeResults of the same inputs; `open`, the ties left
 * open. For `jurybox merge --decisions` and `jurybox recompute`; the app checks each decision as
 * the chair takes it.
 */
export function settledResults(contest: ContestDefinition, marks: readonly StandingMark[], ties: readonly Tie[]): { results: CategoryResult[] } & ReturnType<typeof settleTies> {
  const groups = prepareGroups(contest, marks).map((group) => ({ group, statistics: resultStatistics(group) }));
  const undecided = groups.map(({ group, statistics }) => groupResult(group, [], statistics));
  const settled = settleTies(contest, undecided, ties);
  const results = groups.map(({ group, statistics }, i) => {
    const decisions = decisionsOf(ties, group);
    return decisions.length === 0 ? (undecided[i] as CategoryResult) : groupResult(group, decisions, statistics);
  });
  return { results, ...settled };
}

/**
 * The results of every group: the ranking by the nomination's rules and the chair's tie decisions,
 * and a statistics summary. A pure function of the contest, the standing marks and the decisions,
 * so `jurybox recompute` gets exactly what the chair signed.
 */
export function computeResults(contest: ContestDefinition, marks: readonly StandingMark[], ties: readonly Tie[]): CategoryResult[] {
  return prepareGroups(contest, marks).map((group) => groupResult(group, decisionsOf(ties, group), resultStatistics(group)));
}

/**
 * A group's results as results format 1 wrote them, for comparing with a file signed before
 * format 2: without the trimmed mean's fallback markers and the statistics' notes, which it did
 * not have. Its numbers were computed in binary floating point; where they differ from the exact
 * computation (a half at the 7th decimal, values equal only in decimal), recompute says so.
 */
export function asFormat1(result: CategoryResult): CategoryResult {
  const { notes: _notes, ...statistics } = result.statistics;
  const strip = <T extends { trimFallback?: true }>({ trimFallback: _fallback, ...rest }: T): Omit<T, 'trimFallback'> => rest;
  return { ...result, ranked: result.ranked.map(strip), flagged: result.flagged.map(strip), statistics };
}
