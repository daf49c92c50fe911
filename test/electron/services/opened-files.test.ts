import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it, type TestContext } from 'node:test';
import { createDispatcher } from '../../../electron/api/dispatch.ts';
import { Session } from '../../../electron/api/session.ts';
import { AppData } from '../../../electron/services/app-data.ts';
import { KeyStore } from '../../../electron/services/keys/key-store.ts';
import { filesOnCommandLine, OpenedFiles } from '../../../electron/services/opened-files.ts';
import { MAX_FILE_BYTES } from '../../../electron/services/signing/envelope.ts';
import type { HandedFile } from '../../../shared/domain/opened.ts';
import { tempDir } from '../../helpers/temp.ts';

/** A folder with one small file of each kind JuryBox opens, and one it does not. */
function files(t: TestContext): { dir: string; path(name: string): string } {
  const dir = tempDir(t);
  for (const name of ['contest.jbcontest', 'kim.jbenrol', 'kim.jbresult', 'results.jbmerged', 'notes.txt']) writeFileSync(join(dir, name), `bytes of ${name}`);
  return { dir, path: (name) => join(dir, name) };
}

const okNames = (handed: HandedFile[]): string[] => handed.map((h) => (h.ok ? `${h.kind} ${h.fileName}` : `refused ${h.fileName} ${h.error.code}`));

describe('files on a command line', () => {
  it('takes the arguments after the installed program, leaving out the switches Chromium and the system add', () => {
    const argv = ['C:\\Program Files\\JuryBox\\JuryBox.exe', '--allow-file-access-from-files', 'C:\\Users\\Анна\\Результаты\\kim.jbresult', '--original-process-start-time=13350000000', '-psn_0_4711'];
    assert.deepEqual(filesOnCommandLine(argv, 1), ['C:\\Users\\Анна\\Результаты\\kim.jbresult']);
  });

  it('skips the app folder under a bare Electron (`electron . FILE`)', () => {
    assert.deepEqual(filesOnCommandLine(['/usr/lib/electron/electron', '.', 'contest.jbcontest', 'kim.jbenrol'], 2), ['contest.jbcontest', 'kim.jbenrol']);
  });

  it('takes every argument after -- as a file, even one that looks like a switch', () => {
    assert.deepEqual(filesOnCommandLine(['jurybox', '--no-sandbox', '--', '-draft.jbresult', '--x.jbmerged'], 1), ['-draft.jbresult', '--x.jbmerged']);
  });

  it('turns the file:// URLs a Linux desktop passes for %U into paths, Cyrillic included', () => {
    const path = '/home/anna/Итоги финала.jbmerged';
    assert.deepEqual(filesOnCommandLine(['/opt/JuryBox/jurybox', pathToFileURL(path).href], 1), [path]);
  });

  it('finds no files on a plain start', () => {
    assert.deepEqual(filesOnCommandLine(['/opt/JuryBox/jurybox'], 1), []);
    assert.deepEqual(filesOnCommandLine(['/opt/JuryBox/jurybox', '--no-sandbox', ''], 1), []);
  });
});

describe('the queue of opened files', () => {
  it('reads each file whole, knows its kind by its extension in any case, and gives it once', (t) => {
    const { dir, path } = files(t);
    writeFileSync(join(dir, 'LOUD.JBRESULT'), 'loud');
    const opened = new OpenedFiles();
    opened.addFromCommandLine(['/opt/JuryBox/jurybox', path('contest.jbcontest'), 'kim.jbenrol', 'LOUD.JBRESULT', path('results.jbmerged')], { skip: 1, cwd: dir });
    assert.equal(opened.size, 4);
    const handed = opened.take();
    assert.deepEqual(okNames(handed), ['contest contest.jbcontest', 'enrolment kim.jbenrol', 'result LOUD.JBRESULT', 'merged results.jbmerged']);
    const first = handed[0];
    assert.ok(first?.ok);
    assert.deepEqual(Buffer.from(first.content, 'base64'), readFileSync(path('contest.jbcontest')));
    assert.deepEqual(opened.take(), []);
  });

  it('refuses, naming the file, one of another kind, one that is gone, and one larger than its kind can be', (t) => {
    const { dir, path } = files(t);
    const big = join(dir, 'huge.jbenrol');
    writeFileSync(big, '');
    truncateSync(big, MAX_FILE_BYTES.enrolment + 1);
    const opened = new OpenedFiles();
    for (const name of ['notes.txt', 'gone.jbresult', 'huge.jbenrol']) opened.add(name, dir);
    const handed = opened.take();
    assert.deepEqual(okNames(handed), ['refused notes.txt opened.unknownKind', 'refused gone.jbresult file.notFound', 'refused huge.jbenrol file.tooLarge']);
    const [unknown, gone, huge] = handed.map((h) => (h.ok ? assert.fail(h.fileName) : h.error));
    assert.equal(unknown?.params.file, path('notes.txt'));
    assert.match(unknown?.message ?? '', /JuryBox cannot open the file .*notes\.txt: it opens contest packages \(\.jbcontest\)/);
    assert.equal(gone?.params.file, join(dir, 'gone.jbresult'));
    assert.deepEqual(huge?.params, { file: big, size: MAX_FILE_BYTES.enrolment + 1, max: MAX_FILE_BYTES.enrolment });
  });

  it('passes over folders (the app’s own under a bare Electron) and queues the same file once', (t) => {
    const { dir, path } = files(t);
    mkdirSync(join(dir, 'app'));
    const opened = new OpenedFiles();
    opened.addFromCommandLine(['electron', 'app', 'kim.jbresult'], { skip: 1, cwd: dir });
    opened.add(path('kim.jbresult'));
    assert.deepEqual(okNames(opened.take()), ['result kim.jbresult']);
  });
});

describe('opened files through the API', () => {
  function session(t: TestContext, openedFiles?: OpenedFiles) {
    const home = tempDir(t);
    const s = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: '0.0.0-test', openedFiles });
    t.after(() => s.close());
    const dispatch = createDispatcher(s.handlers(), { checkOutputs: true });
    return async (): Promise<HandedFile[]> => {
      const reply = await dispatch('opened:take', {});
      if (!reply.ok) assert.fail(reply.error.message);
      return reply.value as HandedFile[];
    };
  }

  it('keeps what macOS sent before the app was ready until the window asks, then gives it once', async (t) => {
    const { path } = files(t);
    // `open-file` comes before `ready`: the queue exists before the session and its handlers do.
    const opened = new OpenedFiles();
    opened.add(path('results.jbmerged'));
    const take = session(t, opened);
    assert.deepEqual(okNames(await take()), ['merged results.jbmerged']);
    assert.deepEqual(await take(), []);
  });

  it('adds what a second instance was started with, its relative paths taken from that instance’s folder', async (t) => {
    const { dir } = files(t);
    const opened = new OpenedFiles();
    opened.addFromCommandLine(['/opt/JuryBox/jurybox'], { skip: 1, cwd: '/' });
    const take = session(t, opened);
    assert.deepEqual(await take(), []);
    // The first instance runs in `/`; the second was started from the folder that holds the file.
    opened.addFromCommandLine(['/opt/JuryBox/jurybox', '--no-sandbox', 'kim.jbresult', 'notes.txt'], { skip: 1, cwd: dir });
    assert.deepEqual(okNames(await take()), ['result kim.jbresult', 'refused notes.txt opened.unknownKind']);
  });

  it('answers nothing where no system hands files over', async (t) => {
    assert.deepEqual(await session(t)(), []);
  });

  it('refuses an argument, as every channel that takes none does', async (t) => {
    const home = tempDir(t);
    const s = new Session({ appData: new AppData(home), keyStore: new KeyStore(join(home, 'keys')), version: '0.0.0-test', openedFiles: new OpenedFiles() });
    t.after(() => s.close());
    const reply = await createDispatcher(s.handlers())('opened:take', { path: '/etc/passwd' });
    assert.equal(!reply.ok && reply.error.code, 'error.invalidInput');
  });
});
