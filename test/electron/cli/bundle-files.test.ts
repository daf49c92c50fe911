import assert from 'node:assert/strict';
import fs, { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { syncBuiltinESMExports } from 'node:module';
import { describe, it, mock } from 'node:test';
import { bundleFiles } from '../../../electron/cli/commands/merge.ts';
import { standingFromFiles } from '../../../electron/services/chair/merge.ts';
import { MAX_FILE_BYTES } from '../../../electron/services/signing/envelope.ts';
import { publishedContest } from '../../helpers/expert.ts';
import { tempDir } from '../../helpers/temp.ts';

describe('the bundle files the CLI is given', () => {
  it('are read one by one as they are judged, and one over the size cap is refused without a byte of it read', (t) => {
    const { pkg } = publishedContest(t);
    const dir = join(tempDir(t), 'bundles');
    mkdirSync(dir);
    const huge = join(dir, 'huge.jbresult');
    writeFileSync(huge, '');
    truncateSync(huge, MAX_FILE_BYTES.result + 1);
    writeFileSync(join(dir, 'junk.jbresult'), 'not an envelope');
    const files = bundleFiles([dir]);
    assert.deepEqual(files, [{ file: huge, path: huge }, { file: join(dir, 'junk.jbresult'), path: join(dir, 'junk.jbresult') }]);
    const readFile = mock.method(fs, 'readFileSync');
    syncBuiltinESMExports();
    t.after(() => {
      mock.restoreAll();
      syncBuiltinESMExports();
    });
    const { verdicts } = standingFromFiles([pkg], files);
    assert.deepEqual(verdicts.map((v) => v.reason?.code), ['file.tooLarge', 'file.notJson']);
    assert.deepEqual(readFile.mock.calls.map((c) => c.arguments[0]), [join(dir, 'junk.jbresult')]);
  });
});
