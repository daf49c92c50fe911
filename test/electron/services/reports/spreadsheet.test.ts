import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { renderResults } from '../../../../electron/services/reports/render.ts';
import { sheetNames } from '../../../../electron/services/reports/spreadsheet.ts';
import { readTable } from '../../../../electron/services/import/index.ts';
import { unzipWithin } from '../../../../electron/services/import/zip.ts';
import type { VenueResults } from '../../../../electron/services/venue/results-file.ts';
import { translate } from '../../../../shared/i18n/index.ts';
import { demoResults } from './demo-results.ts';
import { HOSTILE, hostileMarks, hostileResults } from './hostile.ts';

async function workbookOf(results: VenueResults, lang: 'ru' | 'en' = 'ru'): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  // exceljs declares its own Buffer type, older than Node's; the bytes are what it expects.
  await book.xlsx.load((await renderResults(results, 'xlsx', { lang, present: null })) as unknown as ExcelJS.Buffer);
  return book;
}

const rowValues = (sheet: ExcelJS.Worksheet, row: number, columns: number) => Array.from({ length: columns }, (_, i) => sheet.getRow(row).getCell(i + 1).value ?? null);

const award = (a: { kind: 'place'; place: number } | { kind: 'laureate' } | null) =>
  a === null ? null : a.kind === 'place' ? translate('ru', 'report.award.place', { place: String(a.place) }) : translate('ru', 'report.award.laureate');

describe('the results workbook (XLSX)', () => {
  const demo = demoResults();

  it('has a summary, one sheet per nomination and category, and the experts’ marks, with valid names', async () => {
    const { withMarks } = demo();
    const book = await workbookOf(withMarks);
    const names = book.worksheets.map((w) => w.name);
    assert.equal(names.length, withMarks.view.groups.length + 2);
    assert.equal(names[0], translate('ru', 'report.sheet.summary'));
    assert.equal(names.at(-1), translate('ru', 'report.sheet.marks'));
    assert.equal(new Set(names.map((n) => n.toLowerCase())).size, names.length);
    for (const name of names) assert.ok(name.length <= 31 && !/[[\]:*?/\\]/.test(name) && !name.startsWith("'"), name);
  });

  it('lists each group as the signed results rank it: places, scores as numbers, awards', async () => {
    const { withMarks } = demo();
    const book = await workbookOf(withMarks);
    withMarks.view.groups.forEach((g, i) => {
      const sheet = book.worksheets[i + 1];
      assert.ok(sheet);
      assert.equal(sheet.getCell('A1').value, g.title);
      const want = [
        ...g.ranked.map((r) => [r.place, r.title, r.organisation, r.region, r.applicationNo, r.score, r.normalised, r.evaluations, award(r.award)]),
        ...g.flagged.map((f) => [null, f.title, f.organisation, f.region, null, f.score, null, f.evaluations, null]),
      ];
      const got = want.map((_, row) => rowValues(sheet, row + 3, 9));
      assert.deepEqual(got, want, g.title);
      assert.equal(sheet.getRow(want.length + 3).getCell(2).value ?? null, null, 'nothing after the last entry');
      assert.ok(g.ranked.every((r, row) => typeof sheet.getRow(row + 3).getCell(6).value === 'number' || r.score === null));
    });
  });

  it('freezes and filters the header rows, and prints on A4 fitted to the width', async () => {
    const { withMarks } = demo();
    const book = await workbookOf(withMarks);
    for (const sheet of book.worksheets.slice(1)) {
      const header = sheet.name === translate('ru', 'report.sheet.marks') ? 1 : 2;
      assert.equal(sheet.views[0]?.state, 'frozen', sheet.name);
      assert.equal(sheet.views[0]?.ySplit, header, sheet.name);
      assert.ok(sheet.autoFilter, sheet.name);
      assert.equal(sheet.getRow(header).getCell(1).font?.bold, true);
      assert.equal(sheet.pageSetup.paperSize, 9);
      assert.equal(sheet.pageSetup.fitToWidth, 1);
      assert.equal(sheet.pageSetup.orientation, 'landscape');
      assert.equal(sheet.pageSetup.printTitlesRow, `1:${header}`);
    }
  });

  it('holds every raw mark, one row each, with its value as a number', async () => {
    const { withMarks } = demo();
    const marks = withMarks.marks ?? [];
    assert.ok(marks.length > 100);
    const sheet = (await workbookOf(withMarks)).getWorksheet(translate('ru', 'report.sheet.marks'));
    assert.ok(sheet);
    assert.equal(sheet.actualRowCount, marks.length + 1);
    const got = marks.map((_, i) => rowValues(sheet, i + 2, 7));
    assert.deepEqual(
      got,
      marks.map((m) => [m.expertName, m.nominationTitle, m.categoryTitle, m.entryTitle, m.criterionTitle, m.value, m.comment === '' ? null : m.comment]),
    );
  });

  it('says on the summary who signed, the file digest, and each group’s winners and laureates', async () => {
    const { results } = demo();
    const book = await workbookOf(results);
    assert.equal(book.getWorksheet(translate('ru', 'report.sheet.marks')), undefined, 'no marks without the bundles');
    const summary = book.worksheets[0];
    assert.ok(summary);
    const cells: unknown[] = [];
    summary.eachRow((row) => row.eachCell((cell) => cells.push(cell.value)));
    const { view } = results;
    for (const fact of [view.file.digest, view.chair.name, view.chair.fingerprint, translate('ru', 'report.summary.demo'), translate('ru', 'report.summary.noMarks')]) assert.ok(cells.includes(fact), fact);
    for (const r of view.groups.flatMap((g) => g.ranked.filter((x) => x.award !== null))) assert.ok(cells.includes(r.title), r.title);
    const unawarded = view.groups.flatMap((g) => g.ranked.filter((x) => x.award === null));
    assert.ok(unawarded.length > 0 && unawarded.every((r) => !cells.includes(r.title)));
  });

  it('names sheets validly, uniquely and the same way every time', () => {
    const long = 'Лучшая региональная сеть многофункциональных центров: малая';
    const names = sheetNames([long, 'A/B [test]?', 'A/B [test]?', "'quoted'"], ['Сводка', 'Оценки экспертов']);
    // Excel refuses a name ending in an apostrophe, and exceljs writes one inside unescaped in the print titles.
    assert.deepEqual(names, ['1. Лучшая региональная сеть мн…', '2. A B test', '3. A B test', '4. ’quoted’']);
    for (const name of names) assert.ok(Array.from(name).length <= 31, name);
    assert.deepEqual(sheetNames([long], []), [names[0]]);
    assert.deepEqual(sheetNames(['Сводка'], ['1. сводка']), ['1. Сводка (2)']);
    // Characters XML cannot hold: exceljs drops a control character in a name and writes U+FFFF, which no XML parser reads.
    assert.deepEqual(sheetNames(['Малая\uFFFFсеть\u0007МФЦ'], []), ['1. Малая сеть МФЦ']);
  });

  it('stores text that looks like a formula as the text it is, never as a formula', async () => {
    const { withMarks } = demo();
    const hostile: VenueResults = { ...hostileResults(withMarks), marks: hostileMarks(withMarks.marks ?? []) };
    const book = await workbookOf(hostile);
    const texts = new Set<string>();
    for (const sheet of book.worksheets) {
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${sheet.name}!${cell.address}: ${String(cell.value)}`);
          if (typeof cell.value === 'string') texts.add(cell.value);
        }),
      );
    }
    // XML reads a line end, CRLF or CR, as LF; every other character comes back as it went.
    for (const text of HOSTILE) assert.ok(texts.has(text.replace(/\r\n?/g, '\n')), JSON.stringify(text));
  });

  it('writes groups titled with apostrophes, each sheet’s print titles a reference Excel can read', async () => {
    const { results } = demo();
    const titles = ["Children's project'", "'Цифра'", "Проект 'Альфа' и 'Бета'"];
    const groups = results.view.groups.map((g, i) => ({ ...g, categoryTitle: titles[i % titles.length] ?? null }));
    const bytes = await renderResults({ ...results, view: { ...results.view, groups } }, 'xlsx', { lang: 'en', present: null });
    const xml = unzipWithin('results.xlsx', bytes).find((p) => p.name === 'xl/workbook.xml')?.data.toString('utf8') ?? '';
    const unescape = (text: string) => text.replaceAll('&apos;', "'").replaceAll('&amp;', '&');
    const sheets = [...xml.matchAll(/<sheet [^>]*name="([^"]*)"/g)].map((m) => unescape(m[1] ?? ''));
    const printTitles = [...xml.matchAll(/<definedName name="_xlnm.Print_Titles"[^>]*>([^<]*)</g)].map((m) => unescape(m[1] ?? ''));
    assert.equal(printTitles.length, groups.length);
    for (const reference of printTitles) {
      // A sheet's name in a reference is quoted, an apostrophe inside it doubled.
      const quoted = /^'((?:[^']|'')+)'!\$1:\$2$/.exec(reference);
      assert.ok(quoted && sheets.includes((quoted[1] ?? '').replaceAll("''", "'")), reference);
    }
  });

  it('keeps text that reads like Excel’s _xHHHH_ escape as written, not as the character it would stand for', async () => {
    const { results } = demo();
    const [group] = results.view.groups;
    const [first, ...rest] = group?.ranked ?? [];
    assert.ok(group && first);
    const odd = { title: 'Проект_x0041_', organisation: '_x202E_ГАУ', region: 'Регион_x005F_x0007_' };
    const bytes = await renderResults({ ...results, view: { ...results.view, groups: [{ ...group, ranked: [{ ...first, ...odd }, ...rest] }] } }, 'xlsx', { lang: 'ru', present: null });
    // Read back as the import reads a workbook: each escape decoded once, as Excel shows the cell.
    const sheet = sheetNames([group.categoryTitle ?? group.nominationTitle], [])[0];
    const table = await readTable('results.xlsx', bytes, sheet === undefined ? {} : { sheet });
    assert.deepEqual(table.rows[1]?.cells.slice(1, 4), [odd.title, odd.organisation, odd.region]);
  });

  it('writes every character of a text, those XML cannot hold as Excel writes them (_x0007_), so the workbook opens and reads back as written', async () => {
    const { withMarks } = demo();
    const [group] = withMarks.view.groups;
    const [first, ...rest] = group?.ranked ?? [];
    const [mark, ...marks] = withMarks.marks ?? [];
    assert.ok(group && first && mark);
    // U+FFFF is no XML character at all (the part would not parse); exceljs silently drops a control character.
    const odd = { title: 'Проект\uFFFF', organisation: 'ГАУ\u0007МФЦ', region: 'Тула\u001b[2K' };
    const results = { ...withMarks, view: { ...withMarks.view, groups: [{ ...group, ranked: [{ ...first, ...odd }, ...rest] }] }, marks: [{ ...mark, comment: 'Хорошо\uFFFE\u0001' }, ...marks] };
    const bytes = await renderResults(results, 'xlsx', { lang: 'ru', present: null });
    const sheet = sheetNames([group.categoryTitle ?? group.nominationTitle], [])[0];
    const table = await readTable('results.xlsx', bytes, sheet === undefined ? {} : { sheet });
    assert.deepEqual(table.rows[1]?.cells.slice(1, 4), [odd.title, odd.organisation, odd.region]);
    const marksSheet = await readTable('results.xlsx', bytes, { sheet: translate('ru', 'report.sheet.marks') });
    assert.equal(marksSheet.rows[0]?.cells[6], 'Хорошо\uFFFE\u0001');
  });
});