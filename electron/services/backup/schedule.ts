import type Database from 'better-sqlite3';
import type { BackupReason, BackupView } from '../../../shared/domain/backup.ts';
import { logError } from '../log.ts';
import { backup } from './backup.ts';

/** Time as the schedule sees it; tests pass one they turn by hand. */
export interface BackupClock {
  now(): Date;
  /** Calls `run` every `ms` until the returned function is called; must not keep the process alive. */
  every(ms: number, run: () => void): () => void;
}

export const systemClock: BackupClock = {
  now: () => new Date(),
  every(ms, run) {
    const timer = setInterval(run, ms);
    // A backup due is no reason to keep the CLI or a test process running.
    timer.unref();
    return () => clearInterval(timer);
  },
};

/** Minutes between scheduled backups: at most this much work is lost with the workspace file. */
export const DEFAULT_INTERVAL_MINUTES = 10;

export interface ScheduleOptions {
  intervalMs?: number;
  clock?: BackupClock;
  /** A scheduled backup that failed: nobody is waiting for it, so it is reported here. */
  onError?: (error: unknown) => void;
}

/**
 * What has been written through a connection: SQLite's count of rows it changed, and data_version,
 * which moves when another connection commits. Equal marks mean nothing was written in between.
 */
function changeMark(db: Database.Database): string {
  const own = (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  return `${own}/${db.pragma('data_version', { simple: true }) as number}`;
}

/**
 * The backups of one open workspace: every `intervalMs` a scheduled one when the file changed since
 * the last backup of any kind, and the ones asked for (before an import, manual), one at a time.
 */
export class BackupSchedule {
  private readonly db: Database.Database;
  private readonly clock: BackupClock;
  private readonly onError: (error: unknown) => void;
  private cancel: (() => void) | null;
  /** The change mark at the last backup; at first, the file as opened (a copy of it exists or is not needed yet). */
  private lastMark: string;
  /** The backup under way, so two never run at once and stop() can wait for it. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(db: Database.Database, options: ScheduleOptions = {}) {
    this.db = db;
    this.clock = options.clock ?? systemClock;
    this.onError = options.onError ?? ((error) => logError('scheduled backup', error));
    this.lastMark = changeMark(db);
    const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MINUTES * 60_000;
    this.cancel = this.clock.every(intervalMs, () => {
      // A backup cut short because the workspace was closed meanwhile is no failure worth reporting.
      this.tick().catch((error: unknown) => this.cancel !== null && this.onError(error));
    });
  }

  /** Whether anything was written since the last backup. */
  changed(): boolean {
    return this.db.open && changeMark(this.db) !== this.lastMark;
  }

  /** Makes a backup now, after any under way. */
  take(reason: BackupReason): Promise<BackupView> {
    const job = this.queue.then(async () => {
      const mark = changeMark(this.db);
      const made = await backup(this.db, reason, { now: () => this.clock.now() });
      this.lastMark = mark;
      return made;
    });
    this.queue = job.catch(() => undefined);
    return job;
  }

  /** The scheduled backup: made only when the file changed since the last one. */
  async tick(): Promise<BackupView | null> {
    if (this.cancel === null || !this.changed()) return null;
    return this.take('scheduled');
  }

  /** Resolves once no backup is under way (one that failed included). */
  async settled(): Promise<void> {
    await this.queue;
  }

  /** No more scheduled backups; resolves once a backup under way has finished. */
  async stop(): Promise<void> {
    this.cancel?.();
    this.cancel = null;
    await this.settled();
  }
}
