import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { BACKUP_NAME, type BackupReason, type BackupView } from '../../../shared/domain/backup.ts';

/**
 * Where a workspace's backups live and what they are called. The folder sits beside the workspace
 * (`demo.sqlite` → `demo.backups/`): it moves with the workspace when the folder is copied, and it is
 * on the same disk, so a restore never waits on another drive. A copy on another medium is still the
 * user's job (docs/backups.md).
 */
export function backupFolder(workspacePath: string): string {
  return join(dirname(workspacePath), `${stemOf(workspacePath)}.backups`);
}

const stemOf = (path: string): string => basename(path, extname(path));

/** `2026-09-29T10:15:00.123Z` as it appears in a file name: `2026-09-29T10-15-00.123Z`. */
const stampOf = (at: Date): string => at.toISOString().replace(/:/g, '-');
const timeOf = (stamp: string): string => stamp.replace(/T(\d{2})-(\d{2})-(\d{2})/, 'T$1:$2:$3');

export function backupName(workspacePath: string, at: Date, reason: BackupReason): string {
  return `${stemOf(workspacePath)}-${stampOf(at)}-${reason}.sqlite`;
}

/** The backup a file name describes, or null when the name is not a backup's. */
export function parseBackupName(name: string): { createdAt: string; reason: BackupReason } | null {
  const match = BACKUP_NAME.exec(name);
  if (!match?.[2] || !match[3]) return null;
  return { createdAt: timeOf(match[2]), reason: match[3] as BackupReason };
}

/**
 * A name for a new backup that no file has yet: two backups within the same millisecond (an import
 * right after a scheduled one) get names a millisecond apart, so none overwrites another.
 */
export function freshBackupPath(workspacePath: string, at: Date, reason: BackupReason): string {
  const folder = backupFolder(workspacePath);
  let time = at.getTime();
  while (existsSync(join(folder, backupName(workspacePath, new Date(time), reason)))) time += 1;
  return join(folder, backupName(workspacePath, new Date(time), reason));
}

/** The backup at `path` as it is listed; null when the name is not a backup's or there is no such file. */
export function backupView(path: string): BackupView | null {
  const name = basename(path);
  const parsed = parseBackupName(name);
  const stat = statSync(path, { throwIfNoEntry: false });
  return parsed && stat?.isFile() ? { name, path, ...parsed, bytes: stat.size } : null;
}

/** Every backup in the workspace's folder, newest first. Other files there are left out. */
export function listBackups(workspacePath: string): BackupView[] {
  const folder = backupFolder(workspacePath);
  if (!existsSync(folder)) return [];
  const found = readdirSync(folder)
    .map((name) => backupView(join(folder, name)))
    .filter((b) => b !== null);
  return found.sort((a, b) => (a.createdAt === b.createdAt ? b.name.localeCompare(a.name) : b.createdAt.localeCompare(a.createdAt)));
}

/**
 * How many backups of each reason are kept. Scheduled ones come every ten minutes while the
 * workspace changes: twelve cover the last two hours of work, and the newest of each of the last
 * seven days with any cover a mistake noticed days later. Imports and restores are rare, deliberate
 * steps: enough are kept to step back over several in a row. A migration happens once per upgrade;
 * the last few are plenty. Manual copies are the user's own and are never deleted automatically.
 */
export const RETENTION: Record<BackupReason, number> = {
  scheduled: 12,
  'before-import': 10,
  'before-migration': 3,
  'before-restore': 5,
  manual: Infinity,
};
export const DAILY_SCHEDULED = 7;

/** The backups the retention rules let go, from a list newest first. */
export function expiredBackups(backups: readonly BackupView[]): BackupView[] {
  const keep = new Set<string>();
  const seen = new Map<BackupReason, number>();
  for (const b of backups) {
    const n = (seen.get(b.reason) ?? 0) + 1;
    seen.set(b.reason, n);
    if (n <= RETENTION[b.reason]) keep.add(b.name);
  }
  const days = new Set<string>();
  for (const b of backups) {
    const day = b.createdAt.slice(0, 10);
    if (b.reason !== 'scheduled' || days.has(day) || days.size >= DAILY_SCHEDULED) continue;
    days.add(day);
    keep.add(b.name);
  }
  return backups.filter((b) => !keep.has(b.name));
}

/** Temporary files of backups that never finished (a crash mid-copy); older than this, nothing is still writing them. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/**
 * Deletes what retention lets go (never `justMade`, even when the clock was turned back), and partial
 * files a crash left; returns the names deleted.
 */
export function pruneBackups(workspacePath: string, now: Date, justMade: string): string[] {
  const expired = expiredBackups(listBackups(workspacePath)).filter((b) => b.path !== justMade);
  for (const b of expired) rmSync(b.path, { force: true });
  const folder = backupFolder(workspacePath);
  const partials = readdirSync(folder).filter((name) => name.endsWith('.partial') || /\.partial-(journal|wal|shm)$/.test(name));
  for (const name of partials) {
    const stat = statSync(join(folder, name), { throwIfNoEntry: false });
    if (stat && now.getTime() - stat.mtimeMs > STALE_PARTIAL_MS) rmSync(join(folder, name), { force: true });
  }
  return expired.map((b) => b.name);
}
