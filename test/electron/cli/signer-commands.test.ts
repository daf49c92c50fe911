import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
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
});
