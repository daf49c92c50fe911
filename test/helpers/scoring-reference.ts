import type { CategoryInput, Evaluation, Panel } from '../../shared/scoring/evaluations.ts';
import type { Exact } from '../../shared/scoring/exact.ts';

/*
 * The straightforward implementations the fast ones must agree with, bit for bit: the order of ids
 * read code point by code point, the panel found by asking every entry × every expert of the
 * category for its marks, and sums and means by hand in BigInt fractions. Kept here, in the tests
 * only and sharing no code with shared/scoring, as the definition of what is right.
 */

/** Unicode code-point order, one code point at a time. */
export function referenceCompareIds(a: string, b: string): number {
  const ai = a[Symbol.iterator]();
  const bi = b[Symbol.iterator]();
  for (;;) {
    const x = ai.next();
    const y = bi.next();
    if (x.done === true || y.done === true) return (x.done === true ? 0 : 1) - (y.done === true ? 0 : 1);
    const d = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
}

/** Σ weight × mark and the 0–100 total of one expert's marks on an entry, in lowest terms, or null until every criterion has one. */
function expertScore(criteria: CategoryInput['criteria'], marks: ReadonlyMap<string, number>): { total: Exact; normalised: Exact } | null {
  let total: Fraction = [0n, 1n];
  let gained: Fraction = [0n, 1n];
  let span: Fraction = [0n, 1n];
  for (const c of criteria) {
    const mark = marks.get(c.id);
    if (mark === undefined) return null;
    const w = decimalOf(c.weight);
    total = plus(total, times(w, decimalOf(mark)));
    gained = plus(gained, times(w, minus(decimalOf(mark), decimalOf(c.scale.min))));
    span = plus(span, times(w, minus(decimalOf(c.scale.max), decimalOf(c.scale.min))));
  }
  if (criteria.length === 0) return null;
  return { total: lowest(total), normalised: span[0] === 0n ? { p: 0n, q: 1n } : lowest(times(times(gained, [span[1], span[0]]), [100n, 1n])) };
}

/** A fraction in lowest terms with a positive denominator, as the scoring keeps its values. */
function lowest([n, d]: Fraction): Exact {
  let a = n < 0n ? -n : n;
  let b = d < 0n ? -d : d;
  while (b !== 0n) [a, b] = [b, a % b];
  const g = a === 0n ? 1n : a;
  const sign = d < 0n ? -1n : 1n;
  return { p: (sign * n) / g, q: (sign * d) / g };
}

/** The panel of docs/scoring.md §1–2, found by probing every entry × every expert. */
export function referencePanel(input: CategoryInput): Panel {
  const key = (...parts: string[]) => parts.join('\u0000');
  const criterionIds = new Set(input.criteria.map((c) => c.id));
  const entryIds = [...new Set(input.entries.map((e) => e.id))].sort(referenceCompareIds);
  if (entryIds.length !== input.entries.length) throw new Error('scoring: an entry is listed twice');
  const known = new Set(entryIds);
  const grouped = new Map<string, Map<string, number>>();
  const experts = new Set<string>();
  for (const m of input.marks) {
    if (!known.has(m.entryId) || !criterionIds.has(m.criterionId)) continue;
    if (!Number.isFinite(m.value)) throw new Error(`scoring: the mark of ${m.expertId} for ${m.entryId}/${m.criterionId} is not a number`);
    experts.add(m.expertId);
    const k = key(m.entryId, m.expertId);
    const marks = grouped.get(k) ?? new Map<string, number>();
    if (marks.has(m.criterionId)) throw new Error(`scoring: two marks from ${m.expertId} for ${m.entryId}/${m.criterionId}`);
    marks.set(m.criterionId, m.value);
    grouped.set(k, marks);
  }
  const expertIds = [...experts].sort(referenceCompareIds);
  const byEntry = new Map<string, Evaluation[]>(entryIds.map((id) => [id, []]));
  const byExpert = new Map<string, Evaluation[]>(expertIds.map((id) => [id, []]));
  const evaluations: Evaluation[] = [];
  for (const entryId of entryIds) {
    for (const expertId of expertIds) {
      const marks = grouped.get(key(entryId, expertId));
      const score = marks === undefined ? null : expertScore(input.criteria, marks);
      if (marks === undefined || score === null) continue;
      const values = input.criteria.map((c) => marks.get(c.id) ?? 0);
      const ev: Evaluation = { expertId, entryId, marks: values, exactMarks: values.map((m) => lowest(decimalOf(m))), total: score.total, normalised: score.normalised };
      evaluations.push(ev);
      byEntry.get(entryId)?.push(ev);
      byExpert.get(expertId)?.push(ev);
    }
  }
  return { input, criteria: input.criteria, entryIds, expertIds, evaluations, byEntry, byExpert };
}

/*
 * The scores as a hand computation in decimals gives them: every mark and weight read as the
 * decimal the test wrote (at most 12 places), sums, means and medians kept as fractions of BigInts,
 * and each result rounded to 6 decimals once, a half away from zero. No floating point anywhere, so
 * it is the definition the scoring's exact arithmetic must meet (docs/scoring.md §5).
 */

/** n / d with d > 0, never reduced. */
export type Fraction = readonly [bigint, bigint];

const PLACES = 12;

/** The decimal the test wrote for `x`, as a fraction over 10¹²; refuses more than 12 decimals. */
export function decimalOf(x: number): Fraction {
  const [mantissa = '', exponent = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const [whole = '', fraction = ''] = mantissa.replace('-', '').split('.');
  const shift = Number(exponent) - fraction.length + PLACES;
  if (shift < 0) throw new Error(`${x} has more than ${PLACES} decimals`);
  const n = BigInt(whole + fraction) * 10n ** BigInt(shift);
  return [negative ? -n : n, 10n ** BigInt(PLACES)];
}

const plus = (a: Fraction, b: Fraction): Fraction => [a[0] * b[1] + b[0] * a[1], a[1] * b[1]];
const minus = (a: Fraction, b: Fraction): Fraction => plus(a, [-b[0], b[1]]);
const times = (a: Fraction, b: Fraction): Fraction => [a[0] * b[0], a[1] * b[1]];
const over = (a: Fraction, n: bigint): Fraction => [a[0], a[1] * n];
const order = (a: Fraction, b: Fraction): number => {
  const d = a[0] * b[1] - b[0] * a[1];
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
const total = (xs: readonly Fraction[]): Fraction => xs.reduce(plus, [0n, 1n]);

/** Rounds to 6 decimals as a person does: the 7th decimal and beyond decide, a half goes away from zero. */
export function handRound6(x: Fraction): number {
  const negative = x[0] < 0n !== x[1] < 0n;
  const n = x[0] < 0n ? -x[0] : x[0];
  const d = x[1] < 0n ? -x[1] : x[1];
  let millionths = (n * 1_000_000n) / d;
  if (2n * ((n * 1_000_000n) % d) >= d) millionths += 1n;
  const whole = millionths / 1_000_000n;
  const rest = String(millionths % 1_000_000n).padStart(6, '0');
  const value = Number(`${whole}.${rest}`);
  return negative && value !== 0 ? -value : value;
}

/** Mean, median or trimmed mean of fractions, as docs/scoring.md §3 defines them. */
function aggregateByHand(xs: readonly Fraction[], method: 'mean' | 'median' | 'trimmed', k: number): Fraction {
  const sorted = [...xs].sort(order);
  if (method === 'median') {
    const mid = Math.floor(sorted.length / 2);
    const upper = sorted[mid] as Fraction;
    return sorted.length % 2 === 1 ? upper : over(plus(sorted[mid - 1] as Fraction, upper), 2n);
  }
  const kept = method === 'trimmed' && xs.length > 2 * k ? sorted.slice(k, sorted.length - k) : xs;
  return over(total(kept), BigInt(kept.length));
}

export interface HandScore {
  score: number;
  normalised: number;
  criteria: Record<string, number>;
}

/** Each evaluated entry's score, normalised score and criterion aggregates by hand (mean, median, trimmed). */
export function handScores(input: CategoryInput, rules: { method: 'mean' | 'median' | 'trimmed'; trim: number; order: 'expertTotals' | 'criterionFirst' }): Map<string, HandScore> {
  const panel = referencePanel(input);
  const weights = input.criteria.map((c) => decimalOf(c.weight));
  const low = total(input.criteria.map((c, i) => times(weights[i] as Fraction, decimalOf(c.scale.min))));
  const span = total(input.criteria.map((c, i) => times(weights[i] as Fraction, minus(decimalOf(c.scale.max), decimalOf(c.scale.min)))));
  const result = new Map<string, HandScore>();
  for (const [entryId, evs] of panel.byEntry) {
    if (evs.length === 0) continue;
    const marks = evs.map((ev) => ev.marks.map(decimalOf));
    const byCriterion = input.criteria.map((_, i) => aggregateByHand(marks.map((m) => m[i] as Fraction), rules.method, rules.trim));
    const score =
      rules.order === 'expertTotals'
        ? aggregateByHand(marks.map((m) => total(m.map((x, i) => times(weights[i] as Fraction, x)))), rules.method, rules.trim)
        : total(byCriterion.map((x, i) => times(weights[i] as Fraction, x)));
    const normalised = times(times(minus(score, low), [span[1], span[0]]), [100n, 1n]);
    const criteria = Object.fromEntries(input.criteria.map((c, i) => [c.id, handRound6(byCriterion[i] as Fraction)]));
    result.set(entryId, { score: handRound6(score), normalised: handRound6(normalised), criteria });
  }
  return result;
}

/**
 * What the normalised method gives an entry whose every z is 0 (docs/scoring.md §3): the mean of
 * all values of the category, by hand. Totals for `expertTotals`; Σ weight × the mean of each
 * criterion's marks for `criterionFirst`. Rounded to 6 decimals.
 */
export function handCategoryMean(input: CategoryInput, order: 'expertTotals' | 'criterionFirst'): number {
  const marks = referencePanel(input).evaluations.map((ev) => ev.marks.map(decimalOf));
  const weights = input.criteria.map((c) => decimalOf(c.weight));
  const n = BigInt(marks.length);
  if (order === 'expertTotals') return handRound6(over(total(marks.map((m) => total(m.map((x, i) => times(weights[i] as Fraction, x))))), n));
  return handRound6(total(weights.map((w, i) => times(w, over(total(marks.map((m) => m[i] as Fraction)), n)))));
}
