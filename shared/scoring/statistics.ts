import type { ScoringRules } from '../domain/contest.ts';
import { median } from './aggregate.ts';
import { completeBlock, panelOf, type Panel, type Scorable } from './evaluations.ts';
import { add, compare, div, exact, integer, isZero, meanOf, mul, neg, ratio, round6, sign, sqrtRound6, square, sub, sum, varianceOf, ZERO, type Exact } from './exact.ts';
import { rankCategory } from './rank.ts';

/*
 * What the chair sees beside a ranking (docs/scoring.md, "Statistics"). Everything is computed on
 * the category's complete evaluations and, unless a function says otherwise, on 0–100 normalised
 * totals, so criteria with different scales and weights compare. Every value is computed exactly
 * (shared/scoring/exact.ts) and rounded once, by round6 (a square root by sqrtRound6).
 * Each function takes a category's input or, better when several are wanted, its panel built once
 * by collectEvaluations.
 */

/** How an expert marks against the panel. */
export interface ExpertSeverity {
  expertId: string;
  evaluations: number;
  /** Mean of (the expert's normalised total − the entry's mean normalised total): below 0 is harsher than the panel. Null without evaluations. */
  severity: number | null;
  /** Population SD of the expert's normalised totals. Null without evaluations. */
  spread: number | null;
}

/** Per expert with a mark in the category, by id. */
export function expertSeverity(category: Scorable): ExpertSeverity[] {
  const panel = panelOf(category);
  const entryMean = new Map<string, Exact>();
  for (const [entryId, evs] of panel.byEntry) if (evs.length > 0) entryMean.set(entryId, meanOf(evs.map((ev) => ev.normalised)));
  return panel.expertIds.map((expertId) => {
    const evs = panel.byExpert.get(expertId) ?? [];
    if (evs.length === 0) return { expertId, evaluations: 0, severity: null, spread: null };
    // The mean of (N − N̄_entry) is the mean of N less the mean of the N̄_entry: two sums, one subtraction.
    const severity = sub(meanOf(evs.map((ev) => ev.normalised)), meanOf(evs.map((ev) => entryMean.get(ev.entryId) ?? ZERO)));
    return { expertId, evaluations: evs.length, severity: round6(severity), spread: sqrtRound6(varianceOf(evs.map((ev) => ev.normalised))) };
  });
}

/** How far an entry's experts are apart. */
export interface EntryDisagreement {
  entryId: string;
  evaluations: number;
  /** Population SD of the entry's normalised totals; null without evaluations. */
  sd: number | null;
  /** Highest minus lowest normalised total; null without evaluations. */
  range: number | null;
  /** range > tolerance (points of 0–100), compared exactly. */
  flagged: boolean;
}

/** Per entry of the category, by id; `tolerance` is the nomination's, in points of 0–100. */
export function entryDisagreement(category: Scorable, tolerance: number): EntryDisagreement[] {
  const panel = panelOf(category);
  const limit = exact(tolerance);
  return panel.entryIds.map((entryId) => {
    const xs = (panel.byEntry.get(entryId) ?? []).map((ev) => ev.normalised);
    if (xs.length === 0) return { entryId, evaluations: 0, sd: null, range: null, flagged: false };
    const sorted = [...xs].sort(compare);
    const range = sub(sorted.at(-1) ?? ZERO, sorted[0] ?? ZERO);
    return { entryId, evaluations: xs.length, sd: sqrtRound6(varianceOf(xs)), range: round6(range), flagged: compare(range, limit) > 0 };
  });
}

/** A mark far from the other experts' marks on the same entry and criterion (on the criterion's own scale). */
export interface OutlierMark {
  entryId: string;
  criterionId: string;
  expertId: string;
  value: number;
  /** The median of every complete evaluation's mark on this entry and criterion, this one included. */
  median: number;
  /** value − median. */
  deviation: number;
}

/**
 * Marks more than 0.4 × (max − min) of the criterion's scale from the median of their entry and
 * criterion, compared exactly. A robust, fixed rule rather than z-scores: with n raters no mark
 * can lie more than √(n − 1) population SDs from the mean, so with three experts a "2 SD" rule
 * could never fire. By entry id, criterion order, expert id.
 */
export function outlierMarks(category: Scorable): OutlierMark[] {
  const panel = panelOf(category);
  const found: OutlierMark[] = [];
  const limits = panel.criteria.map((c) => div(mul(sub(exact(c.scale.max), exact(c.scale.min)), integer(2)), integer(5)));
  for (const entryId of panel.entryIds) {
    const evs = panel.byEntry.get(entryId) ?? [];
    if (evs.length === 0) continue;
    panel.criteria.forEach((c, i) => {
      const values = evs.map((ev) => ev.exactMarks[i] ?? ZERO);
      const mid = median(values);
      evs.forEach((ev, j) => {
        const deviation = sub(values[j] ?? ZERO, mid);
        const distance = deviation.p < 0n ? neg(deviation) : deviation;
        if (compare(distance, limits[i] ?? ZERO) > 0) found.push({ entryId, criterionId: c.id, expertId: ev.expertId, value: ev.marks[i] ?? 0, median: round6(mid), deviation: round6(deviation) });
      });
    });
  }
  return found;
}

/**
 * Why an agreement statistic cannot be computed: too few entries or experts in the complete block;
 * no variance (every expert gave every entry the same value, so there is no order and nothing to be
 * reliable about); or, for an ICC, a denominator of exactly 0 although the values vary.
 */
export type UndefinedReason = 'fewExperts' | 'fewEntries' | 'noVariance' | 'zeroDenominator';
export type Undefined = { defined: false; reason: UndefinedReason };

/**
 * A coefficient outside the range its reading is made for: below 0 (the experts agree less than
 * chance would have them), or above 1 (ICC(2,k) when its denominator is negative, which happens when
 * ICC(2,1) < −1/(k − 1): not a reliability at all).
 */
export type OutOfRange = 'belowZero' | 'aboveOne';

/** One agreement coefficient: its value and whether it lies outside 0–1, or why it is undefined. */
export type Coefficient = { defined: true; value: number; outOfRange: OutOfRange | null } | Undefined;

export type KendallW = { defined: true; w: number; chiSquare: number; m: number; n: number; experts: string[] } | Undefined;

/**
 * Doubled ranks (so that shared ranks stay whole), 2 for the highest value; tied values share the
 * average of their ranks. And T = Σ (t³ − t) over the groups of t tied values.
 */
function doubledRanks(xs: readonly Exact[]): { ranks: bigint[]; t: bigint } {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => compare(b.x, a.x) || a.i - b.i);
  const ranks = new Array<bigint>(xs.length).fill(0n);
  let t = 0n;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && compare((order[end] as { x: Exact }).x, (order[start] as { x: Exact }).x) === 0) end += 1;
    const size = BigInt(end - start);
    for (let j = start; j < end; j += 1) ranks[order[j]?.i ?? 0] = BigInt(start + 1 + end);
    t += size * size * size - size;
    start = end;
  }
  return { ranks, t };
}

/** The complete block as a table: one row per entry (by id), one column per expert of the block (by id). */
function blockTable(panel: Panel, experts: readonly string[]): Exact[][] {
  return panel.entryIds.map((entryId) => {
    const evs = panel.byEntry.get(entryId) ?? [];
    return experts.map((expertId) => evs.find((ev) => ev.expertId === expertId)?.normalised ?? ZERO);
  });
}

function blockProblem(panel: Panel, experts: readonly string[]): Undefined | null {
  if (panel.entryIds.length < 2) return { defined: false, reason: 'fewEntries' };
  if (experts.length < 2) return { defined: false, reason: 'fewExperts' };
  return null;
}

/**
 * Kendall's coefficient of concordance W on the complete block (the experts who evaluated every
 * entry), with the correction for ties: each expert ranks the entries by normalised total (exact,
 * so values equal in decimal tie), ties sharing average ranks; W = 12S / (m²(n³ − n) − m ΣT),
 * χ² = m(n − 1)W, both exact before rounding. Undefined, no variance, when every expert tied every entry.
 */
export function kendallW(category: Scorable): KendallW {
  const panel = panelOf(category);
  const experts = completeBlock(panel);
  const problem = blockProblem(panel, experts);
  if (problem !== null) return problem;
  const table = blockTable(panel, experts);
  const m = BigInt(experts.length);
  const n = BigInt(panel.entryIds.length);
  const sums = new Array<bigint>(table.length).fill(0n);
  let ties = 0n;
  experts.forEach((_, j) => {
    const { ranks, t } = doubledRanks(table.map((row) => row[j] ?? ZERO));
    ranks.forEach((r, i) => (sums[i] = (sums[i] ?? 0n) + r));
    ties += t;
  });
  // With doubled rank sums D_i = 2R_i: R_i − m(n + 1)/2 = (D_i − m(n + 1)) / 2, so 12S = 3 Σ (D_i − m(n + 1))².
  let twelveS = 0n;
  for (const d of sums) twelveS += 3n * (d - m * (n + 1n)) ** 2n;
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (denominator === 0n) return { defined: false, reason: 'noVariance' };
  const w = ratio(twelveS, denominator);
  return { defined: true, w: round6(w), chiSquare: round6(mul(integer(m * (n - 1n)), w)), m: experts.length, n: panel.entryIds.length, experts };
}

export type Icc = { defined: true; icc21: Coefficient; icc2k: Coefficient; k: number; n: number; bms: number; jms: number; ems: number; experts: string[] } | Undefined;

/** numerator / denominator as a coefficient: undefined when the denominator is 0, marked when outside 0–1. */
function coefficient(numerator: Exact, denominator: Exact): Coefficient {
  if (isZero(denominator)) return { defined: false, reason: 'zeroDenominator' };
  const value = div(numerator, denominator);
  const outOfRange = sign(value) < 0 ? 'belowZero' : compare(value, integer(1)) > 0 ? 'aboveOne' : null;
  return { defined: true, value: round6(value), outOfRange };
}

/**
 * Two-way random effects, absolute agreement (Shrout & Fleiss 1979, ICC(2,1) and ICC(2,k)) on the
 * complete block: n entries (targets) × k experts (judges), normalised totals, every sum of squares
 * exact. No variance (undefined) when no entry differs from another for any expert: between-entry
 * and residual mean squares both 0 (then Kendall's W is undefined too).
 */
export function icc(category: Scorable): Icc {
  const panel = panelOf(category);
  const experts = completeBlock(panel);
  const problem = blockProblem(panel, experts);
  if (problem !== null) return problem;
  const x = blockTable(panel, experts);
  const n = x.length;
  const k = experts.length;
  // Sums of squares about the grand mean: total, between entries (rows), between experts (columns); the residual is what is left.
  const correction = div(square(sum(x.flat())), integer(n * k));
  const total = sub(sum(x.flat().map(square)), correction);
  const rows = sub(div(sum(x.map((row) => square(sum(row)))), integer(k)), correction);
  const cols = sub(div(sum(experts.map((_, j) => square(sum(x.map((row) => row[j] ?? ZERO))))), integer(n)), correction);
  const bms = div(rows, integer(n - 1));
  const jms = div(cols, integer(k - 1));
  const ems = div(sub(sub(total, rows), cols), integer((n - 1) * (k - 1)));
  if (isZero(bms) && isZero(ems)) return { defined: false, reason: 'noVariance' };
  const numerator = sub(bms, ems);
  const jmsOverN = div(sub(jms, ems), integer(n));
  const single = add(add(bms, mul(integer(k - 1), ems)), mul(integer(k), jmsOverN));
  const base = { k, n, bms: round6(bms), jms: round6(jms), ems: round6(ems), experts };
  return { defined: true, icc21: coefficient(numerator, single), icc2k: coefficient(numerator, add(bms, jmsOverN)), ...base };
}


export type Method = ScoringRules['method'];

export interface MethodSensitivity {
  /** Per method, the entries at place 1 (by id when they share it). */
  methods: { method: Method; winners: string[] }[];
  /** Whether the winners differ between any two methods. */
  changes: boolean;
}

/** Who wins under each method, with the nomination's order and tie-breaks and no chair decisions. */
export function methodSensitivity(category: Scorable, rules: ScoringRules): MethodSensitivity {
  const all: Method[] = ['mean', 'median', 'trimmed', 'normalised'];
  const panel = panelOf(category);
  const methods = all.map((method) => ({
    method,
    winners: rankCategory(panel, { ...rules, method }).ranked.filter((e) => e.place === 1).map((e) => e.entryId),
  }));
  const first = JSON.stringify(methods[0]?.winners);
  return { methods, changes: methods.some((m) => JSON.stringify(m.winners) !== first) };
}
