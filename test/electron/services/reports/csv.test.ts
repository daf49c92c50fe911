import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCsv } from '../../../../electron/services/import/csv.ts';
import { renderResults } from '../../../../electron/services/reports/render.ts';
import type { VenueResults } from '../../../../electron/services/venue/results-file.ts';
import { AppError } from '../../../../shared/errors.ts';
import { translate, type Lang } from '../../../../shared/i18n/index.ts';
import { expectNoFormulaEitherWay, formulaCells, readWith } from '../../../helpers/csv-both-ways.ts';
import { demoResults } from './demo-results.ts';
import { HOSTILE, hostileMarks, hostileResults } from './hostile.ts';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The file's records as the app's own CSV import reads them (RFC 4180), after checking the BOM and the CRLF line ends. */
async function recordsOf(results: VenueResults, format: 'csv' | 'marks-csv', lang: Lang): Promise<string[][]> {
  const bytes = await renderResults(results, format, { lang, present: null });
  assert.deepEqual(bytes.subarray(0, 3), BOM, 'UTF-8 with a BOM');
  const text = bytes.subarray(3).toString('utf8');
  assert.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text.replace(/"[^"]*"/g, '')), 'CRLF after every record');
  return parseCsv('results.csv', text, lang === 'ru' ? ';' : ',').map((r) => r.cells.map(String));
}

/** A number as a cell shows it: decimal comma in Russian, point in English; empty for none. */
const cell = (lang: Lang, value: number | null) => (value === null ? '' : String(value).replace('.', lang === 'ru' ? ',' : '.'));

function expectedRows(results: VenueResults, lang: Lang): string[][] {
  const t = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) => translate(lang, key, params);
  // The last column: set where the trimmed mean fell back to the plain mean.
  const note = (g: VenueResults['view']['groups'][number], e: { trimFallback?: true }) => (e.trimFallback ? t('report.trimFallback.cell', { twice: 2 * g.rules.trim }) : '');
  return results.view.groups.flatMap((g) => [
    ...g.ranked.map((r) => [
      g.nominationTitle,
      g.categoryTitle ?? '',
      cell(lang, r.place),
      r.title,
      r.organisation,
      r.region,
      r.applicationNo ?? '',
      cell(lang, r.score),
      cell(lang, r.normalised),
      cell(lang, r.evaluations),
      r.award === null ? '' : r.award.kind === 'place' ? t('report.award.place', { place: String(r.award.place) }) : t('report.award.laureate'),
      t(r.decidedBy === null ? 'report.decided.shared' : `report.decided.${r.decidedBy}`),
      note(g, r),
    ]),
    ...g.flagged.map((f) => [g.nominationTitle, g.categoryTitle ?? '', '', f.title, f.organisation, f.region, '', cell(lang, f.score), '', cell(lang, f.evaluations), '', t('report.flagged.note', { min: g.minEvaluations }), note(g, f)]),
  ]);
}

describe('the results as CSV', () => {
  const demo = demoResults();

  for (const lang of ['ru', 'en'] as const) {
    it(`reads back to the signed results, one row per entry, with ${lang === 'ru' ? '; and decimal commas' : ', and decimal points'} (${lang})`, async () => {
      const { results } = demo();
      const [header, ...rows] = await recordsOf(results, 'csv', lang);
      assert.equal(header?.[0], translate(lang, 'report.col.nomination'));
      assert.equal(header?.length, 13);
      assert.deepEqual(rows, expectedRows(results, lang));
    });
  }

  it('quotes separators, quotes and line breaks, and keeps Excel from running text as a formula', async () => {
    const { results } = demo();
    const [group] = results.view.groups;
    const [first] = group?.ranked ?? [];
    assert.ok(group && first);
    const title = 'Проект "Альфа"; этап 1,\r\nвторая строка';
    const odd: VenueResults = { ...results, view: { ...results.view, groups: [{ ...group, flagged: [], ranked: [{ ...first, title, region: '=HYPERLINK("x")', organisation: '-5 баллов' }] }] } };
    const [, row] = await recordsOf(odd, 'csv', 'ru');
    assert.equal(row?.[3], 'Проект "Альфа"; этап 1,\nвторая строка', 'a CRLF inside a quoted cell reads as the line break it is');
    assert.equal(row?.[4], "'-5 баллов");
    assert.equal(row?.[5], '\'=HYPERLINK("x")');
  });

  it('lists every raw mark, with its comment, as marks-csv', async () => {
    const { withMarks } = demo();
    const marks = withMarks.marks ?? [];
    const [header, ...rows] = await recordsOf(withMarks, 'marks-csv', 'ru');
    assert.equal(header?.length, 7);
    assert.equal(rows.length, marks.length);
    assert.deepEqual(
      rows,
      marks.map((m) => [m.expertName, m.nominationTitle, m.categoryTitle ?? '', m.entryTitle, m.criterionTitle, cell('ru', m.value), m.comment]),
    );
    assert.ok(marks.some((m) => m.comment !== ''), 'the demo has comments to carry');
  });

  it('refuses marks-csv where the marks are not at hand', async () => {
    await assert.rejects(renderResults(demo().results, 'marks-csv', { lang: 'ru', present: null }), (error: unknown) => error instanceof AppError && error.code === 'venue.noMarks');
  });
});

/** Each hostile text as the file holds it, read with its own separator: a formula start after a cell or line start, a separator or a quote gets an apostrophe. */
const NEUTRALISED: Record<(typeof HOSTILE)[number], string> = {
  '=HYPERLINK("http://x","клик")': '\'=HYPERLINK("http://x","клик")',
  '+7 (999) 000-00-00': "'+7 (999) 000-00-00",
  '-5 баллов': "'-5 баллов",
  '@SUM(A1:A2)': "'@SUM(A1:A2)",
  '\tс табуляцией': "'\tс табуляцией",
  '\rс возвратом каретки': "'\rс возвратом каретки",
  'Проект "Альфа"; этап 1,\r\nвторая строка': 'Проект "Альфа"; этап 1,\nвторая строка',
  'Запятая,=1+1': "Запятая,'=1+1",
  'Точка с запятой;=1+1': "Точка с запятой;'=1+1",
  'Строка\n-2+3': "Строка\n'-2+3",
  'Строка\r\n@cmd': "Строка\n'@cmd",
  'Кавычка "=1+1"': 'Кавычка "\'=1+1"',
  'Открытая кавычка;"=1+1': 'Открытая кавычка;"\'=1+1',
  'Кавычка в конце;"': 'Кавычка в конце;"',
  'Иванов Иван Иванович': 'Иванов Иван Иванович',
};

describe('reading a CSV with the other separator', () => {
  it('finds the formula a quoted cell hides behind the other separator, and lets numbers be', () => {
    assert.deepEqual(formulaCells('x;"a,=b";-3,5\r\n', ','), ['=b";-3']);
    assert.deepEqual(formulaCells('x;"a,=b";-3,5\r\n', ';'), []);
  });

  it('runs a quote the other separator leaves open to the end of the file, as Excel does', () => {
    assert.deepEqual(readWith('x;"a,""";y\r\nz\r\n', ','), [['x;"a', '";y\nz\n']]);
  });
});

describe('every CSV, read with either separator', () => {
  const demo = demoResults();
  const hostile = (): VenueResults => {
    const { withMarks } = demo();
    return { ...hostileResults(withMarks), marks: hostileMarks(withMarks.marks ?? []) };
  };

  for (const format of ['csv', 'marks-csv'] as const) {
    for (const lang of ['ru', 'en'] as const) {
      it(`starts no formula in any cell, read with "," or with ";" (${format}, ${lang})`, async () => {
        expectNoFormulaEitherWay(await renderResults(hostile(), format, { lang, present: null }), `${format} (${lang})`);
      });
    }
  }

  for (const lang of ['ru', 'en'] as const) {
    it(`keeps every text and number, formula starts behind an apostrophe, read with its own separator (${lang})`, async () => {
      const results = hostile();
      const [, ...rows] = await recordsOf(results, 'marks-csv', lang);
      const marks = results.marks ?? [];
      assert.ok(marks.length >= HOSTILE.length);
      const safe = (text: string) => NEUTRALISED[text as (typeof HOSTILE)[number]];
      assert.deepEqual(
        rows,
        marks.map((m) => [safe(m.expertName), safe(m.nominationTitle), safe(m.categoryTitle ?? ''), safe(m.entryTitle), safe(m.criterionTitle), m.value, safe(m.comment)].map(String)).map((r) => r.map((c, i) => (i === 5 ? written(lang, Number(c)) : c))),
      );
    });
  }
});

/** The marks of ODD_VALUES as the file writes them: at most 6 decimals, no trailing point, no "-0". */
function written(lang: Lang, value: number): string {
  const text = { '-3.5': '-3.5', '7.0000004': '7', '-1e-7': '0', '0.000001': '0.000001', '-12': '-12' }[String(value)];
  assert.ok(text !== undefined, `no written form for ${value}`);
  return lang === 'ru' ? text.replace('.', ',') : text;
}
