import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { importBundles } from '../../../electron/services/chair/intake.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { now } from '../stats.ts';

export interface ImportResult {
  bundles: number;
  accepted: number;
  refused: string[];
  marksStored: number;
  /** Listing the folder: the import takes paths and reads each file when its turn comes. */
  readMs: number;
  /** importBundles: read, judge and store each bundle in turn, then settle them and write the audit log, in one transaction. */
  importMs: number;
  /** From nothing read to everything committed. */
  wallMs: number;
  heapUsedAfter: number;
}

/** The chair's import of every bundle file in a folder (or the first `limit`), through the service the app uses. */
export function importPhase(args: { chairPath: string; bundlesDir: string; now: string; limit?: number }): ImportResult {
  const ws = Workspace.open(args.chairPath);
  try {
    const start = now();
    const files = readdirSync(args.bundlesDir)
      .filter((f) => f.endsWith('.jbresult'))
      .sort()
      .slice(0, args.limit)
      .map((file) => ({ file, path: join(args.bundlesDir, file) }));
    const read = now();
    const verdicts = importBundles(ws.db, files, args.now);
    const done = now();
    const marksStored = (ws.db.prepare('SELECT count(*) AS n FROM bundle_marks').get() as { n: number }).n;
    return {
      bundles: files.length,
      accepted: verdicts.filter((v) => v.status === 'accepted').length,
      refused: verdicts.filter((v) => v.status !== 'accepted').slice(0, 5).map((v) => `${v.file}: ${v.status} ${v.reason?.code ?? ''}`),
      marksStored,
      readMs: read - start,
      importMs: done - read,
      wallMs: done - start,
      heapUsedAfter: process.memoryUsage().heapUsed,
    };
  } finally {
    ws.close();
  }
}
