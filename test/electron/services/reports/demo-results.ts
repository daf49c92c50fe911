import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { openMerged, standingFromFiles } from '../../../../electron/services/chair/merge.ts';
import { writeDemo, type DemoFiles } from '../../../../electron/services/demo/demo.ts';
import { openPackage } from '../../../../electron/services/package/contest-package.ts';
import { openResultsFile, venueResults, type VenueResults } from '../../../../electron/services/venue/results-file.ts';

export interface DemoResults {
  dir: string;
  files: DemoFiles;
  /** The demo's results as a lone .jbmerged gives them: no raw marks. */
  results: VenueResults;
  /** The same results with the marks of the demo's bundles. */
  withMarks: VenueResults;
}

/**
 * The demo's signed results, made once for the tests of one file (writing the demo takes a few
 * seconds) in a folder removed when they end. Call at the top of a describe; read inside its tests.
 */
export function demoResults(): () => DemoResults {
  let made: DemoResults | undefined;
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'jurybox-reports-'));
    const files = writeDemo(dir, { now: '2026-09-30T12:00:00.000Z' });
    const bundleDir = join(dir, 'bundles');
    const bundleFiles = readdirSync(bundleDir).sort().map((name) => ({ file: name, bytes: readFileSync(join(bundleDir, name)) }));
    const { bundles } = standingFromFiles([openPackage(files.package)], bundleFiles);
    made = {
      dir,
      files,
      results: openResultsFile(files.results),
      withMarks: venueResults(openMerged(files.results), files.results, bundles.filter((b) => !b.draft)),
    };
  });
  after(() => {
    if (made) rmSync(made.dir, { recursive: true, force: true });
  });
  return () => {
    if (!made) throw new Error('demoResults() is read before its suite started');
    return made;
  };
}
