import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { badPaths } from '../../helpers/bad-paths.ts';
import { jurybox, runCli } from '../../helpers/cli.ts';

/**
 * Runs jurybox and kills it outright if it outlives `seconds`: a command blocked reading a pipe
 * never gets to handle SIGTERM (the CLI catches it), so only SIGKILL ends it.
 */
function run(args: string[], seconds = 30) {
  const result = spawnSync(process.execPath, [jurybox, ...args], {
    encoding: 'utf8', env: { ...process.env, LANG: 'C', JURYBOX_PASSPHRASE: 'demo' }, timeout: seconds * 1000, killSignal: 'SIGKILL',
  });
  return { status: result.status, signal: result.signal, output: `${result.stdout}${result.stderr}` };
}

/** A refusal in the user's terms: exit 1, the sentence expected, no raw system error, no temporary file named. */
function assertSays(result: ReturnType<typeof run>, sentence: RegExp, what: string): void {
  assert.equal(result.signal, null, `${what}: killed while waiting (${result.output})`);
  assert.equal(result.status, 1, `${what}: ${result.output}`);
  assert.match(result.output, sentence, what);
  assert.doesNotMatch(result.output, /\bE[A-Z]{3,}\b|\.partial\b|not found/, what);
}

const FOLDER = /is a folder, not a file/;
const PIPE = /is a pipe \(FIFO\), not a file/;
const THROUGH = /goes through a file as if it were a folder/;
const MISSING_FOLDER = /The folder .* does not exist/;

describe('every path given to jurybox', () => {
  let dir = '';
  let demo = '';
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-paths-'));
    demo = join(dir, 'demo');
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const contest = () => join(demo, 'contest.jbcontest');
  /** Each command that unlocks a key file, with the key file given. */
  const signing: Record<string, (key: string, out: string) => string[]> = {
    enrol: (key, out) => ['enrol', '--contest', contest(), '--expert', 'smirnov', '--key', key, '--out', out],
    publish: (key, out) => ['publish', '--workspace', join(demo, 'demo.sqlite'), '--key', key, '--out', out],
    merge: (key, out) => ['merge', '--contest', contest(), '--key', key, '--out', out, '--decisions', join(demo, 'decisions.json'), join(demo, 'bundles')],
  };

  it('says a key file that is a folder, a pipe or behind a file is that, and never waits on a pipe', (t) => {
    for (const [command, args] of Object.entries(signing)) {
      const paths = badPaths(mkdtempSync(join(dir, 'key-')), 'signer.key');
      const out = join(dir, `${command}-out`);
      assertSays(run(args(paths.folder, out)), FOLDER, `${command} --key FOLDER`);
      assertSays(run(args(paths.throughFile, out)), THROUGH, `${command} --key FILE/x.key`);
      if (paths.pipeProblem) t.diagnostic(paths.pipeProblem);
      else assertSays(run(args(paths.pipe, out), 20), PIPE, `${command} --key PIPE`);
    }
  });

  it('says what is wrong with the file to write, for every command that writes one', () => {
    const key = (name: string) => join(demo, 'keys', `${name}.key`);
    const writers: Record<string, (out: string) => string[]> = {
      keygen: (out) => ['keygen', '--out', out, '--label', 'Ключ'],
      enrol: (out) => signing.enrol!(key('expert-smirnov'), out),
      publish: (out) => signing.publish!(key('organiser'), out),
      merge: (out) => signing.merge!(key('chair'), out),
      results: (out) => ['results', join(demo, 'results.jbmerged'), '--format', 'csv', '--out', out],
    };
    for (const [command, args] of Object.entries(writers)) {
      const paths = badPaths(mkdtempSync(join(dir, 'out-')), 'written.out');
      assertSays(run(args(paths.folder)), FOLDER, `${command} --out FOLDER`);
      assertSays(run(args(paths.throughFile)), THROUGH, `${command} --out FILE/x`);
      if (paths.pipeProblem === null) assertSays(run(args(paths.pipe)), PIPE, `${command} --out PIPE`);
      // keygen makes the folder of a new key (owner-only): a missing one is no error there.
      if (command !== 'keygen') assertSays(run(args(paths.inMissingFolder)), MISSING_FOLDER, `${command} --out MISSING/x`);
    }
  });

  it('says a folder to fill with the demo that is a file or a pipe is not a folder', () => {
    const paths = badPaths(mkdtempSync(join(dir, 'demo-')), 'demo');
    assertSays(run(['demo', '--out', dirname(paths.throughFile)]), /plain\.txt is not a folder/, 'demo --out FILE');
    assertSays(run(['demo', '--out', paths.throughFile]), THROUGH, 'demo --out FILE/x');
    if (paths.pipeProblem === null) assertSays(run(['demo', '--out', paths.pipe]), /is not a folder/, 'demo --out PIPE');
  });

  it('says a backup to restore from that is a folder or a pipe is that, and never waits on the pipe', () => {
    const paths = badPaths(mkdtempSync(join(dir, 'restore-')), 'copy.sqlite');
    const workspace = join(demo, 'demo.sqlite');
    assertSays(run(['restore', workspace, paths.folder]), FOLDER, 'restore WORKSPACE FOLDER');
    if (paths.pipeProblem === null) assertSays(run(['restore', workspace, paths.pipe], 20), PIPE, 'restore WORKSPACE PIPE');
  });

  it('refuses a bundle path that is missing or behind a file by name, among the others judged', () => {
    const paths = badPaths(mkdtempSync(join(dir, 'bundles-')), 'kim.jbresult');
    const merge = (bundle: string) => run(['merge', '--contest', contest(), '--key', join(demo, 'keys', 'chair.key'), '--out', join(dir, 'm.jbmerged'), join(demo, 'bundles'), bundle]);
    const missing = merge(paths.missing);
    assert.equal(missing.status, 1, missing.output);
    assert.match(missing.output, /missing-kim\.jbresult: .*REFUSED.*File .*missing-kim\.jbresult not found/);
    assertSays(merge(paths.throughFile), THROUGH, 'merge FILE/x.jbresult');
    // A folder of bundles that holds none (a typo, files not copied yet) signs no results from nothing.
    const out = join(dir, 'from-nothing.jbmerged');
    assertSays(run(['merge', '--contest', contest(), '--key', join(demo, 'keys', 'chair.key'), '--out', out, paths.folder]), /holds no experts’ results \(\.jbresult files\)/, 'merge EMPTY-FOLDER');
    assert.equal(existsSync(out), false, 'nothing signed');
  });
});
