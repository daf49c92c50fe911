import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import { renderResults, type RenderOptions } from '../../../../electron/services/reports/render.ts';
import type { VenueResults } from '../../../../electron/services/venue/results-file.ts';
import { AppError } from '../../../../shared/errors.ts';
import { translate, type Lang, type MessageKey } from '../../../../shared/i18n/index.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { demoResults } from './demo-results.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
const skip = poppler ? false : 'pdftotext (poppler-utils) is not installed';

function tool(name: string, args: string[]): string {
  const run = spawnSync(name, args, { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout;
}

interface Rendered {
  path: string;
  /** The text as pdftotext -layout lays it out. */
  layout: string;
  /** The same without any white space, so that words a table cell wrapped still match. */
  squeezed: string;
  page(n: number): string;
}

async function rendered(t: TestContext, results: VenueResults, options: RenderOptions): Promise<Rendered> {
  const path = join(tempDir(t), 'protocol.pdf');
  writeFileSync(path, await renderResults(results, 'pdf', options));
  // Raw order keeps a table cell's lines together, where the layout puts other columns between them.
  const squeezed = tool('pdftotext', ['-raw', path, '-']).replace(/\s+/g, '');
  return { path, layout: tool('pdftotext', ['-layout', path, '-']), squeezed, page: (n) => tool('pdftotext', ['-layout', '-f', String(n), '-l', String(n), path, '-']) };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const flat = (text: string) => text.replace(/\s+/g, ' ');

const SECTIONS: MessageKey[] = [
  'report.section.commission',
  'report.section.methods',
  'report.section.results',
  'report.section.flagged',
  'report.section.ties',
  'report.section.statistics',
  'report.section.decision',
  'report.section.signatures',
  'report.section.appendix',
];

const headings = (lang: Lang) => [translate(lang, 'report.pdf.title'), translate(lang, 'report.pdf.subtitle'), ...SECTIONS.map((k) => translate(lang, k))];

describe('the protocol (PDF)', { skip }, () => {
  const demo = demoResults();

  it('holds every section, group, winner, laureate, tie reason, member present and digest of the demo, in Russian', async (t) => {
    const { results } = demo();
    const { view } = results;
    const pdf = await rendered(t, results, { lang: 'ru', present: null });
    for (const heading of headings('ru')) assert.ok(flat(pdf.layout).includes(heading), heading);
    for (const g of view.groups) assert.ok(flat(pdf.layout).includes(g.title), g.title);
    const winners = view.groups.flatMap((g) => g.ranked.filter((r) => r.place === 1));
    const laureates = view.groups.flatMap((g) => g.ranked.filter((r) => r.award?.kind === 'laureate'));
    assert.ok(winners.length >= view.groups.length && laureates.length > 0);
    for (const r of [...winners, ...laureates]) assert.ok(pdf.squeezed.includes(squeeze(r.title)), r.title);
    assert.ok(pdf.squeezed.includes(squeeze(translate('ru', 'report.award.place', { place: '1' }))));
    assert.ok(pdf.squeezed.includes(squeeze(translate('ru', 'report.award.laureate'))));
    const reasons = view.groups.flatMap((g) => g.ties.map((tie) => tie.reason));
    assert.equal(reasons.length, 1, 'the demo has one tie, decided by its chair');
    for (const reason of reasons) assert.ok(pdf.squeezed.includes(squeeze(reason)), reason);
    for (const m of view.commission) assert.ok(pdf.layout.includes(m.name), m.name);
    for (const digest of [view.file.digest, ...view.packages.map((p) => p.digest), ...view.bundles.map((b) => b.digest)]) assert.ok(pdf.layout.includes(digest), digest);
    assert.ok(pdf.layout.includes(view.chair.fingerprint));
  });

  it('says on page 1 that the contest is a demo, numbers the pages, and heads every page after the first', async (t) => {
    const { results } = demo();
    const pdf = await rendered(t, results, { lang: 'ru', present: null });
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf.path]))?.[1]);
    assert.ok(pages >= 4, `${pages} pages`);
    const header = translate('ru', 'report.header', { title: results.view.contest.title });
    assert.ok(flat(pdf.page(1)).includes(translate('ru', 'report.pdf.demo')));
    assert.ok(!flat(pdf.page(1)).includes(header));
    const footer = (page: number) => translate('ru', 'report.footer.page', { page: String(page), pages: String(pages) });
    assert.ok(pdf.page(1).includes(footer(1)));
    assert.ok(flat(pdf.page(2)).includes(header));
    assert.ok(pdf.page(pages).includes(footer(pages)));

    const real = { ...results, view: { ...results.view, contest: { ...results.view.contest, isDemo: false } } };
    const plain = await rendered(t, real, { lang: 'ru', present: null });
    assert.ok(!flat(plain.layout).includes(translate('ru', 'report.pdf.demo')));
  });

  it('embeds its fonts, PT Serif and PT Sans, and no other', async (t) => {
    const pdf = await rendered(t, demo().results, { lang: 'ru', present: null });
    const fonts = tool('pdffonts', [pdf.path]).trim().split('\n').slice(2);
    assert.ok(fonts.length >= 2);
    for (const line of fonts) {
      assert.match(line, /\+PT(Serif|Sans)-/, line);
      assert.match(line, /\s+yes\s+yes\s+yes\s+/, `embedded, subset, with a Unicode map: ${line}`);
    }
    assert.ok(fonts.some((line) => line.includes('PTSerif')) && fonts.some((line) => line.includes('PTSans')));
  });

  it('is written in English with lang "en", the data as they are', async (t) => {
    const { results } = demo();
    const pdf = await rendered(t, results, { lang: 'en', present: null });
    for (const heading of headings('en')) assert.ok(flat(pdf.layout).includes(heading), heading);
    for (const heading of SECTIONS.map((k) => translate('ru', k))) assert.ok(!flat(pdf.layout).includes(heading), heading);
    assert.ok(flat(pdf.layout).includes(results.view.groups[0]?.title ?? '?'));
    assert.ok(pdf.page(1).includes(translate('en', 'report.footer.page', { page: '1', pages: '' }).trim()));
  });

  it('signs for the members present only, and lists the others as absent', async (t) => {
    const { results } = demo();
    const [chair, first, second] = results.view.commission;
    assert.ok(chair && first && second);
    const pdf = await rendered(t, results, { lang: 'ru', present: [first.id, chair.id] });
    const signatures = flat(pdf.layout).split(translate('ru', 'report.section.signatures'))[1]?.split(translate('ru', 'report.section.appendix'))[0] ?? '';
    assert.ok(signatures.includes(chair.name) && signatures.includes(first.name));
    assert.ok(!signatures.includes(second.name));
    assert.ok(flat(pdf.layout).includes(translate('ru', 'report.commission.present', { count: 2, total: results.view.commission.length })));
    const absent = flat(pdf.layout).split(translate('ru', 'report.commission.absent', { names: '' }).replace(/\.$/, '').trim())[1] ?? '';
    assert.ok(absent.includes(second.name), 'listed as absent');
  });

  it('keeps a one-page commission’s signature lines on one page, under their heading', async (t) => {
    const { results } = demo();
    const pdf = await rendered(t, results, { lang: 'ru', present: null });
    const pages = Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [pdf.path]))?.[1]);
    const heading = `8. ${translate('ru', 'report.section.signatures')}`;
    const page = Array.from({ length: pages }, (_, i) => i + 1).find((n) => pdf.page(n).includes(heading));
    assert.ok(page, 'the signatures have a heading');
    const signing = pdf.page(page).split(heading)[1] ?? '';
    for (const m of results.view.commission) assert.ok(signing.includes(m.name), `${m.name} signs on page ${page}`);
  });

  it('leaves the results it renders as they were, for the ceremony and the next export', async () => {
    const { withMarks } = demo();
    const before = JSON.stringify(withMarks);
    for (const format of ['pdf', 'xlsx', 'csv', 'marks-csv'] as const) {
      await renderResults(withMarks, format, { lang: 'ru', present: null });
      assert.equal(JSON.stringify(withMarks), before, format);
    }
  });

  it('refuses a member present whom the commission lacks', async () => {
    await assert.rejects(renderResults(demo().results, 'pdf', { lang: 'ru', present: ['nobody'] }), (error: unknown) => error instanceof AppError && error.code === 'report.unknownMember' && error.params.id === 'nobody');
  });
});
