import { z } from 'zod';
import type { CategoryResult } from '../formats/payloads.ts';
import type { MessageKey, Params } from '../i18n/index.ts';
import { groupTitle, TieRequest } from './chair.ts';
import { Id } from './contest.ts';

/**
 * Ties the tie-break chain leaves open, and the chair's decisions on them: one model for the app's
 * results screen, `jurybox merge --decisions` and `jurybox recompute` (docs/scoring.md, docs/formats.md).
 */

/** What a tie decision names: its group, and the entries in the order decided (first place first). */
export interface TieDecisionOf {
  nominationId: string;
  categoryId: string | null;
  entryIds: readonly string[];
  reason: string;
}

/** A tie the ranking leaves open: its group, the place its entries share, the entries by id. */
export interface OpenTie {
  nominationId: string;
  categoryId: string | null;
  place: number | null;
  entryIds: string[];
}

/** A contest as far as naming groups and entries goes (the definition or the summary signed results carry). */
export interface ContestNames {
  nominations: readonly { id: string; title: string; categories: readonly { id: string; title: string }[] }[];
  entries: readonly { id: string; title: string }[];
}

/** Why one decision of a list cannot be taken: its index, and the message saying so. */
export interface TieProblem {
  index: number;
  key: MessageKey;
  params: Params;
}

/** The chair's tie decisions in a file for `jurybox merge --decisions`: the decisions the app records, for one contest. */
export const TieDecisionsFile = z
  .object({ format: z.literal('jurybox.tie-decisions'), version: z.literal(1), contestId: Id, decisions: z.array(TieRequest).min(1).max(10_000) })
  .strict();
export type TieDecisionsFile = z.infer<typeof TieDecisionsFile>;

/** The ties results leave open, in group order, each with the place its entries share. */
export function openTies(results: readonly CategoryResult[]): OpenTie[] {
  return results.flatMap((r) =>
    r.unresolvedTies.map((entryIds) => ({ nominationId: r.nominationId, categoryId: r.categoryId, place: r.ranked.find((x) => x.entryId === entryIds[0])?.place ?? null, entryIds })),
  );
}

/** Entries by title and id, in the order given: what a person reads, and what a file names. */
export function namedEntries(contest: ContestNames, ids: readonly string[]): { id: string; title: string }[] {
  return ids.map((id) => ({ id, title: contest.entries.find((e) => e.id === id)?.title ?? id }));
}

/** "Title (id), Title (id)": entries as messages name them. */
export const entriesText = (contest: ContestNames, ids: readonly string[]): string =>
  namedEntries(contest, ids)
    .map((e) => `${e.title} (${e.id})`)
    .join(', ');

const sameSet = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && [...a].sort().join('\0') === [...b].sort().join('\0');

/**
 * Checks decisions, in order, against the ties `results` leave open: each must name a group that is
 * ranked, give a reason, and order exactly the entries of one tie still open (a tie settled by an
 * earlier decision of the list is no longer open, and the problem names that decision). Returns the
 * problems, the tie each valid decision settles, and the ties left open.
 */
export function settleTies(contest: ContestNames, results: readonly CategoryResult[], decisions: readonly TieDecisionOf[]): { problems: TieProblem[]; settled: { index: number; tie: OpenTie }[]; open: OpenTie[] } {
  const open = openTies(results);
  const problems: TieProblem[] = [];
  const settled: { index: number; tie: OpenTie }[] = [];
  decisions.forEach((d, index) => {
    const ranked = results.some((r) => r.nominationId === d.nominationId && r.categoryId === d.categoryId);
    const group = ranked ? groupTitle(contest, d.nominationId, d.categoryId) : [d.nominationId, d.categoryId].filter((x) => x !== null).join(' › ');
    const at = open.findIndex((tie) => tie.nominationId === d.nominationId && tie.categoryId === d.categoryId && sameSet(tie.entryIds, d.entryIds));
    const tie = open[at];
    const earlier = tie ? undefined : settled.find((s) => s.tie.nominationId === d.nominationId && s.tie.categoryId === d.categoryId && sameSet(s.tie.entryIds, d.entryIds));
    if (!ranked) problems.push({ index, key: 'tie.unknownGroup', params: { group } });
    else if (d.reason.trim() === '') problems.push({ index, key: 'tie.reasonRequired', params: {} });
    else if (earlier) problems.push({ index, key: 'tie.decidedTwice', params: { group, entries: entriesText(contest, d.entryIds), first: earlier.index } });
    else if (!tie) problems.push({ index, key: 'tie.notTied', params: { group, entries: entriesText(contest, d.entryIds) } });
    else {
      settled.push({ index, tie });
      open.splice(at, 1);
    }
  });
  return { problems, settled, open };
}
