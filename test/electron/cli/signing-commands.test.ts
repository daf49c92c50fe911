import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../helpers/cli.ts';
import { tempDir } from '../../helpers/temp.ts';

const FINGERPRINT = /\d{5}( \d{5}){5}/;

describe('jurybox demo, verify, keygen, enrol and publish', () => {
  it('writes a signed package with the demo keys, each marked demo and sealed with the passphrase "demo"', (t) => {
    const dir = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const keys = readdirSync(join(dir, 'keys')).sort();
    for (const name of ['organiser.key', 'organiser.pub.pem', 'chair.key', 'chair.pub.pem', 'expert-smirnov.key', 'expert-smirnov.pub.pem', 'README.txt']) assert.ok(keys.includes(name), name);
    const organiser = JSON.parse(readFileSync(join(dir, 'keys', 'organiser.key'), 'utf8')) as { demo: boolean; protection: { kind: string } };
    assert.equal(organiser.demo, true);
    assert.equal(organiser.protection.kind, 'passphrase');
    assert.match(readFileSync(join(dir, 'keys', 'organiser.pub.pem'), 'utf8'), /^-----BEGIN PUBLIC KEY-----/);
    const verified = runCli(['verify', join(dir, 'contest.jbcontest')]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /contest package “Лучший многофункциональный центр России”, revision 1, keys on the roster: 9, signed by \d{5}/);
  });

  it('exits 1 and names the reason when any file is refused, 2 when no file is named', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const good = join(dir, 'contest.jbcontest');
    const bad = join(dir, 'bad.jbcontest');
    const bytes = readFileSync(good);
    const at = bytes.indexOf('"sig": "') + 9;
    bytes[at] = (bytes[at] ?? 0) ^ 0x01;
    writeFileSync(bad, bytes);
    const result = runCli(['verify', good, bad, join(dir, 'missing.jbcontest')]);
    assert.equal(result.status, 1);
    assert.match(result.stdout, /contest\.jbcontest: .* — OK/);
    assert.match(result.stderr, /bad\.jbcontest: REFUSED — /);
    assert.match(result.stderr, /missing\.jbcontest: REFUSED — /);
    assert.equal(runCli(['verify']).status, 2);
  });

  it('makes a key, enrols it for an expert, and publishes the next revision with the organiser key', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const keygen = runCli(['keygen', '--out', join(dir, 'mine.key'), '--label', 'Мой ключ'], { JURYBOX_PASSPHRASE: 'долгий пароль' });
    assert.equal(keygen.status, 0, keygen.stderr);
    const fingerprint = FINGERPRINT.exec(keygen.stdout)?.[0];
    assert.ok(fingerprint);
    const enrol = runCli(['enrol', '--contest', join(dir, 'contest.jbcontest'), '--expert', 'kim', '--key', join(dir, 'mine.key'), '--out', join(dir, 'kim.jbenrol')], { JURYBOX_PASSPHRASE: 'долгий пароль' });
    assert.equal(enrol.status, 0, enrol.stderr);
    const verified = runCli(['verify', join(dir, 'kim.jbenrol')]);
    assert.match(verified.stdout, new RegExp(`key enrolment of expert kim .* signed by ${fingerprint}`));
    const published = runCli(['publish', '--workspace', join(dir, 'demo.sqlite'), '--key', join(dir, 'keys', 'organiser.key'), '--out', join(dir, 'r2.jbcontest')], { JURYBOX_PASSPHRASE: 'demo' });
    assert.equal(published.status, 0, published.stderr);
    assert.match(runCli(['verify', join(dir, 'r2.jbcontest')]).stdout, /revision 2/);
  });

  it('refuses a wrong passphrase, another organiser key, and a missing passphrase outside a terminal', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const args = (key: string, out: string) => ['publish', '--workspace', join(dir, 'demo.sqlite'), '--key', join(dir, 'keys', key), '--out', join(dir, out)];
    const wrong = runCli(args('organiser.key', 'a.jbcontest'), { JURYBOX_PASSPHRASE: 'not demo' });
    assert.equal(wrong.status, 1);
    assert.match(wrong.stderr, /passphrase is wrong/);
    const other = runCli(args('chair.key', 'b.jbcontest'), { JURYBOX_PASSPHRASE: 'demo' });
    assert.equal(other.status, 1);
    assert.match(other.stderr, /the first revision of the package pinned the organiser key \d{5}( \d{5}){5}, but the key chosen is \d{5}/);
    const none = runCli(args('organiser.key', 'c.jbcontest'), { JURYBOX_PASSPHRASE: '' });
    assert.equal(none.status, 2);
    assert.match(none.stderr, /JURYBOX_PASSPHRASE/);
  });
});

describe('jurybox demo bundles and verify --contest', () => {
  it('writes one signed bundle per demo expert, each accepted against the package', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const bundles = readdirSync(join(dir, 'bundles')).filter((f) => f.endsWith('.jbresult'));
    assert.equal(bundles.length, 9);
    const result = runCli(['verify', '--contest', join(dir, 'contest.jbcontest'), ...bundles.map((b) => join(dir, 'bundles', b))]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(result.stdout.match(/— OK$/gm)?.length, 9);
  });

  it('says a bundle is checked against its contest when no package is given', (t) => {
    const dir = tempDir(t);
    runCli(['demo', '--out', dir]);
    const result = runCli(['verify', join(dir, 'bundles', 'smirnov.jbresult')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /checked against the contest package\. Add --contest PACKAGE/);
  });

  it('refuses a bundle checked against another contest’s package', (t) => {
    const a = tempDir(t);
    const b = tempDir(t);
    runCli(['demo', '--out', a]);
    runCli(['demo', '--out', b]);
    const result = runCli(['verify', '--contest', join(b, 'contest.jbcontest'), join(a, 'bundles', 'kim.jbresult')]);
    assert.equal(result.status, 1);
    assert.match(result.stderr, /kim\.jbresult: REFUSED — .*not on the contest’s roster/);
  });
});
