import type { BackupList, BackupReason, BackupView } from '../../shared/domain/backup.ts';
import { AppError } from '../../shared/errors.ts';
import { backupFolder, listBackups } from '../services/backup/files.ts';
import { BackupSchedule, DEFAULT_INTERVAL_MINUTES, type BackupClock } from '../services/backup/schedule.ts';
import type { Workspace } from '../services/workspace.ts';

export interface BackupDeskOptions {
  /** Minutes between scheduled backups (10 unless a test says otherwise). */
  intervalMinutes?: number;
  clock?: BackupClock;
  /** Where a failed scheduled backup is reported (nobody waits for one). */
  onError?: (error: unknown) => void;
}

/**
 * The backups of the workspace a session has open: scheduled ones while it is open, the ones made
 * before an import or by hand, and the list. Every backup of the open workspace goes through one
 * schedule, so a scheduled backup is skipped when nothing changed since any other.
 */
export class BackupDesk {
  private schedule: BackupSchedule | null = null;
  private readonly options: BackupDeskOptions;
  readonly intervalMinutes: number;

  constructor(options: BackupDeskOptions = {}) {
    this.options = options;
    this.intervalMinutes = options.intervalMinutes ?? DEFAULT_INTERVAL_MINUTES;
  }

  /** Starts the scheduled backups of a workspace just opened (and stops those of the one before). */
  watch(ws: Workspace): void {
    void this.stop();
    const { clock, onError } = this.options;
    this.schedule = new BackupSchedule(ws.db, { intervalMs: this.intervalMinutes * 60_000, ...(clock ? { clock } : {}), ...(onError ? { onError } : {}) });
  }

  /** No more scheduled backups; resolves once a backup under way has finished. */
  stop(): Promise<void> {
    const schedule = this.schedule;
    this.schedule = null;
    return schedule ? schedule.stop() : Promise.resolve();
  }

  /** Backs up the open workspace now. */
  take(reason: Exclude<BackupReason, 'scheduled'>): Promise<BackupView> {
    if (!this.schedule) throw new AppError('workspace.notOpen');
    return this.schedule.take(reason);
  }

  list(ws: Workspace): BackupList {
    return { folder: backupFolder(ws.path), intervalMinutes: this.intervalMinutes, backups: listBackups(ws.path) };
  }

  /** The backup a file name stands for, in the workspace's own folder: the renderer names files there, never paths. */
  find(ws: Workspace, name: string): BackupView {
    const found = listBackups(ws.path).find((b) => b.name === name);
    if (!found) throw new AppError('backup.notInFolder', { name, folder: backupFolder(ws.path) });
    return found;
  }
}
