import type { ScoringRules, TieBreak } from '../domain/contest.ts';
import { scoreCategory, type CategoryInput, type EntryScore } from './aggregate.ts';
import { compareIds, panelOf, type Scorable } from './evaluations.ts';

/** The chair's decision on entries still tied after the tie-break chain, with the recorded reason. */
export interface TieDecision {
  /** The tied entries, in the order the chair decided. */
  entryIds: string[];
  reason: string;
}

/** An entry's score with its place in the category. */
export type RankedEntry = EntryScore & {
  /** 1-based competition place (1, 2, 2, 4); null for a flagged entry. */
  place: number | null;
  /** The other entries with the same rounded score, by id, however the tie was then settled. */
  tiedWith: string[];
  /** What set the entry's place: its score alone, the tie-break chain, a chair decision, or nothing (a shared place, or flagged). */
  decidedBy: 'score' | 'tieBreak' | 'chair' | null;
};

export interface CategoryRanking {
  /** The ranked entries by place; entries sharing a place by id. */
  ranked: RankedEntry[];
  /** Entries with fewer evaluations than the minimum: shown, never ranked. By score (highest first), then id. */
  flagged: RankedEntry[];
  /** Groups still tied after the chain and without a chair decision, by place; each group by id. */
  unresolvedTies: string[][];
}

type Entry = CategoryInput['entries'][number];

/** Orders by a tie-break step: the higher aggregated mark on the criterion, or the earlier application; null last. */
function compareBy(step: TieBreak, a: EntryScore, b: EntryScore, entries: Map<string, Entry>): number {
  if (step.kind === 'criterion') {
    const x = a.criteria[step.criterionId] ?? null;
    const y = b.criteria[step.criterionId] ?? null;
    if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
    return y - x;
  }
  const x = entries.get(a.entryId)?.appliedOn ?? null;
  const y = entries.get(b.entryId)?.appliedOn ?? null;
  if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0);
  return compareIds(x, y); // YYYY-MM-DD: the string order is the date order
}

/** Splits a group of equal scores into ordered runs, step by step; what stays together is still tied. */
function breakTies(group: EntryScore[], steps: readonly TieBreak[], entries: Map<string, Entry>): EntryScore[][] {
  const [step, ...rest] = steps;
  if (group.length < 2 || step === undefined) return [group];
  const sorted = [...group].sort((a, b) => compareBy(step, a, b, entries) || compareIds(a.entryId, b.entryId));
  const runs: EntryScore[][] = [];
  for (const e of sorted) {
    const run = runs.at(-1);
    const first = run?.[0];
    if (run !== undefined && first !== undefined && compareBy(step, first, e, entries) === 0) run.push(e);
    else runs.push([e]);
  }
  return runs.flatMap((run) => breakTies(run, rest, entries));
}

/** The chair decision whose entries are exactly this set (the first one listed), if any. */
function findDecision(run: EntryScore[], decisions: readonly TieDecision[]): TieDecision | undefined {
  const ids = run.map((e) => e.entryId).sort(compareIds);
  return decisions.find((d) => {
    if (d.reason.trim() === '' || d.entryIds.length !== ids.length) return false;
    const theirs = [...d.entryIds].sort(compareIds);
    return theirs.every((id, i) => id === ids[i]);
  });
}

function byScoreThenId(a: EntryScore, b: EntryScore): number {
  if (a.score !== b.score) return a.score === null ? 1 : b.score === null ? -1 : b.score - a.score;
  return compareIds(a.entryId, b.entryId);
}

/**
 * Ranks one nomination × category (docs/scoring.md): entries with too few evaluations are flagged;
 * the rest by rounded score, highest first; equal scores go through `rules.tieBreak` in order; what
 * is still tied is ordered by the chair decision on exactly that set, or shares a place and is
 * reported in `unresolvedTies`. Takes the category's input or its panel (collectEvaluations).
 */
export function rankCategory(category: Scorable, rules: ScoringRules, decisions: readonly TieDecision[] = []): CategoryRanking {
  const panel = panelOf(category);
  const { input } = panel;
  const scores = scoreCategory(panel, rules);
  const entries = new Map(input.entries.map((e) => [e.id, e]));
  const eligible = scores.filter((s) => s.score !== null && s.evaluations >= input.minEvaluations).sort(byScoreThenId);
  const isEligible = new Set(eligible);
  const flagged = scores
    .filter((s) => !isEligible.has(s))
    .sort(byScoreThenId)
    .map((s): RankedEntry => ({ ...s, place: null, tiedWith: [], decidedBy: null }));

  const ranked: RankedEntry[] = [];
  const unresolvedTies: string[][] = [];
  let i = 0;
  while (i < eligible.length) {
    let end = i + 1;
    while (end < eligible.length && eligible[end]?.score === eligible[i]?.score) end += 1;
    const group = eligible.slice(i, end);
    const ids = group.map((e) => e.entryId);
    const place = (e: EntryScore, at: number, decidedBy: RankedEntry['decidedBy']): void => {
      ranked.push({ ...e, place: at, tiedWith: ids.filter((id) => id !== e.entryId), decidedBy });
    };
    for (const run of breakTies(group, rules.tieBreak, entries)) {
      const at = ranked.length + 1;
      const decision = run.length > 1 ? findDecision(run, decisions) : undefined;
      if (run.length === 1) place(run[0] as EntryScore, at, group.length === 1 ? 'score' : 'tieBreak');
      else if (decision !== undefined) {
        decision.entryIds.forEach((id, j) => place(run.find((e) => e.entryId === id) as EntryScore, at + j, 'chair'));
      } else {
        const shared = [...run].sort((a, b) => compareIds(a.entryId, b.entryId));
        for (const e of shared) place(e, at, null);
        unresolvedTies.push(shared.map((e) => e.entryId));
      }
    }
    i = end;
  }
  return { ranked, flagged, unresolvedTies };
}
