import Database from 'better-sqlite3';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { AppError } from '../../shared/errors.ts';
import { backupBeforeMigration } from '../services/backup/backup.ts';
import { statUserFile } from '../services/user-files.ts';
import { latestVersion, migrate } from './migrations/index.ts';

export type Db = Database.Database;

/** Written into every workspace's header (PRAGMA application_id) so other SQLite files are told apart. 'JBx1'. */
export const APPLICATION_ID = 0x4a427831;

const SQLITE_MAGIC = 'SQLite format 3\0';

function readHeader(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(SQLITE_MAGIC.length);
    const n = readSync(fd, buf, 0, buf.length, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

/**
 * Applies the pragmas every connection needs. WAL with synchronous=FULL makes each committed
 * transaction durable before the call returns: a mark the UI shows as saved survives a crash or
 * power loss. foreign_keys is per connection in SQLite, so it is set on every open.
 */
export function configure(db: Db): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

export interface OpenOptions {
  /** Create the file when it does not exist (the demo and new workspaces); otherwise it must exist. */
  create?: boolean;
  /** Migrate to this version instead of the latest (tests of single migrations). */
  targetVersion?: number;
}

/** Refuses what is not a JuryBox workspace file at `path`, by its header, before SQLite touches it. */
function checkHeader(path: string, create: boolean): void {
  const exists = existsSync(path);
  // A folder, a pipe or a device is named as such (a pipe would block the read below forever), and so
  // is a path through a file; only a path that leads nowhere is a workspace not found.
  if (exists || !create) statUserFile(path, path, () => new AppError('workspace.notFound', { path }));
  if (exists && readHeader(path) !== SQLITE_MAGIC) {
    if (!(create && readHeader(path).length === 0)) throw new AppError('workspace.notSqlite', { path });
  }
}

/**
 * Opens a workspace file: refuses what is not one (not SQLite, another program's database, made by a
 * newer JuryBox), configures the connection and brings the schema up to date.
 */
export function openDatabase(path: string, options: OpenOptions = {}): Db {
  checkHeader(path, options.create === true);
  let db: Db;
  try {
    db = new Database(path);
  } catch (cause) {
    throw new AppError('workspace.notSqlite', { path }, { cause });
  }
  try {
    const appId = db.pragma('application_id', { simple: true }) as number;
    const hasTables = (db.prepare('SELECT count(*) AS n FROM sqlite_schema').get() as { n: number }).n > 0;
    if (appId !== APPLICATION_ID && (appId !== 0 || hasTables)) throw new AppError('workspace.foreign', { path });
    configure(db);
    // A file with data is copied before its schema changes; a fresh one (version 0) has nothing to lose.
    const beforeMigrating = (from: number): void => {
      if (from === 0) return;
      try {
        backupBeforeMigration(db);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError('backup.migrationFailed', { path, problem: error instanceof Error ? error.message : String(error) }, { cause: error });
      }
    };
    migrate(db, { path, targetVersion: options.targetVersion, beforeMigrating });
    if (appId !== APPLICATION_ID) db.pragma(`application_id = ${APPLICATION_ID}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * Opens an existing workspace file to read it as it is: no pragma set, nothing migrated, nothing
 * written (backups made from the command line). Refuses what is not a JuryBox workspace or is from a
 * newer JuryBox.
 */
export function openReadOnly(path: string): Db {
  checkHeader(path, false);
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (cause) {
    throw new AppError('workspace.notSqlite', { path }, { cause });
  }
  try {
    if (db.pragma('application_id', { simple: true }) !== APPLICATION_ID) throw new AppError('workspace.foreign', { path });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > latestVersion) throw new AppError('workspace.tooNew', { path, version, supported: latestVersion });
    return db;
  } catch (error) {
    db.close();
    if (error instanceof AppError) throw error;
    throw new AppError('workspace.notSqlite', { path }, { cause: error });
  }
}
