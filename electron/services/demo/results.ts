import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { writeFileAtomic } from '../app-data.ts';
import { tieDecisionsJson } from '../chair/decisions-file.ts';
import { createFromPackage } from '../expert/packages.ts';
import { finalise } from '../chair/finalise.ts';
import { importBundles } from '../chair/intake.ts';
import { decideTie } from '../chair/ties.ts';
import { currentResults } from '../chair/views.ts';
import { openPackage } from '../package/contest-package.ts';
import { unlockKeyFile } from '../signing/key-file.ts';

const DEMO_TIE_REASON = 'Демо-решение председателя: проект раньше начал работать с заявителями.';
/** The demo's tie decisions as a file for `jurybox merge --decisions`, beside its results. */
export const DEMO_DECISIONS = 'decisions.json';

/**
 * The demo's signed merged results, made the way the chair makes them: a chair's workspace from the
 * package, every demo bundle imported, the demo's tie decided (first by id, with a demo reason),
 * signed with the demo chair key. The same decisions are written beside them (DEMO_DECISIONS), so
 * that `jurybox merge` can sign the same results.
 */
export function writeDemoResults(options: { packagePath: string; bundles: string[]; chairKeyFile: string; passphrase: string; path: string; now: string }): void {
  const pkg = openPackage(options.packagePath);
  const work = mkdtempSync(join(tmpdir(), 'jurybox-demo-chair-'));
  const ws = createFromPackage(join(work, 'chair.sqlite'), pkg, { kind: 'chair' }, options.now);
  try {
    importBundles(ws.db, options.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) })), options.now);
    const decisions = currentResults(ws.db).results.flatMap((r) => r.unresolvedTies.map((entryIds) => ({ nominationId: r.nominationId, categoryId: r.categoryId, entryIds, reason: DEMO_TIE_REASON })));
    for (const decision of decisions) decideTie(ws.db, decision, options.now);
    writeFileAtomic(join(dirname(options.path), DEMO_DECISIONS), tieDecisionsJson(pkg.payload.contest.contest.id, decisions));
    const key = unlockKeyFile(readFileSync(options.chairKeyFile, 'utf8'), { passphrase: options.passphrase }, options.chairKeyFile);
    const chair = pkg.payload.contest.experts.find((x) => x.role === 'chair');
    finalise(ws.db, key, { path: options.path, chairName: chair?.name ?? '', now: options.now });
  } finally {
    ws.close();
    rmSync(work, { recursive: true, force: true });
  }
}
