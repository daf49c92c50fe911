import { z } from 'zod';
import { WorkspaceSummary } from './views.ts';

/**
 * Backups of a workspace: copies of its SQLite file in a folder beside it (docs/backups.md).
 * Each copy's file name carries when it was made (UTC) and why.
 */

/** Why a copy was made; also the last part of its file name. */
export const BackupReason = z.enum(['scheduled', 'before-import', 'before-migration', 'before-restore', 'manual']);
export type BackupReason = z.infer<typeof BackupReason>;

/**
 * A backup's file name: `<workspace>-<UTC time>-<reason>.sqlite`, the time with `-` for `:` so the
 * name is valid on every system, e.g. `demo-2026-09-29T10-15-00.123Z-scheduled.sqlite`.
 */
export const BACKUP_NAME = /^([^/\\]+)-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z)-(scheduled|before-import|before-migration|before-restore|manual)\.sqlite$/;

/** A backup's file name as the renderer may send it: a name in the workspace's backup folder, never a path. */
export const BackupName = z.string().max(300).regex(BACKUP_NAME);

/** One backup as the UI lists it. */
export const BackupView = z.object({
  /** The file name, in the workspace's backup folder. */
  name: z.string(),
  /** Its full path on the host. */
  path: z.string(),
  reason: BackupReason,
  /** When it was made (ISO 8601, UTC). */
  createdAt: z.string(),
  bytes: z.number().int(),
});
export type BackupView = z.infer<typeof BackupView>;

/** The open workspace's backups, newest first, and where they are kept. */
export const BackupList = z.object({
  folder: z.string(),
  /** Minutes between scheduled backups (one is made only when the workspace changed). */
  intervalMinutes: z.number(),
  backups: z.array(BackupView),
});
export type BackupList = z.infer<typeof BackupList>;

/** What a restore did: the copy restored, the copy of the state it replaced, and the workspace as it is now. */
export const RestoreOutcome = z.object({
  restored: BackupView,
  /** The workspace as it was just before, saved as a backup of its own (null when there was nothing readable to save). */
  saved: BackupView.nullable(),
  summary: WorkspaceSummary,
});
export type RestoreOutcome = z.infer<typeof RestoreOutcome>;
