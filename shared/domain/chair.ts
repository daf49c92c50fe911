import { z } from 'zod';
import { Id, type ContestDefinition } from './contest.ts';

/** The chair's view: what arrived, what stands, and what the rankings are. */

export const CoverageState = z.enum(['notAssigned', 'missing', 'partial', 'draft', 'complete', 'conflict', 'abstained']);
export type CoverageState = z.infer<typeof CoverageState>;

export const Coverage = z.object({
  nomination: z.object({ id: Id, title: z.string(), minEvaluations: z.number().int() }),
  experts: z.array(z.object({ id: Id, name: z.string() })),
  entries: z.array(z.object({ id: Id, title: z.string(), evaluations: z.number().int() })),
  /** cells[expert][entry], in the order of `experts` and `entries`. */
  cells: z.array(z.array(CoverageState)),
});
export type Coverage = z.infer<typeof Coverage>;

/** How a ranked group is named: the nomination, and its category when it has one. */
export function groupTitle(contest: ContestDefinition, nominationId: string, categoryId: string | null): string {
  const nomination = contest.nominations.find((n) => n.id === nominationId);
  if (!nomination) return nominationId;
  const category = categoryId ? nomination.categories.find((c) => c.id === categoryId) : undefined;
  return category ? `${nomination.title} › ${category.title}` : nomination.title;
}
