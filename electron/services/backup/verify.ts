import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors.ts';
import { statUserFile } from '../user-files.ts';

/** What a copy must be: JuryBox's (application_id), of the schema version expected or one this JuryBox can open. */
export interface Expected {
  applicationId: number;
  /** Exactly this schema version (a copy just made must match its source). */
  userVersion?: number;
  /** At most this version (a file to restore must be one this JuryBox can open). */
  maxVersion?: number;
  /** The file must hold a contest (a file to restore); its id is returned. */
  contest?: boolean;
}

export interface Checked {
  userVersion: number;
  /** The contest's id, when the file holds one. */
  contestId: string | null;
}

function contestIdOf(db: Database.Database): string | null {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'contests'").get() !== undefined;
  if (!hasTable) return null;
  return (db.prepare('SELECT id FROM contests LIMIT 1').get() as { id: string } | undefined)?.id ?? null;
}

function check(db: Database.Database, file: string, expected: Expected): Checked {
  // integrity_check reads every page: a copy that only looks right in its header is caught here.
  const problems = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check);
  if (problems[0] !== 'ok') throw new AppError('backup.damaged', { file, problem: problems.slice(0, 3).join('; ') });
  if (db.pragma('application_id', { simple: true }) !== expected.applicationId) throw new AppError('backup.foreign', { file });
  const userVersion = db.pragma('user_version', { simple: true }) as number;
  if (expected.userVersion !== undefined && userVersion !== expected.userVersion) {
    throw new AppError('backup.otherVersion', { file, version: userVersion, expected: expected.userVersion });
  }
  if (expected.maxVersion !== undefined && userVersion > expected.maxVersion) {
    throw new AppError('backup.tooNew', { file, version: userVersion, supported: expected.maxVersion });
  }
  const contestId = contestIdOf(db);
  if (expected.contest && contestId === null) throw new AppError('backup.noContest', { file });
  return { userVersion, contestId };
}

/**
 * Checks a backup file without changing it: it opens read-only, passes SQLite's integrity check,
 * and is what `expected` says. Throws a user error naming the file and what is wrong with it.
 */
export function verifyBackup(file: string, expected: Expected): Checked {
  // A folder or a pipe is named as such (SQLite would call a folder an I/O error, and wait on a pipe).
  statUserFile(file, file, () => new AppError('backup.notFound', { file }));
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return check(db, file, expected);
  } catch (error) {
    if (error instanceof AppError) throw error;
    // SQLITE_CORRUPT: pages SQLite cannot make sense of; SQLITE_NOTADB and the like: not a database at all.
    if (error instanceof Database.SqliteError) {
      throw new AppError(error.code.startsWith('SQLITE_CORRUPT') ? 'backup.damaged' : 'backup.unreadable', { file, problem: error.message }, { cause: error });
    }
    throw error;
  } finally {
    db?.close();
  }
}
