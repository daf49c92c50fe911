import { z } from 'zod';
import { ContestInfo, Criterion, Entry, ExpertRole, Id } from './contest.ts';

/**
 * What the UI is shown: read models assembled on the Node side from the workspace.
 * They are outputs of the API contract, so the renderer never sees a database row.
 */

export const ExpertRef = z.object({
  id: Id,
  name: z.string(),
  organisation: z.string(),
  region: z.string(),
  role: ExpertRole,
});
export type ExpertRef = z.infer<typeof ExpertRef>;

/** The workspace that is open: its file, its contest, and who is scoring in it. */
export const WorkspaceSummary = z.object({
  path: z.string(),
  /** 'expert' and 'chair': made from a contest package, the contest read-only; an expert's scores for one expert. */
  kind: z.enum(['organiser', 'expert', 'chair']),
  contest: ContestInfo,
  counts: z.object({ nominations: z.number().int(), entries: z.number().int(), experts: z.number().int() }),
  experts: z.array(ExpertRef),
  /** The expert whose marks this workspace records; null until one is chosen. */
  scorer: ExpertRef.nullable(),
});
export type WorkspaceSummary = z.infer<typeof WorkspaceSummary>;

/** How far the scorer has got with a set of entries (conflicted ones are counted apart). */
export const Progress = z.object({
  assigned: z.number().int(),
  complete: z.number().int(),
  /** Some marks given, not all. */
  incomplete: z.number().int(),
  conflicted: z.number().int(),
  /** Entries the expert chose not to score (counted as done). */
  abstained: z.number().int(),
});
export type Progress = z.infer<typeof Progress>;

export const CategoryProgress = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  progress: Progress,
});
export type CategoryProgress = z.infer<typeof CategoryProgress>;

export const NominationProgress = z.object({
  id: Id,
  title: z.string(),
  description: z.string(),
  criteriaCount: z.number().int(),
  categories: z.array(CategoryProgress),
  /** Entries of the nomination that sit in no category. */
  uncategorised: Progress,
  progress: Progress,
});
export type NominationProgress = z.infer<typeof NominationProgress>;

export const EntryStatus = z.enum(['notStarted', 'incomplete', 'complete', 'conflict', 'abstained']);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const EntryListItem = z.object({
  id: Id,
  nominationId: Id,
  categoryId: Id.nullable(),
  title: z.string(),
  organisation: z.string(),
  region: z.string(),
  status: EntryStatus,
  marked: z.number().int(),
  criteria: z.number().int(),
});
export type EntryListItem = z.infer<typeof EntryListItem>;

export const EntryList = z.object({
  nomination: z.object({ id: Id, title: z.string() }),
  category: z.object({ id: Id, title: z.string() }).nullable(),
  entries: z.array(EntryListItem),
  /** How many entries the list has, all of them, whether or not `entries` holds every one. */
  total: z.number().int(),
});
export type EntryList = z.infer<typeof EntryList>;

export const SavedMark = z.object({
  entryId: Id,
  criterionId: Id,
  /** null when the mark was cleared. */
  value: z.number().nullable(),
  comment: z.string(),
  savedAt: z.string(),
});
export type SavedMark = z.infer<typeof SavedMark>;

export const ConflictView = z.object({ source: z.enum(['auto', 'declared', 'organiser']), reason: z.string() });
export type ConflictView = z.infer<typeof ConflictView>;

export const EntryDetail = z.object({
  entry: Entry,
  nomination: z.object({ id: Id, title: z.string() }),
  category: z.object({ id: Id, title: z.string() }).nullable(),
  criteria: z.array(Criterion),
  marks: z.array(SavedMark),
  assigned: z.boolean(),
  conflict: ConflictView.nullable(),
  /** The expert's own comment on the entry as a whole. */
  entryComment: z.string(),
  abstention: z.object({ reason: z.string() }).nullable(),
  /** Whether this workspace scores for one expert from a contest package (who may then declare conflicts). */
  expertMode: z.boolean(),
  /** Neighbours in the scorer's list of the same nomination and category, for keyboard flow. */
  previousId: Id.nullable(),
  nextId: Id.nullable(),
});
export type EntryDetail = z.infer<typeof EntryDetail>;

export const RecentWorkspace = z.object({
  path: z.string(),
  title: z.string(),
  openedAt: z.string(),
  exists: z.boolean(),
});
export type RecentWorkspace = z.infer<typeof RecentWorkspace>;

export const AppInfo = z.object({
  version: z.string(),
  /** Whether the host can show a native file dialog (the desktop app can; a browser tab cannot). */
  canPickFiles: z.boolean(),
  /** Whether the host can open the ceremony in a window of its own (the desktop app can). */
  canOpenWindows: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;
