import { z } from 'zod';
import type { Channel } from './channels.ts';
import { ErrorPayload } from '../errors.ts';
import { Id } from '../domain/contest.ts';
import {
  AppInfo,
  EntryDetail,
  EntryList,
  NominationProgress,
  RecentWorkspace,
  SavedMark,
  WorkspaceSummary,
} from '../domain/views.ts';

/** A path on the machine that hosts the workspace. */
const FilePath = z.string().min(1).max(4096);
const Nothing = z.object({}).strict();

/**
 * The API contract: one entry per channel, with the schema of what the UI sends (checked on the
 * Node side before any service runs) and of what it gets back. Both transports, Electron IPC and
 * the browser host, serve exactly this table.
 */
export const api = {
  /** Version and what this host can do. */
  'app:info': { input: Nothing, output: AppInfo },
  /** Workspaces opened before, newest first. */
  'workspace:recent': { input: Nothing, output: z.array(RecentWorkspace) },
  /** The workspace this session has open, if any (the UI asks after a reload). */
  'workspace:current': { input: Nothing, output: WorkspaceSummary.nullable() },
  /** Opens a workspace file; refuses files that are not JuryBox workspaces or are too new. */
  'workspace:open': { input: z.object({ path: FilePath }).strict(), output: WorkspaceSummary },
  /** Opens the demo contest, creating it in the app's data folder the first time. */
  'workspace:openDemo': { input: Nothing, output: WorkspaceSummary },
  /** Shows the host's file dialog (desktop only); null when cancelled or not available. */
  'workspace:pick': { input: Nothing, output: z.object({ path: FilePath.nullable() }) },
  /** Closes the open workspace. */
  'workspace:close': { input: Nothing, output: z.null() },
  /** Chooses the expert whose marks this workspace records. */
  'scoring:setScorer': { input: z.object({ expertId: Id }).strict(), output: WorkspaceSummary },
  /** Nominations and categories with the scorer's progress. */
  'scoring:overview': { input: Nothing, output: z.array(NominationProgress) },
  /** The entries of one nomination (and category) with the scorer's status on each. */
  'scoring:entries': {
    input: z.object({ nominationId: Id, categoryId: Id.nullable() }).strict(),
    output: EntryList,
  },
  /** One entry with its criteria, rubric, and the scorer's marks. */
  'scoring:entry': { input: z.object({ entryId: Id }).strict(), output: EntryDetail },
  /** Saves one mark at once (null clears it); answers when it is durable on disk. */
  'marks:set': {
    input: z.object({ entryId: Id, criterionId: Id, value: z.number().nullable() }).strict(),
    output: SavedMark,
  },
} as const satisfies Record<Channel, { input: z.ZodType; output: z.ZodType }>;

export type Api = typeof api;
export type Input<C extends Channel> = z.input<Api[C]['input']>;
export type Output<C extends Channel> = z.output<Api[C]['output']>;

/** What crosses a transport: the output, or an error for the user. Never a thrown exception. */
export type Reply<C extends Channel> = { ok: true; value: Output<C> } | { ok: false; error: ErrorPayload };
export const Reply = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: ErrorPayload }),
]);
