import type { ScoringRules } from '../domain/contest.ts';
import { panelOf, round6, type Evaluation, type Panel, type Scorable } from './evaluations.ts';

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
  /** True when the method is `trimmed` but too few experts scored to drop k on each side, so the plain mean stands. */
  trimFallback: boolean;
}

/** A trimmed mean and whether it fell back to the plain mean. */
export interface Trimmed {
  value: number;
  fallback: boolean;
}

function nonEmpty(xs: readonly number[], what: string): void {
  if (xs.length === 0) throw new RangeError(`${what} of no values`);
}

/** The arithmetic mean, summed in the order given (the order matters in floating point). */
export function mean(xs: readonly number[]): number {
  nonEmpty(xs, 'mean');
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** The middle value, or the mean of the two middle values (a + b) / 2 when there is an even number. */
export function median(xs: readonly number[]): number {
  nonEmpty(xs, 'median');
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

/**
 * Drops the k lowest and k highest values and averages the rest, summed in ascending order. When
 * n ≤ 2k nothing would be left, so it is the plain mean and `fallback` says so.
 */
export function trimmedMean(xs: readonly number[], k: number): Trimmed {
  if (xs.length > 2 * k) {
    const sorted = [...xs].sort((a, b) => a - b);
    return { value: mean(sorted.slice(k, sorted.length - k)), fallback: false };
  }
  return { value: mean(xs), fallback: true };
}

/** The population standard deviation: √(Σ (x − mean)² / n), summed in the order given. */
export function sd(xs: readonly number[]): number {
  const mu = mean(xs);
  let sum = 0;
  for (const x of xs) sum += (x - mu) * (x - mu);
  return Math.sqrt(sum / xs.length);
}

type Value = (ev: Evaluation) => number;

/**
 * The `normalised` method: each expert's values standardised over that expert's evaluations in the
 * category (z = (x − μₑ) / σₑ, or 0 when σₑ = 0, which covers a single evaluation), the z of an
 * entry averaged, then put back on the scale of the values: μ + σ × z̄ over every value of the
 * category. Values are rounded to 6 decimals first, so totals equal in decimal arithmetic stay equal
 * and a difference of one binary ulp cannot become a whole standard deviation.
 */
function standardised(panel: Panel, value: Value): Map<string, number> {
  const z = new Map<Evaluation, number>();
  for (const expertId of panel.expertIds) {
    const evs = panel.byExpert.get(expertId) ?? [];
    if (evs.length === 0) continue;
    const xs = evs.map((ev) => round6(value(ev)));
    const mu = mean(xs);
    const sigma = sd(xs);
    evs.forEach((ev, i) => z.set(ev, sigma === 0 ? 0 : ((xs[i] ?? 0) - mu) / sigma));
  }
  const result = new Map<string, number>();
  if (panel.evaluations.length === 0) return result;
  const all = panel.evaluations.map((ev) => round6(value(ev)));
  const muAll = mean(all);
  const sigmaAll = sd(all);
  for (const [entryId, evs] of panel.byEntry) {
    if (evs.length > 0) result.set(entryId, muAll + sigmaAll * mean(evs.map((ev) => z.get(ev) ?? 0)));
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
    else result.set(entryId, { value: rules.method === 'median' ? median(xs) : mean(xs), fallback: false });
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
  const perCriterion = criteria.map((_, i) => across(panel, rules, (ev) => ev.marks[i] ?? 0));
  const totals = rules.order === 'expertTotals' ? across(panel, rules, (ev) => ev.total) : null;
  let low = 0;
  let span = 0;
  for (const c of criteria) {
    low += c.weight * c.scale.min;
    span += c.weight * (c.scale.max - c.scale.min);
  }
  return panel.entryIds.map((entryId) => {
    const evaluations = panel.byEntry.get(entryId)?.length ?? 0;
    const marks = perCriterion.map((m) => m.get(entryId));
    const aggregates: Record<string, number | null> = {};
    criteria.forEach((c, i) => (aggregates[c.id] = marks[i] === undefined ? null : round6(marks[i].value)));
    if (evaluations === 0) return { entryId, evaluations, score: null, normalised: null, criteria: aggregates, trimFallback: false };
    let score = 0;
    let trimFallback: boolean;
    if (totals !== null) {
      score = totals.get(entryId)?.value ?? 0;
      trimFallback = totals.get(entryId)?.fallback ?? false;
    } else {
      criteria.forEach((c, i) => (score += c.weight * (marks[i]?.value ?? 0)));
      trimFallback = marks.some((m) => m?.fallback === true);
    }
    const normalised = span === 0 ? 0 : ((score - low) / span) * 100;
    return { entryId, evaluations, score: round6(score), normalised: round6(normalised), criteria: aggregates, trimFallback };
  });
}
