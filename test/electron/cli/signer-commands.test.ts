import assert from 'node:assert/strict';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { describeKeyFile } from '../../../electron/services/keys/key-store.ts';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

const PASS = { JURYBOX_PASSPHRASE: 'demo' };

describe('jurybox signs only with the key the roster or the first revision names', () => {
  it('refuses merge, publish and enrol with another person’s key, naming both fingerprints, and writes nothing', (t) => {
    const dir = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const key = (name: string) => join(dir, 'keys', `${name}.key`);
    const fingerprint = (name: string) => describeKeyFile(readFileSync(key(name), 'utf8'), name).fingerprint;
    const contest = join(dir, 'contest.jbcontest');

    const merged = join(dir, 'kim.jbmerged');
    const merge = runCli(['merge', '--contest', contest, '--key', key('expert-kim'), '--out', merged, '--decisions', join(dir, 'decisions.json'), join(dir, 'bundles')], PASS);
    assert.equal(merge.status, 1, merge.stderr);
    assert.ok(merge.stderr.includes(fingerprint('chair')) && merge.stderr.includes(fingerprint('expert-kim')), merge.stderr);
    assert.equal(existsSync(merged), false);

    const r2 = join(dir, 'r2.jbcontest');
    const publish = runCli(['publish', '--workspace', join(dir, 'demo.sqlite'), '--key', key('chair'), '--out', r2], PASS);
    assert.equal(publish.status, 1, publish.stderr);
    assert.ok(publish.stderr.includes(fingerprint('organiser')) && publish.stderr.includes(fingerprint('chair')), publish.stderr);
    assert.equal(existsSync(r2), false);

    const enrolment = join(dir, 'kim.jbenrol');
    const enrol = runCli(['enrol', '--contest', contest, '--expert', 'kim', '--key', key('organiser'), '--out', enrolment], PASS);
    assert.equal(enrol.status, 1, enrol.stderr);
    assert.match(enrol.stderr, new RegExp(`${fingerprint('organiser')} is the contest organiser’s key`));
    assert.equal(existsSync(enrolment), false);

    const good = runCli(['merge', '--contest', contest, '--key', key('chair'), '--out', merged, '--decisions', join(dir, 'decisions.json'), join(dir, 'bundles')], PASS);
    assert.equal(good.status, 0, good.stderr);
  });

  it('takes the roster from one contest and one organiser key: merge, recompute and results refuse another organiser’s package by name, as verify does', (t) => {
    const dir = tempDir(t);
    const other = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    // The same demo contest (same id, revision 1) published again by another organiser, whose roster
    // gives the chair another key: which roster would decide who signs would depend on the order given.
    assert.equal(runCli(['demo', '--out', other, '--seed', '2']).status, 0);
    const mine = join(dir, 'contest.jbcontest');
    const theirs = join(other, 'contest.jbcontest');
    const merged = join(dir, 'mixed.jbmerged');
    for (const [first, second] of [[mine, theirs], [theirs, mine]] as const) {
      const merge = runCli(['merge', '--contest', first, '--contest', second, '--key', join(other, 'keys', 'chair.key'), '--out', merged, '--decisions', join(other, 'decisions.json'), join(other, 'bundles')], PASS);
      assert.equal(merge.status, 1, merge.stdout);
      assert.equal(merge.stderr, `Error: Package ${second} is another contest or signed by another key than the other packages.\n`);
      assert.equal(existsSync(merged), false);
    }
    const results = join(other, 'results.jbmerged');
    const recompute = runCli(['recompute', results, '--contest', theirs, '--contest', mine, join(other, 'bundles')]);
    assert.equal(recompute.stderr, `Error: Package ${mine} is another contest or signed by another key than the other packages.\n`);
    const marks = runCli(['results', results, '--format', 'marks-csv', '--out', join(dir, 'marks.csv'), '--contest', theirs, '--contest', mine, join(other, 'bundles')]);
    assert.match(marks.stderr, new RegExp(`^Error: Package ${mine.replace(/[/.]/g, '\\$&')} is another contest`, 'm'));
    assert.equal(existsSync(join(dir, 'marks.csv')), false);
  });

  it('refuses two different files of one revision from the same organiser (a workspace restored and published again)', (t) => {
    const dir = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const again = join(dir, 'restored.sqlite');
    copyFileSync(join(dir, 'demo.sqlite'), again);
    const db = new Database(again);
    db.prepare('DELETE FROM publications').run();
    db.close();
    const second = join(dir, 'again.jbcontest');
    assert.equal(runCli(['publish', '--workspace', again, '--key', join(dir, 'keys', 'organiser.key'), '--out', second], PASS).status, 0);
    const first = join(dir, 'contest.jbcontest');
    const merged = join(dir, 'twice.jbmerged');
    const merge = runCli(['merge', '--contest', first, '--contest', second, '--key', join(dir, 'keys', 'chair.key'), '--out', merged, '--decisions', join(dir, 'decisions.json'), join(dir, 'bundles')], PASS);
    assert.equal(merge.stderr, `Error: Packages ${first} and ${second} are both revision 1 of the contest, with different contents. Give only the one the experts received.\n`);
    assert.equal(existsSync(merged), false);
    // The same file twice is one package.
    assert.equal(runCli(['verify', '--contest', first, '--contest', first, join(dir, 'results.jbmerged')]).status, 0);
  });

  it('enrol for an expert the contest does not have says so, not that the expert may not sign', (t) => {
    const dir = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const out = join(dir, 'nobody.jbenrol');
    const enrol = runCli(['enrol', '--contest', join(dir, 'contest.jbcontest'), '--expert', 'nobody', '--key', join(dir, 'keys', 'expert-kim.key'), '--out', out], PASS);
    assert.equal(enrol.status, 1);
    assert.equal(enrol.stderr, `Error: File ${join(dir, 'contest.jbcontest')}: expert nobody is not in this contest.\n`);
    assert.equal(existsSync(out), false);
  });
});
