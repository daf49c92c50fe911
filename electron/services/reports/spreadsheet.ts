import ExcelJS from 'exceljs';
import type { RawMark, VenueGroup } from '../../../shared/domain/venue.ts';
import { formatDate, formatDateTime, type MessageKey } from '../../../shared/i18n/index.ts';
import type { VenueResults } from '../venue/results-file.ts';
import { MARK_COLUMNS } from './csv.ts';
import { awardText, groupRows, quoted, wordsOf, type Words } from './labels.ts';
import type { RenderOptions } from './render.ts';

/**
 * The results as an XLSX workbook (docs/venue.md): a summary sheet, one sheet per nomination ×
 * category, and the experts' marks when the bundles are at hand. Numbers are stored as numbers
 * (shown with two decimals), header rows are frozen and filtered, and every sheet prints on A4.
 */

const MAX_SHEET_NAME = 31;

/** Characters XML cannot hold: C0 controls but tab and line breaks (exceljs drops them), U+FFFE and U+FFFF (a part holding one does not parse). */
// eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold are what this finds
const NOT_XML = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;

/**
 * Valid, unique sheet names for the groups, made from their titles alone: numbered in order (so
 * never equal to each other or to a name in `taken`), characters Excel forbids ([]:*?/\) and XML
 * cannot hold replaced by spaces, apostrophes by ’ (Excel refuses a name ending in one, and exceljs
 * writes one inside a name into the print titles' reference undoubled, which Excel reads as a
 * damaged workbook), cut to 31 characters with an ellipsis.
 */
export function sheetNames(titles: readonly string[], taken: readonly string[]): string[] {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  return titles.map((title, i) => {
    const clean = title.replace(/[[\]:*?/\\]/g, ' ').replace(NOT_XML, ' ').replaceAll("'", '’').replace(/\s+/g, ' ').trim();
    let name = `${i + 1}. ${clean}`.trim();
    const chars = Array.from(name);
    if (chars.length > MAX_SHEET_NAME) name = `${chars.slice(0, MAX_SHEET_NAME - 1).join('').trimEnd()}…`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${Array.from(name).slice(0, MAX_SHEET_NAME - 4).join('')} (${n})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/**
 * A value as Excel is to show it. Excel reads _xHHHH_ in a text as the character U+HHHH; that is how
 * it stores a character XML cannot hold, and so is one written here. A title holding "_x202E_" as
 * text would show reversed letters: the underscore opening such a sequence is written _x005F_, as
 * Excel writes its own.
 */
function shown<T>(value: T): T {
  if (typeof value !== 'string') return value;
  const escaped = value.replace(/_(?=x[0-9A-Fa-f]{4}_)/g, '_x005F_');
  return escaped.replace(NOT_XML, (char) => `_x${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}_`) as T;
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE9E9E9' } };
const SCORE_FORMAT = '0.00';

interface Column {
  key: MessageKey;
  width: number;
  format?: string;
}

function printed(sheet: ExcelJS.Worksheet, words: Words, orientation: 'portrait' | 'landscape', titleRows: string | undefined): void {
  sheet.pageSetup = {
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    ...(titleRows ? { printTitlesRow: titleRows } : {}),
  };
  sheet.headerFooter = { oddFooter: `&R${words.t('report.footer.page', { page: '&P', pages: '&N' })}` };
}

/** Column widths and formats, the header row styled, frozen above the data, and filtered. */
function table(sheet: ExcelJS.Worksheet, words: Words, columns: readonly Column[], headerRow: number, rows: (string | number | null)[][]): void {
  columns.forEach((c, i) => {
    const column = sheet.getColumn(i + 1);
    column.width = c.width;
    if (c.format) column.numFmt = c.format;
  });
  const header = sheet.getRow(headerRow);
  header.values = columns.map((c) => shown(words.t(c.key)));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = HEADER_FILL;
    cell.border = { bottom: { style: 'thin' } };
  });
  rows.forEach((values, i) => {
    // An empty text is an empty cell, so that Excel's "blanks" filter finds it.
    sheet.getRow(headerRow + 1 + i).values = values.map((v) => (v === '' ? null : shown(v)));
  });
  sheet.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: `A${headerRow + 1}` }];
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(rows.length, 1), column: columns.length } };
}

const GROUP_COLUMNS: readonly Column[] = [
  { key: 'report.col.place', width: 8, format: '0' },
  { key: 'report.col.entry', width: 44 },
  { key: 'report.col.organisation', width: 36 },
  { key: 'report.col.region', width: 28 },
  { key: 'report.col.applicationNo', width: 13 },
  { key: 'report.col.score', width: 10, format: SCORE_FORMAT },
  { key: 'report.col.normalised', width: 11, format: SCORE_FORMAT },
  { key: 'report.col.evaluations', width: 10, format: '0' },
  { key: 'report.col.award', width: 13 },
  { key: 'report.col.decidedBy', width: 26 },
  { key: 'report.col.note', width: 40 },
];

function groupSheet(book: ExcelJS.Workbook, words: Words, results: VenueResults, group: VenueGroup, name: string): void {
  const sheet = book.addWorksheet(name);
  const title = sheet.getCell('A1');
  title.value = shown(group.title);
  title.font = { bold: true, size: 12 };
  sheet.mergeCells(1, 1, 1, GROUP_COLUMNS.length);
  const rows = groupRows(words, results, group).map((r) => [r.place, r.entry, r.organisation, r.region, r.applicationNo, r.score, r.normalised, r.evaluations, r.award, r.decidedBy, r.note]);
  table(sheet, words, GROUP_COLUMNS, 2, rows);
  printed(sheet, words, 'landscape', '1:2');
}

const MARKS_COLUMNS: readonly Column[] = MARK_COLUMNS.map((key) => ({ key, width: key === 'report.col.comment' ? 60 : key === 'report.col.mark' ? 9 : 32 }));

function marksSheet(book: ExcelJS.Workbook, words: Words, marks: readonly RawMark[], name: string): void {
  const sheet = book.addWorksheet(name);
  table(sheet, words, MARKS_COLUMNS, 1, marks.map((m) => [m.expertName, m.nominationTitle, m.categoryTitle, m.entryTitle, m.criterionTitle, m.value, m.comment]));
  printed(sheet, words, 'landscape', '1:1');
}

function summaryFacts(words: Words, results: VenueResults): [string, string][] {
  const { t, lang } = words;
  const { contest, file, chair, signedAt } = results.view;
  const dates = [contest.startsOn, contest.endsOn].filter((d): d is string => d !== null).map((d) => formatDate(lang, d));
  const facts: [MessageKey, string][] = [
    ['report.summary.year', contest.year === null ? '' : String(contest.year)],
    ['report.summary.place', contest.place],
    ['report.summary.dates', [...new Set(dates)].join(' — ')],
    ['report.summary.file', file.name],
    ['report.summary.digest', file.digest],
    ['report.summary.signedBy', chair.name],
    ['report.summary.fingerprint', chair.fingerprint],
    ['report.summary.signedAt', formatDateTime(lang, signedAt)],
  ];
  return facts.filter(([, value]) => value !== '').map(([key, value]) => [t(key), value]);
}

const AWARD_COLUMNS: readonly Column[] = [
  { key: 'report.col.nomination', width: 34 },
  { key: 'report.col.category', width: 66 },
  { key: 'report.col.award', width: 13 },
  { key: 'report.col.entry', width: 44 },
  { key: 'report.col.region', width: 28 },
  { key: 'report.col.normalised', width: 11, format: SCORE_FORMAT },
];

function summarySheet(book: ExcelJS.Workbook, words: Words, results: VenueResults, name: string): void {
  const sheet = book.addWorksheet(name);
  const { view } = results;
  const lines: (string | null)[][] = [
    [words.t('report.summary.title', { title: view.contest.title })],
    ...(view.contest.isDemo ? [[words.t('report.summary.demo')]] : []),
    ...(results.marks === null ? [[words.t('report.summary.noMarks')]] : []),
    [],
    ...summaryFacts(words, results),
    [],
    [words.t('report.summary.awards')],
  ];
  lines.forEach((values, i) => (sheet.getRow(i + 1).values = values.map(shown)));
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell(`A${lines.length}`).font = { bold: true, size: 12 };
  const winners = view.groups.flatMap((g) =>
    g.ranked.filter((r) => r.award !== null).map((r) => [g.nominationTitle, g.categoryTitle, awardText(words, r.award), r.title, r.region, r.normalised]),
  );
  table(sheet, words, AWARD_COLUMNS, lines.length + 1, winners);
  sheet.views = [];
  printed(sheet, words, 'landscape', undefined);
}

/** The workbook's bytes; dated by the signature, so the same results give the same sheets. */
export async function renderSpreadsheet(results: VenueResults, options: Pick<RenderOptions, 'lang'>): Promise<Buffer> {
  const words = wordsOf(options.lang);
  const book = new ExcelJS.Workbook();
  const signed = new Date(results.view.signedAt);
  book.creator = words.t('app.name');
  book.title = quoted(words, results.view.contest.title);
  book.created = signed;
  book.modified = signed;
  const fixed = [words.t('report.sheet.summary'), words.t('report.sheet.marks')];
  const names = sheetNames(results.view.groups.map((g) => g.categoryTitle ?? g.nominationTitle), fixed);
  summarySheet(book, words, results, fixed[0] as string);
  results.view.groups.forEach((g, i) => groupSheet(book, words, results, g, names[i] as string));
  if (results.marks !== null) marksSheet(book, words, results.marks, fixed[1] as string);
  // exceljs declares its own Buffer type, older than Node's; the bytes are the same.
  return Buffer.from(await book.xlsx.writeBuffer());
}
