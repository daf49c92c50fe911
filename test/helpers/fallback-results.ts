import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { mergedPayload, standingFromFiles, writeMerged } from '../../electron/services/chair/merge.ts';
import { DEMO_TWINS } from '../../electron/services/demo/bundles.ts';
import { DEMO_PASSPHRASE, writeDemo, type DemoFiles } from '../../electron/services/demo/demo.ts';
import { openPackage, publish, type OpenedPackage } from '../../electron/services/package/contest-package.ts';
import { unlockKeyFile } from '../../electron/services/signing/key-file.ts';
import type { Ed25519Key } from '../../electron/services/signing/keys.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import type { MergedResults } from '../../shared/formats/payloads.ts';

const NOW = '2026-09-30T12:00:00.000Z';

/** The nomination whose trimmed mean falls back: the demo's specialists, trimmed with k = 2. */
export const TRIMMED = 'nom-specialist';

export interface FallbackResults {
  demo: DemoFiles;
  /** Revision 1 (the demo's) and revision 2 (k = 2), oldest first. */
  packages: OpenedPackage[];
  revision2: string;
  /** The demo's bundle files, as recompute takes them. */
  files: { file: string; bytes: Buffer }[];
  /** The signed results file and its payload. */
  path: string;
  payload: MergedResults;
}

export function demoKey(demo: DemoFiles, name: string): Ed25519Key {
  const path = join(demo.keys, `${name}.key`);
  return unlockKeyFile(readFileSync(path, 'utf8'), { passphrase: DEMO_PASSPHRASE }, path);
}

/**
 * The demo with one change by its organiser: the specialists' nomination trims k = 2 from each end
 * (revision 2 of the package). Its entries have 4 or 5 complete evaluations, so those with 4
 * (n ≤ 2k) are scored by the plain mean. Merged from the demo's bundles with the demo's tie decided,
 * signed by the demo chair's key into `dir`.
 */
export function fallbackResults(dir: string): FallbackResults {
  const demo = writeDemo(join(dir, 'demo'), { seed: 1, now: '2026-09-28T09:00:00.000Z' });
  const revision2 = join(dir, 'contest-r2.jbcontest');
  const organiser = Workspace.open(demo.workspace);
  try {
    const nomination = organiser.editor.nomination(TRIMMED);
    organiser.editor.saveNomination({ ...nomination, rules: { ...nomination.rules, method: 'trimmed', trim: 2 } });
    publish(organiser.db, demoKey(demo, 'organiser'), { path: revision2, organiserName: 'Оргкомитет (демо)', now: NOW });
  } finally {
    organiser.close();
  }
  const packages = [openPackage(demo.package), openPackage(revision2)];
  const files = demo.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) }));
  const ties = [{ nominationId: 'nom-project', categoryId: null, entryIds: [...DEMO_TWINS], reason: 'Решение жюри' }];
  const chair = demoKey(demo, 'chair');
  const payload = mergedPayload({ packages, bundles: standingFromFiles(packages, files).bundles, confirmedKeys: new Map(), ties }, { name: 'Председатель (демо)', publicKey: chair.publicKey }, NOW);
  const path = join(dir, 'fallback.jbmerged');
  writeMerged(payload, chair, path);
  return { demo, packages, revision2, files, path, payload };
}
