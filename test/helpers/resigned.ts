import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openMerged, writeMerged } from '../../electron/services/chair/merge.ts';
import { DEMO_PASSPHRASE } from '../../electron/services/demo/demo.ts';
import { unlockKeyFile } from '../../electron/services/signing/key-file.ts';
import type { MergedResults } from '../../shared/formats/payloads.ts';

/**
 * The demo's signed results changed by `edit` and signed again with the demo chair's key, written
 * to `path`: results whose titles hold what a test needs, as genuine as the demo's own.
 */
export function resignedDemoResults(demoDir: string, path: string, edit: (payload: MergedResults) => MergedResults): string {
  const keyFile = join(demoDir, 'keys', 'chair.key');
  const key = unlockKeyFile(readFileSync(keyFile, 'utf8'), { passphrase: DEMO_PASSPHRASE }, keyFile);
  writeMerged(edit(openMerged(join(demoDir, 'results.jbmerged')).payload), key, path);
  return path;
}

/** The contest retitled. */
export const retitled =
  (title: string) =>
  (payload: MergedResults): MergedResults => ({ ...payload, contest: { ...payload.contest, info: { ...payload.contest.info, title } } });
