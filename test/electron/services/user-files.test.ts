import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { AppError } from '../../../shared/errors.ts';
import type { MessageKey } from '../../../shared/i18n/messages.ru.ts';
import { createDispatcher } from '../../../electron/api/dispatch.ts';
import { chosenKey } from '../../../electron/api/expert.ts';
import { Session } from '../../../electron/api/session.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import { verifyBackup } from '../../../electron/services/backup/verify.ts';
import { APPLICATION_ID } from '../../../electron/db/connection.ts';
import { readBundleFile } from '../../../electron/services/bundles/source.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import { OpenedFiles } from '../../../electron/services/opened-files.ts';
import { readEnvelopeFile } from '../../../electron/services/signing/envelope.ts';
import { Workspace } from '../../../electron/services/workspace.ts';
import { makeFifo } from '../../helpers/bad-paths.ts';
import { runCli } from '../../helpers/cli.ts';
import { userError } from '../../helpers/errors.ts';
import { tempDir } from '../../helpers/temp.ts';

/** Every path that reads a file the user names, as one function each; each must say what the path is. */
const readers: Record<string, (path: string) => unknown> = {
  'a signed file': (path) => readEnvelopeFile(path),
  'a result bundle': (path) => readBundleFile(path, path),
  'a workspace': (path) => Workspace.open(path),
  'a backup to restore from': (path) => verifyBackup(path, { applicationId: APPLICATION_ID }),
  'a key file chosen to sign': (path) => chosenKey(new KeyStore(join(dirname(path), 'store')), { keyId: null, keyFile: path, passphrase: 'passphrase' }),
  'a file handed over by the system': (path) => {
    const opened = new OpenedFiles();
    opened.add(path);
    const [handed] = opened.take();
    if (handed && !handed.ok) throw new AppError(handed.error.code as MessageKey, handed.error.params);
    return handed;
  },
};

describe('files the user names', () => {
  for (const [what, read] of Object.entries(readers)) {
    it(`says a folder given as ${what} is a folder, not that it is missing`, (t) => {
      const folder = join(tempDir(t), 'results.jbresult');
      mkdirSync(folder);
      assert.deepEqual(userError(() => read(folder)), { code: 'file.isFolder', params: { file: folder } });
    });

    it(`says a pipe given as ${what} is a pipe, and never waits on it`, (t) => {
      const fifo = join(tempDir(t), 'pipe.jbresult');
      const why = makeFifo(fifo);
      if (why) return t.skip(why);
      assert.deepEqual(userError(() => read(fifo)), { code: 'file.isPipe', params: { file: fifo } });
    });

    it(`says a path through a file given as ${what} goes through a file`, (t) => {
      const file = join(tempDir(t), 'plain.txt');
      writeFileSync(file, 'x');
      const through = join(file, 'inside.jbresult');
      assert.deepEqual(userError(() => read(through)), { code: 'file.pathThroughFile', params: { file: through } });
    });
  }

  it('creates no workspace in a missing folder, and says the folder is missing', async (t) => {
    const home = tempDir(t);
    const session = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: '0.0.0-test' });
    t.after(() => session.close());
    const dispatch = createDispatcher(session.handlers());
    const folder = join(home, 'no-such-folder');
    const reply = await dispatch('workspace:create', { path: join(folder, 'contest.sqlite'), title: 'Конкурс' });
    assert.deepEqual(reply.ok ? null : { code: reply.error.code, params: reply.error.params }, {
      code: 'file.folderMissing',
      params: { file: join(folder, 'contest.sqlite'), folder },
    });
  });

  it('refuses to create a workspace over a folder or through a file', (t) => {
    const dir = tempDir(t);
    const file = join(dir, 'plain.txt');
    writeFileSync(file, 'x');
    assert.equal(userError(() => Workspace.create(dir, {})).code, 'file.isFolder');
    assert.equal(userError(() => Workspace.create(join(file, 'w.sqlite'), {})).code, 'file.pathThroughFile');
  });

  it('names a folder as a folder on the command line too', (t) => {
    const folder = join(tempDir(t), 'contest.jbcontest');
    mkdirSync(folder);
    const run = runCli(['verify', folder]);
    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stdout + run.stderr, /is a folder, not a file/);
    assert.doesNotMatch(run.stdout + run.stderr, /not found/i);
  });
});
