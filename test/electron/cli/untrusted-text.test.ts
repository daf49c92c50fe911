import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openMerged, writeMerged } from '../../../electron/services/chair/merge.ts';
import { unlockKeyFile } from '../../../electron/services/signing/key-file.ts';
import { fingerprintOf, publicKeyFromPem } from '../../../electron/services/signing/keys.ts';
import { CONTINUED } from '../../../electron/cli/context.ts';
import { runCli, type CliResult } from '../../helpers/cli.ts';

/**
 * A name as a hostile file may carry it: erase the line, return to its start, start a new line
 * that looks like ours, turn the next text around, isolate, hide a space, C1 NEL, a line separator.
 */
const CRAFTED = 'Ким\u001b[2K\r\nSHA-256: FAKE 11111 22222\u202E33333\u2066\u200B\u0085\u2028end';
/**
 * How that name must read in the output: every one of those characters as a visible escape, but
 * the line break, which shows as one on a line marked as the name's continuation.
 */
const SHOWN = `${String.raw`Ким\x1b[2K`}\n${CONTINUED}${String.raw`SHA-256: FAKE 11111 22222\u{202E}33333\u{2066}\u{200B}\x85\u{2028}end`}`;
/** A file name may carry the same (Linux allows anything but / and NUL). */
const CRAFTED_FILE = 'evil\u001b[2K\r\u202E.jbresult';

/** Characters a terminal or the bidi algorithm would act on, apart from our own line breaks. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters that must never be printed raw
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;
const PASS = { JURYBOX_PASSPHRASE: 'demo' };

/** Runs the CLI and checks that nothing it printed can act on the terminal. */
function inert(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = runCli(args, env);
  for (const [stream, text] of [['stdout', result.stdout], ['stderr', result.stderr]] as const) {
    const found = ACTING.exec(text);
    assert.equal(found, null, `jurybox ${args[0]} printed U+${found?.[0].codePointAt(0)?.toString(16).padStart(4, '0')} raw on ${stream}: ${JSON.stringify(text)}`);
  }
  return result;
}

const fingerprintOfPem = (file: string): string => fingerprintOf(publicKeyFromPem(readFileSync(file, 'utf8')));

describe('text from files in the CLI', () => {
  let dir = '';
  const at = (...parts: string[]) => join(dir, ...parts);

  // The demo, then a second revision whose contest title, first entry and expert kim's name are
  // crafted, signed by an organiser named the same way.
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'jurybox-untrusted-'));
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const db = new Database(at('demo.sqlite'));
    db.prepare('UPDATE experts SET name = ? WHERE id = ?').run(CRAFTED, 'kim');
    db.prepare('UPDATE contests SET title = ?').run(CRAFTED);
    db.prepare('UPDATE entries SET title = ?').run(CRAFTED);
    db.close();
    const published = inert(['publish', '--workspace', at('demo.sqlite'), '--key', at('keys', 'organiser.key'), '--out', at('r2.jbcontest'), '--name', CRAFTED], PASS);
    assert.equal(published.status, 0, published.stderr);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('verify shows a crafted contest title and enrolment name escaped, beside the real fingerprint', () => {
    const mine = { JURYBOX_PASSPHRASE: 'долгий пароль' };
    assert.equal(inert(['keygen', '--out', at('mine.key'), '--label', CRAFTED], mine).status, 0);
    const enrolled = inert(['enrol', '--contest', at('r2.jbcontest'), '--expert', 'kim', '--key', at('mine.key'), '--out', at('kim.jbenrol')], mine);
    assert.equal(enrolled.status, 0, enrolled.stderr);
    const verified = inert(['verify', at('r2.jbcontest'), at('kim.jbenrol')]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.equal(verified.stdout, [
      `${at('r2.jbcontest')}: contest package “${SHOWN}”, revision 2, keys on the roster: 9, signed by ${fingerprintOfPem(at('keys', 'organiser.pub.pem'))} — OK`,
      `${at('kim.jbenrol')}: key enrolment of expert kim (${SHOWN}), signed by ${fingerprintOfPem(at('mine.pub.pem'))} — OK`,
      '',
    ].join('\n'));
  });

  it('merge shows crafted file names, and the reasons that name them, escaped', () => {
    mkdirSync(at('in'));
    copyFileSync(at('bundles', 'kim.jbresult'), at('in', CRAFTED_FILE));
    writeFileSync(at('in', `bad${CRAFTED_FILE}`), 'not a bundle');
    // Whether it then signs (the demo leaves a tie open) is not the point here: every line it prints is.
    const merged = inert(['merge', '--contest', at('contest.jbcontest'), '--key', at('keys', 'chair.key'), '--out', at('m.jbmerged'), '--allow-refused', at('bundles'), at('in')], PASS);
    assert.match(merged.stdout, /^evil\\x1b\[2K\\x0d\\u\{202E\}\.jbresult: kim, no\. 1 — DUPLICATE$/m);
    assert.match(merged.stderr, /^badevil\\x1b\[2K\\x0d\\u\{202E\}\.jbresult: +— REFUSED: File .*badevil\\x1b\[2K\\x0d\\u\{202E\}\.jbresult is damaged/m);
  });

  it('verify, results and recompute show a crafted chair name escaped, beside the real fingerprint', () => {
    // The demo's results signed again by the demo chair's own key, under a crafted name.
    const opened = openMerged(at('results.jbmerged'));
    const key = unlockKeyFile(readFileSync(at('keys', 'chair.key'), 'utf8'), { passphrase: 'demo' }, 'chair.key');
    writeMerged({ ...opened.payload, chair: { ...opened.payload.chair, name: CRAFTED } }, key, at('crafted.jbmerged'));
    const chair = fingerprintOfPem(at('keys', 'chair.pub.pem'));

    const verified = inert(['verify', at('crafted.jbmerged')]);
    assert.equal(verified.stdout, `${at('crafted.jbmerged')}: contest results: ${SHOWN}, against revision 1, experts’ results: 9, signed by ${chair} — OK\n`);
    const results = inert(['results', at('crafted.jbmerged'), '--format', 'csv', '--out', at('r.csv')]);
    assert.equal(results.status, 0, results.stderr);
    assert.ok(results.stdout.startsWith(`${at('crafted.jbmerged')}: results signed by ${SHOWN} (key ${chair})\n`), results.stdout);
    const recomputed = inert(['recompute', at('crafted.jbmerged'), '--contest', at('contest.jbcontest'), at('bundles')]);
    assert.equal(recomputed.status, 0, recomputed.stderr);
    assert.ok(recomputed.stdout.includes(`(${chair}).`), recomputed.stdout);
  });

  it('shows a reason written on several lines on several lines, each marked as the reason’s own, in both languages', () => {
    const decisions = JSON.parse(readFileSync(at('decisions.json'), 'utf8')) as { decisions: { reason: string }[] };
    for (const d of decisions.decisions) d.reason = 'Проект раньше начал работу.\r\nВторое основание: отзывы.\n[jurybox] Results written';
    writeFileSync(at('multiline.json'), JSON.stringify(decisions));
    const merged = inert(['merge', '--contest', at('contest.jbcontest'), '--key', at('keys', 'chair.key'), '--out', at('multiline.jbmerged'), '--decisions', at('multiline.json'), at('bundles')], PASS);
    assert.equal(merged.status, 0, merged.stderr);
    const lines = merged.stdout.split('\n');
    const at0 = lines.findIndex((l) => l.endsWith('reason: Проект раньше начал работу.'));
    assert.ok(at0 > 0, merged.stdout);
    assert.deepEqual(lines.slice(at0 + 1, at0 + 3), [`${CONTINUED}Второе основание: отзывы.`, `${CONTINUED}[jurybox] Results written`]);
    // A file name on two lines, in a reason inside another message: each break marked once.
    writeFileSync(at('in', 'два\nряда.jbresult'), 'not a bundle');
    const ru = inert(['verify', '--lang', 'ru', at('in', 'два\nряда.jbresult')]);
    assert.equal(ru.stderr, `${at('in', 'два')}\n${CONTINUED}ряда.jbresult: ОТКЛОНЁН — Файл ${at('in', 'два')}\n${CONTINUED}ряда.jbresult повреждён или это не файл JuryBox: текст не читается как JSON (знак 1).\n`);
  });

  it('escapes a crafted file name or argument in an error too', () => {
    assert.match(inert(['verify', at(`missing${CRAFTED_FILE}`)]).stderr, /missing evil|missingevil\\x1b\[2K\\x0d\\u\{202E\}\.jbresult/);
    assert.match(inert([`verify${CRAFTED}`]).stderr, /Unknown command “verifyКим\\x1b\[2K\n {4}┆ SHA-256/);
    assert.equal(inert(['verify', '--lang', CRAFTED, 'x']).status, 2);
  });
});
