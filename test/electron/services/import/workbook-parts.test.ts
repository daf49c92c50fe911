import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IMPORT_LIMITS } from '../../../../shared/domain/import.ts';
import { expectBounded, expectRefusedWithin, readInChild } from '../../../helpers/read-in-child.ts';
import { MAIN, rowXml, workbook, XML, type ZipPart } from '../../../helpers/zip.ts';

/**
 * Workbooks of a few kilobytes whose other parts name far more than their cells: exceljs builds
 * whatever a part names (a range of the whole sheet cell by cell, an object per comment, style or
 * rich-text run), so the import gives it only what becomes the table, counted first.
 */

const WHOLE_SHEET = 'A1:XFD1048576';
const table = [rowXml(1, ['Название', 'Регион']), rowXml(2, ['МФЦ «Югра»', 'Югра'])];

/** Many copies of one piece of XML, each made different by `piece(i)`, in chunks the ZIP writer compresses one by one. */
function repeated(count: number, piece: (i: number) => string): string[] {
  const chunks: string[] = [];
  for (let from = 0; from < count; from += 10_000) {
    chunks.push(Array.from({ length: Math.min(10_000, count - from) }, (_, i) => piece(from + i)).join(''));
  }
  return chunks;
}

const part = (name: string, root: string, content: (string | { piece: string; times: number })[]): ZipPart => ({ name, content: [`${XML}<${root} xmlns="${MAIN}">`, ...content, `</${root.split(' ')[0]}>`] });

describe('a workbook whose parts name more than its cells', () => {
  const cases: [string, Parameters<typeof workbook>[1]][] = [
    ['a column range to column 2,000,000,000', { beforeData: ['<cols><col min="1" max="2000000000" width="10" customWidth="1"/></cols>'] }],
    ['a data validation of the whole sheet', { afterData: [`<dataValidations count="1"><dataValidation type="list" sqref="${WHOLE_SHEET}"><formula1>"a,b"</formula1></dataValidation></dataValidations>`] }],
    ['a defined name of the whole sheet', { book: ['<definedNames><definedName name="Всё">Лист1!$A$1:$XFD$1048576</definedName></definedNames>'] }],
    ['a conditional format and a hyperlink of the whole sheet', { afterData: [`<conditionalFormatting sqref="${WHOLE_SHEET}"><cfRule type="expression" priority="1"><formula>1</formula></cfRule></conditionalFormatting><hyperlinks><hyperlink ref="${WHOLE_SHEET}" display="x"/></hyperlinks>`] }],
  ];
  for (const [what, options] of cases) {
    it(`reads the cells of a 2 KB workbook with ${what}, leaving that out`, (t) => {
      const outcome = readInChild(t, 'диапазон.xlsx', workbook(table, options));
      assert.deepEqual({ rows: outcome.rows, code: outcome.code }, { rows: 1, code: undefined });
      expectBounded(outcome);
    });
  }

  it('refuses a merged range of the whole sheet as that many cells, before exceljs builds them', (t) => {
    const book = workbook(table, { afterData: [`<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>`] });
    expectRefusedWithin(readInChild(t, 'объединение.xlsx', book), 'import.tooManyCells', { file: 'объединение.xlsx', limit: IMPORT_LIMITS.cells });
  });

  it('refuses more merged ranges than the limit, before exceljs compares each with every other', (t) => {
    const merges = repeated(40_000, (i) => `<mergeCell ref="C${i + 3}:D${i + 3}"/>`);
    const book = workbook(table, { afterData: ['<mergeCells count="40000">', ...merges, '</mergeCells>'] });
    expectRefusedWithin(readInChild(t, 'объединения.xlsx', book), 'import.tooManyMerges', { file: 'объединения.xlsx', limit: IMPORT_LIMITS.merges });
  });

  it('reads the cells of a workbook with a million comments without building them', (t) => {
    const comments = part('xl/comments1.xml', 'comments', ['<authors><author>a</author></authors><commentList>', ...repeated(1_000_000, (i) => `<comment ref="A${i + 3}" authorId="0"><text><t>x</t></text></comment>`), '</commentList>']);
    const outcome = readInChild(t, 'примечания.xlsx', workbook(table, { extra: [comments] }));
    assert.equal(outcome.rows, 1);
    expectBounded(outcome);
  });

  it('refuses shared strings of more rich-text runs than the cell limit', (t) => {
    const run = '<r><rPr><b/><sz val="11"/></rPr><t>а</t></r>';
    const strings = part('xl/sharedStrings.xml', 'sst', ['<si>', { piece: run.repeat(1000), times: 1400 }, '</si>']);
    const book = workbook([rowXml(1, ['Название']), '<row r="2"><c r="A2" t="s"><v>0</v></c></row>'], { extra: [strings] });
    expectRefusedWithin(readInChild(t, 'шрифты.xlsx', book), 'import.tooManyCells', { file: 'шрифты.xlsx', limit: IMPORT_LIMITS.cells });
  });

  it('refuses more sheets than the limit, listed or stored: exceljs took 13 s over 9,990 empty ones', (t) => {
    const ids = Array.from({ length: 9_990 }, (_, i) => i + 2);
    const worksheet = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
    const stored = workbook(table, {
      book: ['<sheets>', ...ids.map((n) => `<sheet name="Лист${n}" sheetId="${n}" r:id="rId${n}"/>`), '</sheets>'],
      relationships: ids.map((n) => `<Relationship Id="rId${n}" Type="${worksheet}" Target="worksheets/sheet${n}.xml"/>`),
      extra: ids.map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, content: [`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`] })),
    });
    // 1.2 million listed (a thousand repeated), where a workbook Excel writes lists a few dozen.
    const listed = workbook(table, { book: ['<sheets>', { piece: Array.from({ length: 1000 }, (_, i) => `<sheet name="Лист${i + 2}" sheetId="${i + 2}" r:id="rId9"/>`).join(''), times: 1200 }, '</sheets>'] });
    for (const [name, book] of [['листы.xlsx', stored], ['список.xlsx', listed]] as const) {
      expectRefusedWithin(readInChild(t, name, book), 'import.tooManySheets', { file: name, limit: IMPORT_LIMITS.sheets });
    }
  });

  it('refuses a workbook that lists more relationships than a ZIP may hold parts', (t) => {
    const relationships = [{ piece: Array.from({ length: 1000 }, (_, i) => `<Relationship Id="x${i}" Type="t" Target="y"/>`).join(''), times: 1200 }];
    expectRefusedWithin(readInChild(t, 'связи.xlsx', workbook(table, { relationships })), 'import.badXlsx', { file: 'связи.xlsx' });
  });

  it('refuses more markup elements than the limit: one cell of 7 million formulas', (t) => {
    const cell = ['<row r="2"><c r="A2">', { piece: '<f>1</f>'.repeat(1000), times: 7000 }, '<v>1</v></c></row>'];
    expectRefusedWithin(readInChild(t, 'формулы.xlsx', workbook([rowXml(1, ['Название']), ...cell])), 'import.tooComplex', { file: 'формулы.xlsx', limit: IMPORT_LIMITS.elements });
  });

  it('refuses more cell formats than Excel allows, and reads the cells past a styles part of fonts', (t) => {
    const formats = part('xl/styles.xml', 'styleSheet', ['<cellXfs>', { piece: '<xf numFmtId="14" fontId="0"/>'.repeat(1000), times: 2000 }, '</cellXfs>']);
    expectRefusedWithin(readInChild(t, 'стили.xlsx', workbook(table, { extra: [formats] })), 'import.tooManyStyles', { file: 'стили.xlsx', limit: IMPORT_LIMITS.styles });
    const fonts = part('xl/styles.xml', 'styleSheet', ['<fonts>', { piece: '<font><b/><sz val="11"/><name val="Arial"/></font>'.repeat(1000), times: 1300 }, '</fonts><cellXfs><xf numFmtId="0" fontId="0"/></cellXfs>']);
    const outcome = readInChild(t, 'шрифты.xlsx', workbook(table, { extra: [fonts] }));
    assert.equal(outcome.rows, 1);
    expectBounded(outcome);
  });
});
