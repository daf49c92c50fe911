import Database from 'better-sqlite3';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import type { BackupReason, BackupView } from '../../../shared/domain/backup.ts';
import { backupFolder, backupView, freshBackupPath, pruneBackups } from './files.ts';
import { verifyBackup, type Expected } from './verify.ts';

// Imports nothing from electron/db: the migration runner's open calls in here.

type Db = Database.Database;

export interface BackupOptions {
  /** When the backup is made (its name); the system clock unless a test says otherwise. */
  now?: () => Date;
}

/** Pages per backup step: all of them. One step is one snapshot, which a busy writer elsewhere cannot keep restarting. */
const ALL_PAGES = 0x7fffffff;

/** What the copy of `db` must match: its application id and schema version. */
function expectedOf(db: Db): Expected {
  return { applicationId: db.pragma('application_id', { simple: true }) as number, userVersion: db.pragma('user_version', { simple: true }) as number };
}

function removePartial(temp: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(temp + suffix, { force: true });
}

/**
 * Turns a finished copy under its temporary name into a backup: a single self-contained file (rollback
 * journal, so no -wal beside it), verified, then renamed into place, so a backup that is listed is
 * always whole. Then lets retention clear what is no longer kept.
 */
function finish(temp: string, final: string, workspacePath: string, expected: Expected, now: Date): BackupView {
  const copy = new Database(temp, { fileMustExist: true });
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
  verifyBackup(temp, expected);
  renameSync(temp, final);
  pruneBackups(workspacePath, now, final);
  const view = backupView(final);
  if (!view) throw new Error(`the backup ${final} vanished as it was made`);
  return view;
}

function prepare(db: Db, reason: BackupReason, options: BackupOptions) {
  const workspacePath = db.name;
  const now = (options.now ?? (() => new Date()))();
  mkdirSync(backupFolder(workspacePath), { recursive: true });
  const final = freshBackupPath(workspacePath, now, reason);
  return { workspacePath, now, final, temp: `${final}.partial`, expected: expectedOf(db) };
}

/**
 * Copies the workspace open in `db` into its backup folder with SQLite's online backup API, while
 * the connection stays in use: the copy is one consistent state of the file, whatever is written
 * meanwhile. Verified before it is listed; a failed copy leaves nothing behind.
 */
export async function backup(db: Db, reason: BackupReason, options: BackupOptions = {}): Promise<BackupView> {
  const { workspacePath, now, final, temp, expected } = prepare(db, reason, options);
  try {
    await db.backup(temp, { progress: () => ALL_PAGES });
    return finish(temp, final, workspacePath, expected, now);
  } finally {
    removePartial(temp);
  }
}

/**
 * The backup made before a migration, synchronously, because the migration runs inside opening the
 * file, which is synchronous throughout the code base; better-sqlite3 offers the backup API only as
 * a promise. VACUUM INTO is SQLite's other way to a consistent copy (one read transaction); the
 * folder, the name, the verification and the retention are the same as for every other backup.
 */
export function backupBeforeMigration(db: Db, options: BackupOptions = {}): BackupView {
  const { workspacePath, now, final, temp, expected } = prepare(db, 'before-migration', options);
  try {
    db.prepare('VACUUM INTO ?').run(temp);
    return finish(temp, final, workspacePath, expected, now);
  } finally {
    removePartial(temp);
  }
}
