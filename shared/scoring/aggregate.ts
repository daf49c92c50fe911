import type { ScoringRules } from '../domain/contest.ts';
import { add, compare, decimalOf, difference, div, dot, exact, integer, isZero, meanOf, mul, round6, sqrtNumber, sub, toNumber, varianceOf, ZERO, type Exact } from './exact.ts';
import { panelOf, type Evaluation, type Panel, type Scorable } from './evaluations.ts';

export type { CategoryInput, Panel, Scorable } from './evaluations.ts';
export { compareIds, round6 } from './evaluations.ts';

/** How one entry of a category scores under a nomination's rules (docs/scoring.md). Every number is rounded by `round6`. */
export interface EntryScore {
  entryId: string;
  /** Complete evaluations of the entry: experts who marked every criterion. */
  evaluations: number;
  /** The entry's result on the total scale Σ weight × mark; null without evaluations. */
  score: number | null;
  /** The score placed on 0–100: (score − Σ weight × min) / Σ weight × (max − min) × 100. */
  normalised: number | null;
  /** The aggregated mark per criterion, by the same method (tie-breaks and drill-down use it). */
  criteria: Record<string, number | null>;
  /** True when the method is `trimmed` but too few experts scored to drop k on each side (n ≤ 2k), so the plain mean stands. */
  trimFallback: boolean;
}

/** A trimmed mean and whether it fell back to the plain mean. */
export interface Trimmed {
  value: Exact;
  fallback: boolean;
}

/** The arithmetic mean, exactly. */
export const mean = meanOf;

/** The middle value, or the mean of the two middle values (a + b) / 2 when there is an even number. */
export function median(xs: readonly Exact[]): Exact {
  if (xs.length === 0) throw new RangeError('median of no values');
  const sorted = [...xs].sort(compare);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? ZERO;
  return sorted.length % 2 === 1 ? upper : div(add(sorted[mid - 1] ?? ZERO, upper), integer(2));
}

/**
 * Drops the k lowest and k highest values and averages the rest. When n ≤ 2k nothing would be
 * left, so it is the plain mean and `fallback` says so.
 */
export function trimmedMean(xs: readonly Exact[], k: number): Trimmed {
  if (xs.length > 2 * k) return { value: meanOf([...xs].sort(compare).slice(k, xs.length - k)), fallback: false };
  return { value: meanOf(xs), fallback: true };
}

type Value = (ev: Evaluation) => Exact;

/**
 * The `normalised` method: each expert's values standardised over that expert's evaluations in the
 * category (z = (x − μₑ) / σₑ, or 0 when σₑ = 0, which covers a single evaluation), the z of an
 * entry averaged, then put back on the scale of the values: μ + σ × z̄ over every value of the
 * category. μ and the variances are exact, so an expert whose values are equal in decimal has
 * σₑ = 0 exactly and every z 0; the square roots, the z and z̄ are doubles (summed in expert order),
 * and so is μ + σ × z̄, read as the decimal it prints as; an entry whose z are all 0 gets μ exactly.
 */
function standardised(panel: Panel, value: Value): Map<string, Exact> {
  const z = new Map<Evaluation, number>();
  for (const expertId of panel.expertIds) {
    const evs = panel.byExpert.get(expertId) ?? [];
    if (evs.length === 0) continue;
    const xs = evs.map(value);
    const variance = varianceOf(xs);
    const mu = meanOf(xs);
    const sigma = isZero(variance) ? 0 : sqrtNumber(variance);
    evs.forEach((ev, i) => z.set(ev, sigma === 0 ? 0 : difference(xs[i] ?? ZERO, mu) / sigma));
  }
  const result = new Map<string, Exact>();
  if (panel.evaluations.length === 0) return result;
  const all = panel.evaluations.map(value);
  const muAll = meanOf(all);
  const sigmaAll = sqrtNumber(varianceOf(all));
  for (const [entryId, evs] of panel.byEntry) {
    if (evs.length === 0) continue;
    let zSum = 0;
    for (const ev of evs) zSum += z.get(ev) ?? 0;
    // No correction leaves μ exact; otherwise the result is the double μ + σ × z̄, read as the decimal it prints as.
    result.set(entryId, zSum === 0 ? muAll : decimalOf(toNumber(muAll) + sigmaAll * (zSum / evs.length)));
  }
  return result;
}

/** Aggregates one value per evaluation across the experts of each entry, by the rules' method. */
function across(panel: Panel, rules: ScoringRules, value: Value): Map<string, Trimmed> {
  const result = new Map<string, Trimmed>();
  if (rules.method === 'normalised') {
    for (const [entryId, v] of standardised(panel, value)) result.set(entryId, { value: v, fallback: false });
    return result;
  }
  for (const [entryId, evs] of panel.byEntry) {
    if (evs.length === 0) continue;
    const xs = evs.map(value);
    if (rules.method === 'trimmed') result.set(entryId, trimmedMean(xs, rules.trim));
    else result.set(entryId, { value: rules.method === 'median' ? median(xs) : meanOf(xs), fallback: false });
  }
  return result;
}

/**
 * Scores every entry of one nomination × category, by entry id. `expertTotals` aggregates each
 * evaluation's total Σ weight × mark across experts; `criterionFirst` aggregates each criterion's
 * marks across experts and sums weight × aggregate. The same inputs in any order give bit-identical
 * results (docs/scoring.md). Takes the category's input or its panel (collectEvaluations).
 */
export function scoreCategory(category: Scorable, rules: ScoringRules): EntryScore[] {
  const panel = panelOf(category);
  const { criteria } = panel;
  const weights = criteria.map((c) => exact(c.weight));
  const perCriterion = criteria.map((_, i) => across(panel, rules, (ev) => ev.exactMarks[i] ?? ZERO));
  const totals = rules.order === 'expertTotals' ? across(panel, rules, (ev) => ev.total) : null;
  const low = dot(weights, criteria.map((c) => exact(c.scale.min)));
  const span = dot(weights, criteria.map((c) => sub(exact(c.scale.max), exact(c.scale.min))));
  return panel.entryIds.map((entryId) => {
    const evaluations = panel.byEntry.get(entryId)?.length ?? 0;
    const marks = perCriterion.map((m) => m.get(entryId));
    const aggregates: Record<string, number | null> = {};
    criteria.forEach((c, i) => (aggregates[c.id] = marks[i] === undefined ? null : round6(marks[i].value)));
    if (evaluations === 0) return { entryId, evaluations, score: null, normalised: null, criteria: aggregates, trimFallback: false };
    const own = totals?.get(entryId);
    const score = own !== undefined ? own.value : dot(weights, marks.map((m) => m?.value ?? ZERO));
    const trimFallback = totals !== null ? own?.fallback === true : marks.some((m) => m?.fallback === true);
    const normalised = isZero(span) ? ZERO : div(mul(sub(score, low), integer(100)), span);
    return { entryId, evaluations, score: round6(score), normalised: round6(normalised), criteria: aggregates, trimFallback };
  });
}
