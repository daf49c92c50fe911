import { add, div, exact, integer, isZero, mul, sub, sum, toNumber, ZERO, type Exact } from './exact.ts';
import type { Scale } from './scale.ts';

export interface WeightedCriterion {
  id: string;
  weight: number;
  scale: Scale;
}

export interface ExpertScore {
  /** Σ weight × mark. */
  total: number;
  /** The highest total the criteria allow: Σ weight × max. */
  max: number;
  /** The total placed on 0–100: Σ weight × (mark − min) / Σ weight × (max − min) × 100. */
  normalised: number;
}

/** An evaluation's marks, total and 0–100 value, exactly (shared/scoring/exact.ts). */
export interface ExactScore {
  marks: Exact[];
  total: Exact;
  normalised: Exact;
}

/**
 * Scores complete sets of marks against `criteria` (`marks[i]` on `criteria[i]`), exactly: a total
 * is Σ weight × mark in decimals, so 0.1 × 7 is 0.7 and totals equal in decimal are equal. Weights
 * and bounds are read once; each criterion remembers the product of its weight with each mark it
 * has seen, since marks take few distinct values. Null without criteria.
 */
export function scorer(criteria: readonly WeightedCriterion[]): (marks: readonly number[]) => ExactScore | null {
  if (criteria.length === 0) return () => null;
  const weights = criteria.map((c) => exact(c.weight));
  const low = sum(criteria.map((c, i) => mul(weights[i] ?? ZERO, exact(c.scale.min))));
  const span = sum(criteria.map((c, i) => mul(weights[i] ?? ZERO, sub(exact(c.scale.max), exact(c.scale.min)))));
  const toHundred = isZero(span) ? null : div(integer(100), span);
  const seen = criteria.map(() => new Map<number, { mark: Exact; product: Exact }>());
  return (marks) => {
    const read = marks.map((value, i) => {
      let known = seen[i]?.get(value);
      if (known === undefined) {
        const mark = exact(value);
        known = { mark, product: mul(weights[i] ?? ZERO, mark) };
        seen[i]?.set(value, known);
      }
      return known;
    });
    const total = sum(read.map((r) => r.product));
    return { marks: read.map((r) => r.mark), total, normalised: toHundred === null ? ZERO : mul(sub(total, low), toHundred) };
  };
}

/**
 * One expert's score for one entry, or null until every criterion has a mark (a partial total
 * would rank an entry by what is missing). Computed exactly, shown as the nearest doubles.
 */
export function expertScore(criteria: readonly WeightedCriterion[], marks: ReadonlyMap<string, number>): ExpertScore | null {
  const values: number[] = [];
  for (const c of criteria) {
    const mark = marks.get(c.id);
    if (mark === undefined) return null;
    values.push(mark);
  }
  const score = scorer(criteria)(values);
  if (score === null) return null;
  const max = criteria.reduce((m, c) => add(m, mul(exact(c.weight), exact(c.scale.max))), ZERO);
  return { total: toNumber(score.total), max: toNumber(max), normalised: toNumber(score.normalised) };
}
