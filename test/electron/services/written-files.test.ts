import assert from 'node:assert/strict';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { exportResults } from '../../../electron/api/venue.ts';
import { writeFileAtomic } from '../../../electron/services/app-data.ts';
import { openMerged, writeMerged } from '../../../electron/services/chair/merge.ts';
import { submit } from '../../../electron/services/expert/submit.ts';
import { saveKeyPair } from '../../../electron/services/keys/key-store.ts';
import { publish } from '../../../electron/services/package/contest-package.ts';
import { writeEnrolment } from '../../../electron/services/package/enrolment.ts';
import { createKeyFile } from '../../../electron/services/signing/key-file.ts';
import { generateKey } from '../../../electron/services/signing/keys.ts';
import { openResultsFile } from '../../../electron/services/venue/results-file.ts';
import { badPaths, NO_WRITE_FOLDER } from '../../helpers/bad-paths.ts';
import { userErrorOf } from '../../helpers/errors.ts';
import { expertWorkspace, NOW, publishedContest } from '../../helpers/expert.ts';
import { tempDir } from '../../helpers/temp.ts';

const RESULTS = new URL('../../fixtures/results-format-1/results.jbmerged', import.meta.url).pathname;

/**
 * Every service that writes a file to a path the user named, as one function each: whether it only
 * ever makes a new file (a signed one), and whether it makes the folders asked for (a key pair, an export).
 */
function writers(t: TestContext): Record<string, { write: (path: string) => unknown; fresh: boolean; makesFolders?: boolean }> {
  const { organiserWs, organiser, pkg, keys } = publishedContest(t);
  const expert = expertWorkspace(t, pkg, 'x1');
  const key = generateKey();
  return {
    'a contest package': { fresh: true, write: (path) => publish(organiserWs.db, organiser, { path, organiserName: 'Оргкомитет', now: NOW }) },
    'a result bundle': { fresh: true, write: (path) => submit(expert, keys.x1!, { path, draft: true, now: NOW }) },
    'an enrolment': { fresh: true, write: (path) => writeEnrolment(pkg.payload, 'r2.jbcontest', 'x1', keys.x1!, { path, now: NOW }) },
    'signed results': { fresh: true, write: (path) => writeMerged(openMerged(RESULTS).payload, key, path) },
    'a key pair': { fresh: false, makesFolders: true, write: (path) => saveKeyPair(path, createKeyFile(key, { label: 'Ключ', passphrase: 'длинная фраза' }), key.publicKey) },
    'an export of the results': { fresh: false, makesFolders: true, write: (path) => exportResults(openResultsFile(RESULTS), { format: 'csv', lang: 'ru', present: null, path }) },
    'any file written whole': { fresh: false, write: (path) => writeFileAtomic(path, 'x') },
  };
}

/** The user error a write gives, sync or async; nothing it leaves beside the target. */
async function refusal(write: (path: string) => unknown, path: string) {
  const error = await userErrorOf((async () => write(path))());
  const parent = dirname(path);
  if (statSync(parent, { throwIfNoEntry: false })?.isDirectory() === true && parent !== NO_WRITE_FOLDER) assert.deepEqual(readdirSync(parent).filter((name) => name.includes('.partial')), [], 'no temporary file left');
  return error;
}

describe('files the user names as targets', () => {
  it('says what is wrong with the target of every writer, before anything is written', async (t) => {
    for (const [what, { write, fresh, makesFolders }] of Object.entries(writers(t))) {
      const dir = tempDir(t);
      const paths = badPaths(dir, 'target.out');
      await t.test(what, async () => {
        assert.deepEqual(await refusal(write, paths.folder), { code: 'file.isFolder', params: { file: paths.folder } }, 'a folder');
        assert.deepEqual(await refusal(write, paths.throughFile), { code: 'file.pathThroughFile', params: { file: paths.throughFile } }, 'a path through a file');
        if (makesFolders) {
          await write(paths.inMissingFolder);
          assert.ok(existsSync(paths.inMissingFolder), 'written in the folder made for it');
        } else {
          assert.deepEqual(await refusal(write, paths.inMissingFolder), {
            code: 'file.folderMissing', params: { file: paths.inMissingFolder, folder: dirname(paths.inMissingFolder) },
          }, 'a missing folder');
          assert.equal(existsSync(dirname(paths.inMissingFolder)), false, 'the missing folder is not made');
        }
        if (paths.pipeProblem === null) assert.deepEqual(await refusal(write, paths.pipe), { code: 'file.isPipe', params: { file: paths.pipe } }, 'a pipe');
        if (NO_WRITE_FOLDER !== null) {
          // A key pair names the file it met the refusal on: its public half goes first.
          const { code, params } = await refusal(write, join(NO_WRITE_FOLDER, 'target.out'));
          assert.deepEqual([code, params.folder], ['file.cannotWrite', NO_WRITE_FOLDER], 'a folder without write permission');
        }
        if (fresh) {
          writeFileSync(paths.missing, 'kept');
          assert.deepEqual(await refusal(write, paths.missing), { code: 'publish.exists', params: { file: paths.missing } }, 'an existing file');
        }
      });
    }
  });
});
