import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { configure, openDatabase } from '../../../electron/db/connection.ts';
import { criterionId, entriesByExpert, entryId, expertId, markModel, type BenchSize } from '../synthetic.ts';
import { timed } from '../stats.ts';

export interface RawResult {
  rows: number;
  /** The one transaction: every row through one prepared statement. */
  insertMs: number;
  rowsPerSecond: number;
}

/**
 * The raw limit: the same mark rows as the import stores, inserted with better-sqlite3 through one
 * prepared statement in one transaction, into a table of the same shape as bundle_marks (same
 * columns, keys, index and foreign key) in a file opened with the workspace's pragmas (WAL,
 * synchronous=FULL, foreign keys on). The rows are built before the clock starts.
 */
/** The statements that make bundle_marks and its indexes, read from a freshly migrated workspace file. */
function bundleMarksSchema(path: string): string[] {
  const workspace = openDatabase(path, { create: true });
  try {
    return workspace.prepare("SELECT sql FROM sqlite_schema WHERE tbl_name = 'bundle_marks' AND sql IS NOT NULL ORDER BY type DESC").pluck().all() as string[];
  } finally {
    workspace.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  }
}

export function rawPhase(args: { size: BenchSize; path: string }): RawResult {
  const db = new Database(args.path);
  try {
    configure(db);
    // bundle_marks exactly as the migrations make it (columns, key, index, foreign key); of bundles
    // only the key it refers to.
    db.exec('CREATE TABLE bundles (digest TEXT PRIMARY KEY, expert_id TEXT NOT NULL) STRICT;');
    for (const sql of bundleMarksSchema(`${args.path}.schema`)) db.exec(sql);
    const { size } = args;
    const model = markModel(size);
    const mine = entriesByExpert(size);
    const rows: [string, string, string, string, number, string][] = [];
    const digests = mine.map((_, x) => createHash('sha256').update(expertId(x)).digest('hex'));
    mine.forEach((entries, x) => {
      for (const e of entries) for (let c = 0; c < size.criteria; c += 1) rows.push([digests[x] ?? '', expertId(x), entryId(e), criterionId(c), model.value(x, e, c), '']);
    });
    const bundle = db.prepare('INSERT INTO bundles (digest, expert_id) VALUES (?, ?)');
    db.transaction(() => digests.forEach((d, x) => bundle.run(d, expertId(x))))();
    const insert = db.prepare('INSERT INTO bundle_marks (digest, expert_id, entry_id, criterion_id, value, comment) VALUES (?, ?, ?, ?, ?, ?)');
    const { ms } = timed(() => db.transaction(() => {
      for (const r of rows) insert.run(...r);
    })());
    return { rows: rows.length, insertMs: ms, rowsPerSecond: rows.length / (ms / 1000) };
  } finally {
    db.close();
  }
}
