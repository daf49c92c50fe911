import type { Awards } from '../domain/contest.ts';

/** What an entry is awarded: a prize place, the title of laureate, or nothing. */
export type Award = { kind: 'place'; place: number } | { kind: 'laureate' } | null;

/** The awards of a nomination × category: the category's own, else the nomination's. */
export function awardsOfGroup(nomination: { awards: Awards; categories: { id: string; awards: Awards | null }[] }, categoryId: string | null): Awards {
  return nomination.categories.find((c) => c.id === categoryId)?.awards ?? nomination.awards;
}

/**
 * The award of each ranked entry (docs/scoring.md §9). Places 1 to `places` are prize places
 * (entries sharing a place share the award). Of the entries after them, laureates are the next
 * `count` by rank (an entry sharing the last laureate's place is one too), or every one whose
 * 0–100 score is at or above the threshold. Flagged entries are never ranked, so never awarded.
 */
export function awardEntries(ranked: readonly { entryId: string; place: number | null; normalised: number | null }[], awards: Awards): Map<string, Award> {
  const result = new Map<string, Award>();
  const rest: (typeof ranked)[number][] = [];
  for (const r of ranked) {
    if (r.place !== null && r.place <= awards.places) result.set(r.entryId, { kind: 'place', place: r.place });
    else rest.push(r);
  }
  const { laureates } = awards;
  const last = laureates.kind === 'count' ? rest[laureates.count - 1]?.place ?? Number.POSITIVE_INFINITY : null;
  for (const r of rest) {
    const laureate =
      laureates.kind === 'count' ? r.place !== null && r.place <= (last ?? 0) : laureates.kind === 'threshold' ? r.normalised !== null && r.normalised >= laureates.score : false;
    result.set(r.entryId, laureate ? { kind: 'laureate' } : null);
  }
  return result;
}
