import type { ContestDefinition } from '../../../shared/domain/contest.ts';
import type { CategoryResult } from '../../../shared/formats/payloads.ts';
import type { CategoryInput } from '../../../shared/scoring/aggregate.ts';
import { awardEntries, awardsOfGroup } from '../../../shared/scoring/awards.ts';
import { rankCategory, type TieDecision } from '../../../shared/scoring/rank.ts';
import { entryDisagreement, icc, kendallW, outlierMarks } from '../../../shared/scoring/statistics.ts';

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
  for (const n of contest.nominations) {
    const ids: (string | null)[] = [...n.categories.map((c) => c.id), null];
    for (const categoryId of ids) {
      const entries = contest.entries.filter((e) => e.nominationId === n.id && e.categoryId === categoryId);
      if (entries.length === 0 && categoryId === null) continue;
      const inGroup = new Set(entries.map((e) => e.id));
      groups.push({
        nominationId: n.id,
        categoryId,
        input: {
          criteria: n.criteria.map((c) => ({ id: c.id, weight: c.weight, scale: c.scale })),
          entries: entries.map((e) => ({ id: e.id, appliedOn: e.appliedOn, applicationNo: e.applicationNo })),
          marks: marks.filter((m) => inGroup.has(m.entryId)),
          minEvaluations: n.minEvaluations,
        },
      });
    }
  }
  return groups;
}

/**
 * The results of every group: the ranking by the nomination's rules and the chair's tie decisions,
 * and a statistics summary. A pure function of the contest, the standing marks and the decisions,
 * so `jurybox recompute` gets exactly what the chair signed.
 */
export function computeResults(contest: ContestDefinition, marks: readonly StandingMark[], ties: readonly Tie[]): CategoryResult[] {
  return categoryGroups(contest, marks).map(({ nominationId, categoryId, input }) => {
    const nomination = contest.nominations.find((n) => n.id === nominationId);
    if (!nomination) throw new Error(`no nomination ${nominationId}`);
    const { rules } = nomination;
    const awards = awardsOfGroup(nomination, categoryId);
    const decisions: TieDecision[] = ties.filter((d) => d.nominationId === nominationId && d.categoryId === categoryId).map((d) => ({ entryIds: d.entryIds, reason: d.reason }));
    const ranking = rankCategory(input, rules, decisions);
    const awarded = awardEntries(ranking.ranked, awards);
    const w = kendallW(input);
    const agreement = icc(input);
    return {
      nominationId,
      categoryId,
      rules,
      minEvaluations: input.minEvaluations,
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
      })),
      flagged: ranking.flagged.map((r) => ({ entryId: r.entryId, score: r.score, evaluations: r.evaluations })),
      unresolvedTies: ranking.unresolvedTies,
      statistics: {
        kendallW: w.defined ? w.w : null,
        icc21: agreement.defined ? agreement.icc21 : null,
        icc2k: agreement.defined ? agreement.icc2k : null,
        disagreements: entryDisagreement(input, rules.tolerance).filter((d) => d.flagged).length,
        outliers: outlierMarks(input).length,
      },
    };
  });
}
