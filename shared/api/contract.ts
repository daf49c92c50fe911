import { z } from 'zod';
import type { Channel } from './channels.ts';
import { ErrorPayload } from '../errors.ts';
import { ConflictDecision, ContestInfo, Entry, Expert, Id, Nomination } from '../domain/contest.ts';
import {
  AssignmentMatrix,
  AssignmentScope,
  ContestInfoInput,
  EditorOverview,
  EntryInput,
  EntryView,
  ExpertInput,
  ExpertView,
  NominationInput,
} from '../domain/editor.ts';
import {
  AuditView,
  BundleUpload,
  ChairStatus,
  Coverage,
  EntryMarks,
  FinaliseRequest,
  FinaliseStatus,
  GroupStatistics,
  KeyCheckView,
  ResultsView,
  SignedResults,
  TieRequest,
  VerdictView,
} from '../domain/chair.ts';
import { VenueCurrent, VenueExport, VenueView } from '../domain/venue.ts';
import { HandedFile } from '../domain/opened.ts';
import { BackupList, BackupName, BackupView, RestoreOutcome } from '../domain/backup.ts';
import { ImportCheck, ImportFile, ImportPreview, ImportRequest } from '../domain/import.ts';
import { EnrolRequest, EntryDecision, PackageFile, PackagePreview, PackageUpdate, SignedSubmission, SubmitRequest, SubmitStatus } from '../domain/expert.ts';
import { EnrolmentPreview, KeyList, KeyView, NewKey, PublishRequest, PublishStatus, SignedPublication, UploadedFile } from '../domain/publishing.ts';
import {
  AppInfo,
  EntryDetail,
  EntryList,
  EntryListItem,
  NominationProgress,
  RecentWorkspace,
  SavedMark,
  WorkspaceSummary,
} from '../domain/views.ts';

/** A path on the machine that hosts the workspace. */
const FilePath = z.string().min(1).max(4096);
const Nothing = z.object({}).strict();
const ById = z.object({ id: Id }).strict();

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
  /**
   * The entries of one nomination (and category) with the scorer's status on each; with `first`,
   * only the first ones in contest order (a list shows its first rows at once, more on request).
   */
  'scoring:entries': {
    input: z.object({ nominationId: Id, categoryId: Id.nullable(), first: z.number().int().min(1).optional() }).strict(),
    output: EntryList,
  },
  /** One entry with its criteria, rubric, and the scorer's marks. */
  'scoring:entry': { input: z.object({ entryId: Id }).strict(), output: EntryDetail },
  /** Saves one mark at once (null clears it); answers when it is durable on disk. */
  'marks:set': {
    input: z.object({ entryId: Id, criterionId: Id, value: z.number().nullable() }).strict(),
    output: SavedMark,
  },

  /** Creates a new, empty contest workspace at `path` (never over an existing file) and opens it. */
  'workspace:create': { input: z.object({ path: FilePath, title: z.string().trim().min(1).max(300) }).strict(), output: WorkspaceSummary },
  /** The contest as the organiser edits it: details, nominations with categories and criteria, counts. */
  'editor:overview': { input: Nothing, output: EditorOverview },
  'editor:saveInfo': { input: ContestInfoInput.strict(), output: ContestInfo },
  /** Saves a nomination with its categories and criteria; without an id it is created. */
  'editor:saveNomination': { input: NominationInput.strict(), output: Nomination },
  'editor:deleteNomination': { input: ById, output: z.null() },
  'editor:moveNomination': { input: z.object({ id: Id, delta: z.union([z.literal(-1), z.literal(1)]) }).strict(), output: z.null() },
  /** Entries of one nomination, or all of them (null). */
  'editor:entries': { input: z.object({ nominationId: Id.nullable() }).strict(), output: z.array(EntryView) },
  'editor:saveEntry': { input: EntryInput.strict(), output: Entry },
  'editor:deleteEntry': { input: ById, output: z.null() },
  /** Experts with their enrolled key's fingerprint, if any. */
  'editor:experts': { input: Nothing, output: z.array(ExpertView) },
  'editor:saveExpert': { input: ExpertInput.strict(), output: Expert },
  'editor:deleteExpert': { input: ById, output: z.null() },
  /** Experts × entries of one nomination or category: assignments and conflicts of interest. */
  'editor:matrix': { input: z.object({ nominationId: Id, categoryId: Id.nullable() }).strict(), output: AssignmentMatrix },
  'editor:assign': { input: z.object({ expertId: Id, scope: AssignmentScope, assigned: z.boolean() }).strict(), output: z.null() },
  /** The organiser adds a conflict or waives an automatic one (with a reason), or clears the decision (null). */
  'editor:decideConflict': {
    input: z.object({ expertId: Id, entryId: Id, decision: ConflictDecision.pick({ kind: true, reason: true }).nullable() }).strict(),
    output: z.null(),
  },
  /** Reads a chosen spreadsheet and suggests which column holds which field. */
  'import:preview': { input: ImportFile, output: ImportPreview },
  /** Converts the chosen rows with the mapping and lists every problem by row and column. */
  'import:check': { input: ImportRequest, output: ImportCheck },
  /** Imports every chosen row in one transaction, or nothing while any row has a problem. */
  'import:commit': { input: ImportRequest, output: z.object({ imported: z.number().int() }) },
  /** The user's signing keys (public halves only) and whether the OS keystore can seal new ones. */
  'keys:list': { input: Nothing, output: KeyList },
  /** Makes a key pair, sealed by the OS keystore or by a passphrase; the private key never leaves the host. */
  'keys:create': { input: NewKey, output: KeyView },
  /** What the next publication would be, what stops it, and every revision published so far. */
  'publish:status': { input: Nothing, output: PublishStatus },
  /** Signs the next revision of the contest package and writes it to the given path. */
  'publish:run': { input: PublishRequest, output: SignedPublication },
  /** Checks an expert's enrolment file and shows the fingerprint to compare by phone. */
  'enrol:preview': { input: UploadedFile, output: EnrolmentPreview },
  /** Takes the enrolment into the roster of the next revision, after the fingerprint was confirmed. */
  'enrol:confirm': { input: UploadedFile, output: EnrolmentPreview },
  /** Checks a contest package an expert received and shows the organiser key's fingerprint to compare. */
  'package:preview': { input: PackageFile, output: PackagePreview },
  /** Opens the package for one expert: makes their workspace, or brings it to this newer revision, and opens it. */
  'package:open': { input: PackageFile.extend({ expertId: Id }).strict(), output: WorkspaceSummary },
  /** Takes a newer revision of the package into the open expert's workspace (same organiser key only). */
  'package:update': { input: PackageFile, output: PackageUpdate },
  /** Every entry assigned to the scorer with its status, for search and filters. */
  'scoring:mine': { input: Nothing, output: z.array(EntryListItem) },
  /** The comment on one mark; every change goes into the mark's history. */
  'marks:comment': { input: z.object({ entryId: Id, criterionId: Id, comment: z.string().max(5_000) }).strict(), output: SavedMark },
  /** The expert's comment on an entry as a whole. */
  'entry:comment': { input: z.object({ entryId: Id, comment: z.string().max(5_000) }).strict(), output: z.object({ savedAt: z.string() }) },
  /** Declare or withdraw a conflict of interest, abstain or take it back (the expert's marks for the entry are removed). */
  'entry:decide': { input: z.object({ entryId: Id, decision: EntryDecision }).strict(), output: EntryDetail },
  /** What is missing before a complete bundle, and every bundle sent so far. */
  'submit:status': { input: Nothing, output: SubmitStatus },
  /** Signs the expert's result bundle (or an explicit draft) with the next sequence number and writes it. */
  'submit:run': { input: SubmitRequest, output: SignedSubmission },
  /** Writes the expert's enrolment (.jbenrol) for the contest, signed by the chosen key. */
  'enrol:export': { input: EnrolRequest, output: z.object({ path: z.string(), fingerprint: z.string() }) },

  /** Opens a contest package as the jury chair: makes the chair's workspace, or brings it to this newer revision. */
  'chair:open': { input: PackageFile, output: WorkspaceSummary },
  /** Each expert's standing bundle, the keys confirmed, the package revisions held. */
  'chair:status': { input: Nothing, output: ChairStatus },
  /** Starts an import of result bundles (an earlier one never imported is dropped). */
  'bundles:begin': { input: Nothing, output: z.object({ batch: z.string() }) },
  /** Adds one file to the import; nothing is judged yet, so the page can show progress file by file. */
  'bundles:stage': { input: BundleUpload.extend({ batch: z.string().max(100) }).strict(), output: z.object({ staged: z.number().int() }) },
  /** Judges every staged file together and keeps the ones that stand, in one transaction; every verdict is audited. */
  'bundles:import': { input: z.object({ batch: z.string().max(100) }).strict(), output: z.array(VerdictView) },
  'bundles:discard': { input: z.object({ batch: z.string().max(100) }).strict(), output: z.null() },
  /** Reads an expert's enrolment (.jbenrol) and shows the key's fingerprint to compare with the expert. */
  'chair:checkKey': { input: UploadedFile, output: KeyCheckView },
  /** Accepts that key for the expert's bundles, after the chair compared the fingerprint; recorded in the audit log. */
  'chair:confirmKey': { input: UploadedFile, output: KeyCheckView },
  /** Experts × entries of one nomination (and category): marks, missing evaluations, conflicts. */
  'chair:coverage': { input: z.object({ nominationId: Id, categoryId: Id.nullable() }).strict(), output: Coverage },
  /** The rankings of every nomination × category from the bundles that stand, with tie decisions. */
  'chair:results': { input: Nothing, output: ResultsView },
  /** Severity, disagreement, outliers, agreement, method sensitivity and distributions of one group. */
  'chair:statistics': { input: z.object({ nominationId: Id, categoryId: Id.nullable() }).strict(), output: GroupStatistics },
  /** Every mark and comment one entry received, by expert. */
  'chair:entry': { input: z.object({ entryId: Id }).strict(), output: EntryMarks },
  /** Records the chair's order of entries still tied, with the reason. */
  'tie:decide': { input: TieRequest, output: ResultsView },
  /** Takes a tie decision back; the audit log keeps both. */
  'tie:withdraw': { input: z.object({ id: z.number().int() }).strict(), output: ResultsView },
  /** What stops signing the results, what to know first, and the results signed before. */
  'final:status': { input: Nothing, output: FinaliseStatus },
  /** Signs the merged results (.jbmerged) with the chair's key and writes them to the given path. */
  'final:sign': { input: FinaliseRequest, output: SignedResults },
  /** The chair's audit log, newest first. */
  'audit:list': { input: Nothing, output: z.array(AuditView) },

  /** Opens signed merged results (.jbmerged) for the protocol, the exports and the ceremony, in the open workspace (or on the start screen); verified first. */
  'venue:open': { input: PackageFile, output: VenueView },
  /** The results the venue works from: the file opened where the user is, else the open chair's workspace's latest signed results; null when none. */
  'venue:current': { input: Nothing, output: VenueCurrent.nullable() },
  /** Forgets the file opened where the user is: a chair's workspace goes back to its own latest signed results. */
  'venue:reset': { input: Nothing, output: z.null() },
  /** Writes the protocol (PDF), the results (XLSX, CSV) or the raw marks (CSV) to the given path. */
  'venue:export': { input: VenueExport, output: z.object({ path: z.string(), bytes: z.number().int() }) },
  /** Opens the ceremony in a window of its own (on a second display when there is one); desktop only. */
  'venue:window': { input: Nothing, output: z.null() },

  /** The open workspace's backups, newest first, the folder they are in, and how often scheduled ones are made. */
  'backup:list': { input: Nothing, output: BackupList },
  /** Backs up the open workspace now (reason `manual`); the copy is checked before it is listed. */
  'backup:create': { input: Nothing, output: BackupView },
  /**
   * Brings the open workspace back to one of its backups, named by file name in its backup folder
   * (never a path). The backup is checked first; the present state is backed up before it is replaced.
   */
  'backup:restore': { input: z.object({ name: BackupName }).strict(), output: RestoreOutcome },
  /**
   * The files the operating system handed to JuryBox since the last call (a double-click on a
   * .jbresult, "Open with", a file dropped on the app's icon, `jurybox serve FILE`), each read whole
   * or with the reason it could not be. Each is given once: the window that asks opens them.
   */
  'opened:take': { input: Nothing, output: z.array(HandedFile) },
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
