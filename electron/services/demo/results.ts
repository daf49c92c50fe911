import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { createFromPackage } from '../expert/packages.ts';
import { finalise } from '../chair/finalise.ts';
import { importBundles } from '../chair/intake.ts';
import { decideTie } from '../chair/ties.ts';
import { currentResults } from '../chair/views.ts';
import { openPackage } from '../package/contest-package.ts';
import { unlockKeyFile } from '../signing/key-file.ts';

const DEMO_TIE_REASON = 'Демо-решение председателя: проект раньше начал работать с заявителями.';

/**
 * The demo's signed merged results, made the way the chair makes them: a chair's workspace from the
 * package, every demo bundle imported, the demo's tie decided (first by id, with a demo reason),
 * signed with the demo chair key.
 */
export function writeDemoResults(options: { packagePath: string; bundles: string[]; chairKeyFile: string; passphrase: string; path: string; now: string }): void {
  const pkg = openPackage(options.packagePath);
  const work = mkdtempSync(join(tmpdir(), 'jurybox-demo-chair-'));
  const ws = createFromPackage(join(work, 'chair.sqlite'), pkg, { kind: 'chair' }, options.now);
  try {
    importBundles(ws.db, options.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) })), options.now);
    for (const r of currentResults(ws.db).results) {
      for (const tie of r.unresolvedTies) decideTie(ws.db, { nominationId: r.nominationId, categoryId: r.categoryId, entryIds: tie, reason: DEMO_TIE_REASON }, options.now);
    }
    const key = unlockKeyFile(readFileSync(options.chairKeyFile, 'utf8'), { passphrase: options.passphrase }, options.chairKeyFile);
    const chair = pkg.payload.contest.experts.find((x) => x.role === 'chair');
    finalise(ws.db, key, { path: options.path, chairName: chair?.name ?? '', now: options.now });
  } finally {
    ws.close();
    rmSync(work, { recursive: true, force: true });
  }
}
