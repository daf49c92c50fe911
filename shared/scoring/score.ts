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

/**
 * One expert's score for one entry, or null until every criterion has a mark (a partial total
 * would rank an entry by what is missing).
 */
export function expertScore(criteria: readonly WeightedCriterion[], marks: ReadonlyMap<string, number>): ExpertScore | null {
  const values: number[] = [];
  for (const c of criteria) {
    const mark = marks.get(c.id);
    if (mark === undefined) return null;
    values.push(mark);
  }
  return scoreOfMarks(criteria, values);
}

/**
 * The score of a complete set of marks, `marks[i]` on `criteria[i]`; null without criteria. Sums
 * run in criterion order, so expertScore and the scoring of a whole category agree to the last bit.
 */
export function scoreOfMarks(criteria: readonly WeightedCriterion[], marks: readonly number[]): ExpertScore | null {
  if (criteria.length === 0) return null;
  let total = 0;
  let max = 0;
  let gained = 0;
  let span = 0;
  criteria.forEach((c, i) => {
    const mark = marks[i] ?? 0;
    total += c.weight * mark;
    max += c.weight * c.scale.max;
    gained += c.weight * (mark - c.scale.min);
    span += c.weight * (c.scale.max - c.scale.min);
  });
  return { total, max, normalised: span === 0 ? 0 : (gained / span) * 100 };
}
