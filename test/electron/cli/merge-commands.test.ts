import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

const PASS = { JURYBOX_PASSPHRASE: 'demo' };

describe('jurybox merge and recompute', () => {
  it('merges the demo bundles into signed results that recompute as IDENTICAL, and DIFFERENT without one bundle', (t) => {
    const dir = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const out = join(dir, 'merged.jbmerged');
    const contest = join(dir, 'contest.jbcontest');
    const merged = runCli(['merge', '--contest', contest, '--key', join(dir, 'keys', 'chair.key'), '--out', out, '--decisions', join(dir, 'decisions.json'), join(dir, 'bundles')], PASS);
    assert.equal(merged.status, 0, merged.stderr);
    assert.equal(merged.stdout.match(/ — OK$/gm)?.length, 9);
    assert.match(merged.stdout, /Experts’ results merged: 9; signed by \d{5}/);
    assert.match(merged.stdout, /: first place — /);
    assert.doesNotMatch(merged.stdout, /: first place shared by /);

    const verified = runCli(['verify', out]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /contest results: .*, against revision 1, experts’ results: 9/);

    const same = runCli(['recompute', out, '--contest', contest, join(dir, 'bundles')]);
    assert.equal(same.status, 0, same.stderr);
    assert.match(same.stdout, /IDENTICAL/);

    const fewer = join(dir, 'fewer');
    cpSync(join(dir, 'bundles'), fewer, { recursive: true });
    rmSync(join(fewer, 'kim.jbresult'));
    const different = runCli(['recompute', out, '--contest', contest, fewer]);
    assert.equal(different.status, 1);
    assert.match(different.stderr, /DIFFERENT\n {2}the results of expert kim no\. 1 \(\w+…\) are missing/);
  });

  it('writes nothing while a bundle is refused, unless --allow-refused', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const victim = join(dir, 'bundles', 'kim.jbresult');
    const bytes = readFileSync(victim);
    const at = bytes.indexOf('"sig": "') + 9;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    writeFileSync(victim, bytes);
    const args = ['merge', '--contest', join(dir, 'contest.jbcontest'), '--key', join(dir, 'keys', 'chair.key'), '--out', join(dir, 'merged.jbmerged'), '--decisions', join(dir, 'decisions.json'), join(dir, 'bundles')];
    const stopped = runCli(args, PASS);
    assert.equal(stopped.status, 1);
    assert.match(stopped.stderr, /kim\.jbresult: .*REFUSED: .*signature/);
    assert.match(stopped.stderr, /Files refused: 1\. Nothing written/);
    assert.throws(() => readFileSync(join(dir, 'merged.jbmerged')), /ENOENT/);
    const allowed = runCli([...args, '--allow-refused'], PASS);
    assert.equal(allowed.status, 0, allowed.stderr);
    assert.match(allowed.stdout, /Experts’ results merged: 8/);
  });
});
