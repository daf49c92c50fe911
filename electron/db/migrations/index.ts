import type { Db } from '../connection.ts';
import { AppError } from '../../../shared/errors.ts';
import { migration0010 } from './0010-initial.ts';
import { migration0020 } from './0020-organiser.ts';
import { migration0030 } from './0030-expert.ts';
import { migration0040 } from './0040-chair.ts';
import { migration0050 } from './0050-awards.ts';
import { migration0060 } from './0060-expert-indexes.ts';

/** One step of the schema. A shipped migration is never edited: a change is a new migration. */
export interface Migration {
  /** Steps of ten, so a fix can slot in between. Stored in PRAGMA user_version. */
  version: number;
  name: string;
  up(db: Db): void;
}

export const migrations: readonly Migration[] = [migration0010, migration0020, migration0030, migration0040, migration0050, migration0060];

export const latestVersion: number = migrations.at(-1)?.version ?? 0;

/** Throws unless versions strictly increase; a broken list must never reach a user's file. */
export function checkOrder(list: readonly Migration[]): void {
  list.forEach((m, i) => {
    const previous = list[i - 1];
    if (!Number.isInteger(m.version) || m.version <= 0 || (previous && m.version <= previous.version)) {
      throw new Error(`migration ${m.version}-${m.name} is out of order`);
    }
  });
}

export interface MigrateOptions {
  path: string;
  targetVersion?: number | undefined;
  list?: readonly Migration[];
  /** Called once before anything pending runs, with the version the file is at (the backup before a migration). */
  beforeMigrating?: (from: number) => void;
}

/**
 * Runs every pending migration up to `targetVersion` in one transaction and records the version.
 * Refuses a database from a newer JuryBox rather than guess at its schema.
 */
export function migrate(db: Db, options: MigrateOptions): void {
  const list = options.list ?? migrations;
  checkOrder(list);
  const latest = list.at(-1)?.version ?? 0;
  const target = options.targetVersion ?? latest;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > latest) {
    throw new AppError('workspace.tooNew', { path: options.path, version: current, supported: latest });
  }
  const pending = list.filter((m) => m.version > current && m.version <= target);
  if (pending.length === 0) return;
  options.beforeMigrating?.(current);
  db.transaction(() => {
    for (const m of pending) m.up(db);
    db.pragma(`user_version = ${pending[pending.length - 1]?.version ?? current}`);
  })();
}
