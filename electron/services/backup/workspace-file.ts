import Database from 'better-sqlite3';
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, extname, join, resolve } from 'node:path';
import type { BackupReason, BackupView } from '../../../shared/domain/backup.ts';
import { AppError } from '../../../shared/errors.ts';
import { APPLICATION_ID, openReadOnly } from '../../db/connection.ts';
import { latestVersion } from '../../db/migrations/index.ts';
import { backup, type BackupOptions } from './backup.ts';
import { backupFolder } from './files.ts';
import { verifyBackup } from './verify.ts';

/** Backups and restores of a workspace named by its path, through connections of their own (the CLI, restores). */

/** Backs up the workspace file at `path` as it is: read-only, nothing migrated. */
export async function backupWorkspace(path: string, reason: BackupReason, options: BackupOptions = {}): Promise<BackupView> {
  const db = openReadOnly(resolve(path));
  try {
    return await backup(db, reason, options);
  } finally {
    db.close();
  }
}

type Current = { state: 'missing' } | { state: 'readable'; contestId: string | null } | { state: 'damaged' };

/**
 * What the workspace about to be replaced is. Another program's file, or one from a newer JuryBox,
 * is refused (an error); a file SQLite cannot read whole is damaged: it will be kept aside, not copied.
 */
function inspect(path: string): Current {
  if (!existsSync(path)) return { state: 'missing' };
  let db: Database.Database;
  try {
    db = openReadOnly(path);
  } catch (error) {
    if (error instanceof AppError && error.code === 'workspace.notSqlite') return { state: 'damaged' };
    throw error;
  }
  try {
    if (db.pragma('quick_check', { simple: true }) !== 'ok') return { state: 'damaged' };
    const hasContests = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'contests'").get() !== undefined;
    const row = hasContests ? (db.prepare('SELECT id FROM contests LIMIT 1').get() as { id: string } | undefined) : undefined;
    return { state: 'readable', contestId: row?.id ?? null };
  } catch {
    return { state: 'damaged' };
  } finally {
    db.close();
  }
}

/**
 * Moves a damaged workspace file (and its -wal and -shm) into the backup folder untouched, under a
 * name no listing takes for a backup: whatever can still be rescued from it stays on disk.
 */
function keepAside(path: string, now: Date): string {
  const folder = backupFolder(path);
  mkdirSync(folder, { recursive: true });
  const kept = join(folder, `${basename(path, extname(path))}-${now.toISOString().replace(/:/g, '-')}-damaged.sqlite`);
  for (const suffix of ['-wal', '-shm', '']) if (existsSync(path + suffix)) renameSync(path + suffix, kept + suffix);
  return kept;
}

/**
 * Writes the backup's content into the workspace file with SQLite's backup API, in one step: the
 * destination changes in one write transaction, under SQLite's own locks and journal, so a crash
 * midway leaves the workspace as it was, and a -wal beside it is read, never left stale.
 */
async function copyInto(backupFile: string, path: string): Promise<void> {
  const source = new Database(backupFile, { readonly: true, fileMustExist: true });
  try {
    await source.backup(path, { progress: () => 0x7fffffff });
  } catch (error) {
    throw new AppError('backup.restoreFailed', { path, file: backupFile, problem: error instanceof Error ? error.message : String(error) }, { cause: error });
  } finally {
    source.close();
  }
}

export interface RestoreOptions extends BackupOptions {
  /**
   * Runs once the backup is checked, before the workspace is copied and replaced: the caller closes
   * its own connections to it here, so nothing it writes can slip in after the copy and be lost.
   */
  release?: () => void | Promise<void>;
}

export interface Restored {
  /** The copy of the state replaced; null when the workspace was missing or damaged. */
  saved: BackupView | null;
  /** Where a damaged workspace file was moved to; null when there was none. */
  keptAside: string | null;
}

/**
 * Puts the content of `backupFile` in place of the workspace at `workspacePath`. The backup is
 * checked first (a broken one changes nothing and the error names it and why), then the workspace
 * as it is is backed up (`before-restore`), so a restore can itself be undone.
 */
export async function restore(workspacePath: string, backupFile: string, options: RestoreOptions = {}): Promise<Restored> {
  const path = resolve(workspacePath);
  const file = resolve(backupFile);
  if (file === path) throw new AppError('backup.sameFile', { file });
  const checked = verifyBackup(file, { applicationId: APPLICATION_ID, maxVersion: latestVersion, contest: true });
  const current = inspect(path);
  if (current.state === 'readable' && current.contestId !== null && current.contestId !== checked.contestId) {
    throw new AppError('backup.otherContest', { file, backup: checked.contestId ?? '', path, contest: current.contestId });
  }
  await options.release?.();
  const saved = current.state === 'readable' ? await backupWorkspace(path, 'before-restore', options) : null;
  if (current.state === 'readable') {
    await copyInto(file, path);
    return { saved, keptAside: null };
  }
  // Nothing readable to write into: the copy is made whole under a temporary name, then takes the place.
  const temp = `${path}.restoring`;
  const clear = () => ['', '-journal'].forEach((suffix) => rmSync(temp + suffix, { force: true }));
  clear();
  try {
    await copyInto(file, temp);
    const keptAside = current.state === 'damaged' ? keepAside(path, (options.now ?? (() => new Date()))()) : null;
    renameSync(temp, path);
    return { saved, keptAside };
  } finally {
    clear();
  }
}
