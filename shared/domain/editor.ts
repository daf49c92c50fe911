import { z } from 'zod';
import { Category, ContestInfo, CriterionDraft, Entry, Expert, Id, Nomination } from './contest.ts';

/**
 * What the contest editor sends and is shown. Inputs are the contest definition's own schemas,
 * with the id optional: an item without one is new and gets an id on the Node side.
 */

export const NominationInput = Nomination.extend({
  id: Id.optional(),
  categories: z.array(Category.extend({ id: Id.optional() })).max(200).default([]),
  criteria: z.array(CriterionDraft).max(200).default([]),
});
export type NominationInput = z.input<typeof NominationInput>;

export const EntryInput = Entry.extend({ id: Id.optional() });
export type EntryInput = z.input<typeof EntryInput>;

export const ExpertInput = Expert.extend({ id: Id.optional() });
export type ExpertInput = z.input<typeof ExpertInput>;

export const ContestInfoInput = ContestInfo.omit({ id: true });
export type ContestInfoInput = z.input<typeof ContestInfoInput>;

/** An enrolled key as the organiser sees it: the fingerprint to compare by phone. */
export const EnrolmentView = z.object({ fingerprint: z.string(), enrolledAt: z.string(), confirmedAt: z.string() });
export type EnrolmentView = z.infer<typeof EnrolmentView>;

export const ExpertView = Expert.extend({ enrolment: EnrolmentView.nullable(), marks: z.number().int() });
export type ExpertView = z.infer<typeof ExpertView>;

export const EntryView = Entry.extend({ marks: z.number().int() });
export type EntryView = z.infer<typeof EntryView>;

export const EditorOverview = z.object({
  info: ContestInfo,
  nominations: z.array(Nomination),
  counts: z.object({ entries: z.number().int(), experts: z.number().int(), enrolled: z.number().int() }),
  lastRevision: z.number().int().nullable(),
});
export type EditorOverview = z.infer<typeof EditorOverview>;

export const AssignmentScope = z.union([
  z.object({ nominationId: Id }).strict(),
  z.object({ categoryId: Id }).strict(),
  z.object({ entryId: Id }).strict(),
]);
export type AssignmentScope = z.infer<typeof AssignmentScope>;

const Pair = { expertId: Id, entryId: Id };

/** One nomination (or one of its categories) as experts × entries, with every conflict. */
export const AssignmentMatrix = z.object({
  nomination: z.object({ id: Id, title: z.string() }),
  category: z.object({ id: Id, title: z.string() }).nullable(),
  experts: z.array(
    z.object({
      id: Id,
      name: z.string(),
      organisation: z.string(),
      region: z.string(),
      wholeNomination: z.boolean(),
      wholeCategory: z.boolean(),
      /** Categories of this nomination the expert is assigned as a whole. */
      categories: z.array(Id),
    }),
  ),
  entries: z.array(z.object({ id: Id, title: z.string(), organisation: z.string(), region: z.string(), categoryId: Id.nullable() })),
  /** Assignments of single entries. */
  single: z.array(z.object(Pair)),
  conflicts: z.array(z.object({ ...Pair, source: z.enum(['auto', 'declared', 'organiser']), reason: z.string() })),
  waivers: z.array(z.object({ ...Pair, reason: z.string() })),
});
export type AssignmentMatrix = z.infer<typeof AssignmentMatrix>;
