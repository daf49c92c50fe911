import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import { runCli } from '../../helpers/cli.ts';
import { resignedDemoResults, retitled } from '../../helpers/resigned.ts';
import { tempDir } from '../../helpers/temp.ts';

interface Demo {
  merged: string;
  contest: string;
  bundles: string;
}

describe('jurybox results', () => {
  // One demo for every test (writing it takes seconds); each test writes into its own folder.
  let made: (Demo & { dir: string }) | undefined;
  before(() => {
    const dir = mkdtempSync(join(tmpdir(), 'jurybox-results-'));
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    made = { dir, merged: join(dir, 'results.jbmerged'), contest: join(dir, 'contest.jbcontest'), bundles: join(dir, 'bundles') };
  });
  after(() => {
    if (made) rmSync(made.dir, { recursive: true, force: true });
  });
  const demo = (t: TestContext): Demo & { dir: string } => {
    assert.ok(made);
    return { ...made, dir: tempDir(t) };
  };

  it('writes the protocol, the workbook and the CSV of signed results, and says where', (t) => {
    const { dir, merged } = demo(t);
    for (const [format, file, magic] of [
      ['pdf', 'protocol.pdf', '%PDF-'],
      ['xlsx', 'results.xlsx', 'PK'],
      ['csv', 'results.csv', '\uFEFF'],
    ] as const) {
      const out = join(dir, file);
      const run = runCli(['results', merged, '--format', format, '--out', out]);
      assert.equal(run.status, 0, run.stderr);
      assert.ok(existsSync(out) && statSync(out).size > 1000, file);
      assert.ok(readFileSync(out, 'utf8').startsWith(magic), file);
      assert.match(run.stdout, /results signed by .+ \(key \d{5}/);
      assert.ok(run.stdout.includes(out), run.stdout);
      assert.match(run.stdout, /written: .+ \(\d+(\.\d)? KB\)/);
    }
  });

  it('recomputes the results from the bundles first, then writes their marks', (t) => {
    const { dir, merged, contest, bundles } = demo(t);
    const out = join(dir, 'marks.csv');
    const run = runCli(['results', merged, '--format', 'marks-csv', '--out', out, '--contest', contest, bundles]);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /Recomputed from 9 experts’ results, the results match the signed ones\./);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\r\n');
    assert.ok(lines.length > 100, `${lines.length} lines`);
    assert.equal(lines[0], '\uFEFFЭксперт;Номинация;Категория;Участник;Критерий;Оценка;Комментарий', 'a document in Russian unless --lang says otherwise');
    const english = runCli(['results', merged, '--format', 'marks-csv', '--out', out, '--lang', 'en', '--contest', contest, bundles]);
    assert.equal(english.status, 0, english.stderr);
    assert.ok(readFileSync(out, 'utf8').startsWith('\uFEFFExpert,Nomination,Category,Entry,Criterion,Mark,Comment\r\n'));
  });

  it('writes nothing and says DIFFERENT when a bundle is missing from the folder', (t) => {
    const { dir, merged, contest, bundles } = demo(t);
    const fewer = join(dir, 'fewer');
    cpSync(bundles, fewer, { recursive: true });
    rmSync(join(fewer, 'kim.jbresult'));
    const out = join(dir, 'marks.csv');
    const run = runCli(['results', merged, '--format', 'marks-csv', '--out', out, '--contest', contest, fewer]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /DIFFERENT\n {2}the results of expert kim no\. 1 \(\w+…\) are missing/);
    assert.equal(existsSync(out), false);
  });

  it('is a usage error to ask for marks without the bundles, for an unknown member present, or for an unknown format', (t) => {
    const { dir, merged } = demo(t);
    const out = join(dir, 'out');
    const marks = runCli(['results', merged, '--format', 'marks-csv', '--out', out]);
    assert.equal(marks.status, 2);
    assert.match(marks.stderr, /marks-csv\) need the package and the experts’ results/);
    const member = runCli(['results', merged, '--format', 'pdf', '--out', out, '--present', 'orlova,nobody']);
    assert.equal(member.status, 2);
    assert.match(member.stderr, /no id “nobody”\. Its members: orlova, /);
    const format = runCli(['results', merged, '--format', 'docx', '--out', out]);
    assert.equal(format.status, 2);
    assert.match(format.stderr, /not “docx”/);
    assert.equal(existsSync(out), false);
  });

  it('refuses results whose signature does not hold', (t) => {
    const { dir, merged } = demo(t);
    const bytes = readFileSync(merged);
    const at = bytes.indexOf('"sig": "') + 9;
    bytes[at] = bytes[at] === 0x41 ? 0x42 : 0x41;
    const tampered = join(dir, 'tampered.jbmerged');
    writeFileSync(tampered, bytes);
    const run = runCli(['results', tampered, '--format', 'pdf', '--out', join(dir, 'p.pdf')]);
    assert.equal(run.status, 1);
    assert.match(run.stderr, /signature/i);
    assert.equal(existsSync(join(dir, 'p.pdf')), false);
  });

  it('names, before writing the protocol, each character its fonts lack, and says nothing for the spreadsheets', (t) => {
    const { dir, merged } = demo(t);
    const odd = resignedDemoResults(dirname(merged), join(dir, 'odd.jbmerged'), retitled('Конкурс 中 ✓ \u001b[2J'));
    const out = join(dir, 'protocol.pdf');
    const run = runCli(['results', odd, '--format', 'pdf', '--out', out]);
    assert.equal(run.status, 0, run.stderr);
    assert.ok(run.stderr.includes('the protocol’s fonts lack the characters 中 (U+4E2D), ✓ (U+2713), \\x1b (U+001B);'), run.stderr);
    assert.ok(!run.stderr.includes('\u001b'), 'a control character is shown as its escape, never sent to the terminal');
    assert.ok(existsSync(out));
    const csv = runCli(['results', odd, '--format', 'csv', '--out', join(dir, 'results.csv')]);
    assert.equal(csv.status, 0, csv.stderr);
    assert.equal(csv.stderr, '', 'a CSV keeps every character');
  });
});
