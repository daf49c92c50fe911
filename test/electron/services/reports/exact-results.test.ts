import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { parseCsv } from '../../../../electron/services/import/csv.ts';
import { renderResults } from '../../../../electron/services/reports/render.ts';
import { openResultsFile, type VenueResults } from '../../../../electron/services/venue/results-file.ts';
import type { VenueGroup } from '../../../../shared/domain/venue.ts';
import { formatNumber, translate, type Lang } from '../../../../shared/i18n/index.ts';
import { fallbackResults, TRIMMED } from '../../../helpers/fallback-results.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

/** The protocol's text as pdftotext reads it in raw order, without white space (table cells wrap). */
async function protocolText(dir: string, results: VenueResults, lang: Lang): Promise<string> {
  const path = join(dir, `protocol-${lang}.pdf`);
  writeFileSync(path, await renderResults(results, 'pdf', { lang, present: null }));
  const run = spawnSync('pdftotext', ['-raw', path, '-'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.replace(/\s+/g, '');
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const score = (lang: Lang, value: number | null) => (value === null ? '—' : formatNumber(lang, value, 2));

describe('the trimmed mean’s fallback and the statistics’ notes in the documents', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jurybox-exact-reports-'));
  let results: VenueResults;
  let group: VenueGroup;
  before(() => {
    results = openResultsFile(fallbackResults(dir).path);
    const found = results.view.groups.find((g) => g.nominationId === TRIMMED);
    assert.ok(found);
    group = found;
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  for (const lang of ['ru', 'en'] as const) {
    it(`marks each plain-mean score in the protocol and says why under the table (${lang})`, { skip: poppler ? false : 'pdftotext is not installed' }, async () => {
      const text = await protocolText(dir, results, lang);
      const marked = group.ranked.filter((r) => r.trimFallback);
      assert.ok(marked.length > 0 && marked.length < group.ranked.length);
      for (const r of group.ranked) {
        const cells = squeeze(`${score(lang, r.score)}${r.trimFallback ? '*' : ''}${score(lang, r.normalised)}${r.trimFallback ? '*' : ''}`);
        assert.ok(text.includes(cells), `${r.title}: ${cells}`);
      }
      assert.ok(text.includes(squeeze(translate(lang, 'report.trimFallback.note', { k: 2, twice: 4 }))));
      // The note is the group's: the protocol says it once per group with a fallback, and only there.
      assert.equal(text.split(squeeze(translate(lang, 'report.trimFallback.note', { k: 2, twice: 4 }))).length - 1, 1);
    });

    it(`names the plain mean in the results CSV’s note column, and nowhere else (${lang})`, async () => {
      const bytes = await renderResults(results, 'csv', { lang, present: null });
      const [header, ...rows] = parseCsv('results.csv', bytes.subarray(3).toString('utf8'), lang === 'ru' ? ';' : ',').map((r) => r.cells.map(String));
      assert.equal(header?.at(-1), translate(lang, 'report.col.note'));
      const note = translate(lang, 'report.trimFallback.cell', { twice: 4 });
      const marked = new Set([...group.ranked, ...group.flagged].filter((e) => e.trimFallback).map((e) => e.title));
      const noted = rows.filter((r) => r.at(-1) === note).map((r) => r[3]);
      assert.deepEqual(new Set(noted), marked);
      assert.ok(rows.every((r) => r.at(-1) === '' || r.at(-1) === note));
    });
  }

  it('names it in the group’s sheet of the workbook', async () => {
    const book = new ExcelJS.Workbook();
    // exceljs declares its own Buffer type, older than Node's; the bytes are what it expects.
    await book.xlsx.load((await renderResults(results, 'xlsx', { lang: 'ru', present: null })) as unknown as ExcelJS.Buffer);
    const sheet = book.worksheets[results.view.groups.indexOf(group) + 1];
    assert.ok(sheet);
    const header = sheet.getRow(2).values as unknown[];
    const column = header.indexOf(translate('ru', 'report.col.note'));
    assert.ok(column > 0);
    group.ranked.forEach((r, i) => assert.equal(sheet.getRow(i + 3).getCell(column).value ?? '', r.trimFallback ? translate('ru', 'report.trimFallback.cell', { twice: 4 }) : '', r.title));
  });

  it('writes why W or an ICC is undefined, or that it lies below 0 or above 1, in the protocol’s statistics', { skip: poppler ? false : 'pdftotext is not installed' }, async () => {
    const statistics = { ...group.statistics, kendallW: null, icc21: -0.25, icc2k: 3, notes: { kendallW: 'noVariance', icc21: 'belowZero', icc2k: 'aboveOne' } } as const;
    const odd: VenueResults = { ...results, view: { ...results.view, groups: results.view.groups.map((g) => (g === group ? { ...g, statistics } : g)) } };
    const text = await protocolText(dir, odd, 'ru');
    const t = (key: Parameters<typeof translate>[1]) => translate('ru', key);
    for (const expected of [
      `${t('report.notDefined')} (${t('report.statistic.noVariance')})`,
      `${formatNumber('ru', -0.25, 2)} (${t('report.statistic.belowZero')})`,
      `${formatNumber('ru', 3, 2)} (${t('report.statistic.aboveOne')})`,
    ]) {
      assert.ok(text.includes(squeeze(expected)), expected);
    }
  });
});
