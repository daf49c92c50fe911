import type { ScoringRules } from '../domain/contest.ts';
import { mean, median, sd } from './aggregate.ts';
import { completeBlock, panelOf, round6, type Panel, type Scorable } from './evaluations.ts';
import { rankCategory } from './rank.ts';

/*
 * What the chair sees beside a ranking (docs/scoring.md, "Statistics"). Everything is computed on
 * the category's complete evaluations and, unless a function says otherwise, on 0–100 normalised
 * totals, so criteria with different scales and weights compare. Every number is rounded by round6.
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
  const entryMean = new Map<string, number>();
  for (const [entryId, evs] of panel.byEntry) if (evs.length > 0) entryMean.set(entryId, mean(evs.map((ev) => ev.normalised)));
  return panel.expertIds.map((expertId) => {
    const evs = panel.byExpert.get(expertId) ?? [];
    if (evs.length === 0) return { expertId, evaluations: 0, severity: null, spread: null };
    const own = evs.map((ev) => ev.normalised);
    const severity = mean(evs.map((ev) => ev.normalised - (entryMean.get(ev.entryId) ?? 0)));
    return { expertId, evaluations: evs.length, severity: round6(severity), spread: round6(sd(own)) };
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
  /** range > tolerance (points of 0–100). */
  flagged: boolean;
}

/** Per entry of the category, by id; `tolerance` is the nomination's, in points of 0–100. */
export function entryDisagreement(category: Scorable, tolerance: number): EntryDisagreement[] {
  const panel = panelOf(category);
  return panel.entryIds.map((entryId) => {
    const xs = (panel.byEntry.get(entryId) ?? []).map((ev) => ev.normalised);
    if (xs.length === 0) return { entryId, evaluations: 0, sd: null, range: null, flagged: false };
    const range = round6(Math.max(...xs) - Math.min(...xs));
    return { entryId, evaluations: xs.length, sd: round6(sd(xs)), range, flagged: range > tolerance };
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
 * criterion. A robust, fixed rule rather than z-scores: with n raters no mark can lie more than
 * √(n − 1) population SDs from the mean, so with three experts a "2 SD" rule could never fire.
 * By entry id, criterion order, expert id.
 */
export function outlierMarks(category: Scorable): OutlierMark[] {
  const panel = panelOf(category);
  const found: OutlierMark[] = [];
  for (const entryId of panel.entryIds) {
    const evs = panel.byEntry.get(entryId) ?? [];
    if (evs.length === 0) continue;
    panel.criteria.forEach((c, i) => {
      const values = evs.map((ev) => ev.marks[i] ?? 0);
      const mid = median(values);
      const limit = round6(((c.scale.max - c.scale.min) * 2) / 5);
      evs.forEach((ev, j) => {
        const value = values[j] ?? 0;
        const deviation = round6(value - mid);
        if (Math.abs(deviation) > limit) found.push({ entryId, criterionId: c.id, expertId: ev.expertId, value, median: round6(mid), deviation });
      });
    });
  }
  return found;
}

/** Why an agreement statistic cannot be computed. */
export type Undefined = { defined: false; reason: 'fewExperts' | 'fewEntries' | 'noVariance' };

export type KendallW = { defined: true; w: number; chiSquare: number; m: number; n: number; experts: string[] } | Undefined;

/** Ranks, 1 for the highest value, with tied values sharing the average of their ranks; and T = Σ (t³ − t) over tie groups. */
function averageRanks(xs: readonly number[]): { ranks: number[]; t: number } {
  const order = xs.map((x, i) => ({ x, i })).sort((a, b) => b.x - a.x || a.i - b.i);
  const ranks = new Array<number>(xs.length).fill(0);
  let t = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]?.x === order[start]?.x) end += 1;
    const size = end - start;
    for (let j = start; j < end; j += 1) ranks[order[j]?.i ?? 0] = (start + 1 + end) / 2;
    t += size * size * size - size;
    start = end;
  }
  return { ranks, t };
}

/** The complete block as a table: one row per entry (by id), one column per expert of the block (by id). */
function blockTable(panel: Panel, experts: readonly string[]): number[][] {
  return panel.entryIds.map((entryId) => {
    const evs = panel.byEntry.get(entryId) ?? [];
    return experts.map((expertId) => evs.find((ev) => ev.expertId === expertId)?.normalised ?? 0);
  });
}

function blockProblem(panel: Panel, experts: readonly string[]): Undefined | null {
  if (panel.entryIds.length < 2) return { defined: false, reason: 'fewEntries' };
  if (experts.length < 2) return { defined: false, reason: 'fewExperts' };
  return null;
}

/**
 * Kendall's coefficient of concordance W on the complete block (the experts who evaluated every
 * entry), with the correction for ties: each expert ranks the entries by normalised total rounded to
 * 6 decimals, ties sharing average ranks; W = 12S / (m²(n³ − n) − m ΣT), χ² = m(n − 1)W.
 */
export function kendallW(category: Scorable): KendallW {
  const panel = panelOf(category);
  const experts = completeBlock(panel);
  const problem = blockProblem(panel, experts);
  if (problem !== null) return problem;
  const table = blockTable(panel, experts);
  const m = experts.length;
  const n = panel.entryIds.length;
  const sums = new Array<number>(n).fill(0);
  let ties = 0;
  experts.forEach((_, j) => {
    const { ranks, t } = averageRanks(table.map((row) => round6(row[j] ?? 0)));
    ranks.forEach((r, i) => (sums[i] = (sums[i] ?? 0) + r));
    ties += t;
  });
  const expected = (m * (n + 1)) / 2;
  let s = 0;
  for (const r of sums) s += (r - expected) * (r - expected);
  const denominator = m * m * (n * n * n - n) - m * ties;
  if (denominator === 0) return { defined: false, reason: 'noVariance' };
  const w = (12 * s) / denominator;
  return { defined: true, w: round6(w), chiSquare: round6(m * (n - 1) * w), m, n, experts };
}

export type Icc = { defined: true; icc21: number; icc2k: number; k: number; n: number; bms: number; jms: number; ems: number; experts: string[] } | Undefined;

/**
 * Two-way random effects, absolute agreement (Shrout & Fleiss 1979, ICC(2,1) and ICC(2,k)) on the
 * complete block: n entries (targets) × k experts (judges), normalised totals.
 */
export function icc(category: Scorable): Icc {
  const panel = panelOf(category);
  const experts = completeBlock(panel);
  const problem = blockProblem(panel, experts);
  if (problem !== null) return problem;
  const x = blockTable(panel, experts);
  const n = x.length;
  const k = experts.length;
  const grand = mean(x.flat());
  const rowMeans = x.map((row) => mean(row));
  const colMeans = experts.map((_, j) => mean(x.map((row) => row[j] ?? 0)));
  let rows = 0;
  for (const r of rowMeans) rows += (r - grand) * (r - grand);
  let cols = 0;
  for (const c of colMeans) cols += (c - grand) * (c - grand);
  let residual = 0;
  x.forEach((row, i) =>
    row.forEach((v, j) => {
      const e = v - (rowMeans[i] ?? 0) - (colMeans[j] ?? 0) + grand;
      residual += e * e;
    }),
  );
  const bms = (k * rows) / (n - 1);
  const jms = (n * cols) / (k - 1);
  const ems = residual / ((n - 1) * (k - 1));
  const single = bms + (k - 1) * ems + (k * (jms - ems)) / n;
  const average = bms + (jms - ems) / n;
  if (single === 0 || average === 0) return { defined: false, reason: 'noVariance' };
  const base = { k, n, bms: round6(bms), jms: round6(jms), ems: round6(ems), experts };
  return { defined: true, icc21: round6((bms - ems) / single), icc2k: round6((bms - ems) / average), ...base };
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
