import type { RawMark } from '../../../shared/domain/venue.ts';
import type { Lang, MessageKey } from '../../../shared/i18n/index.ts';
import type { VenueResults } from '../venue/results-file.ts';
import { groupRows, wordsOf } from './labels.ts';
import type { RenderOptions } from './render.ts';

/**
 * CSV as the language's Excel reads it when the file is opened with a double click (docs/venue.md):
 * Russian — `;` between fields and a decimal comma; English — `,` and a decimal point. Either way
 * UTF-8 with a BOM (so Excel does not take it for ANSI), CRLF line ends, RFC 4180 quoting, numbers
 * unformatted with at most the 6 decimals the results carry, and text that a spreadsheet would run
 * as a formula neutralised (see textCell) so that the file is safe read with either separator.
 */

export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const dialectOf = (lang: Lang): CsvDialect => (lang === 'ru' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' });

export type CsvCell = string | number | null;

/**
 * A formula character (= + - @ tab CR) where a spreadsheet may begin a cell inside a text: at its
 * start, and, when the file is read with the other dialect's separator, right after a `,` or `;`,
 * a line break or a quote (a quote there opens a field). A CRLF right after a separator or a line
 * break only ends a record there, so a comment's "…,\r\n" stays as written.
 */
const FORMULA_AT_CELL_START = /(?<=^|")[=+\-@\t\r]|(?<=[,;\r\n])(?:[=+\-@\t]|\r(?!\n))/g;

/** Written as text, with an apostrophe before every formula start, and quoted when it holds a separator, quote or line break. */
function textCell(value: string): string {
  const safe = value.replace(FORMULA_AT_CELL_START, "'$&");
  return /[";,\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** At most 6 decimals, none trailing, no "-0"; what is not a finite number is text (and so "-Infinity" is neutralised). */
function numberCell(value: number, dialect: CsvDialect): string {
  if (!Number.isFinite(value)) return textCell(String(value));
  const text = String(Number(value.toFixed(6)));
  return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
}

/** The bytes of a CSV file: BOM, the rows, CRLF after each. */
export function csvBytes(rows: readonly (readonly CsvCell[])[], dialect: CsvDialect): Buffer {
  const line = (row: readonly CsvCell[]) =>
    row.map((cell) => (cell === null ? '' : typeof cell === 'number' ? numberCell(cell, dialect) : textCell(cell))).join(dialect.separator);
  return Buffer.from(`\uFEFF${rows.map((row) => `${line(row)}\r\n`).join('')}`, 'utf8');
}

const RESULT_COLUMNS: readonly MessageKey[] = [
  'report.col.nomination',
  'report.col.category',
  'report.col.place',
  'report.col.entry',
  'report.col.organisation',
  'report.col.region',
  'report.col.applicationNo',
  'report.col.score',
  'report.col.normalised',
  'report.col.evaluations',
  'report.col.award',
  'report.col.decidedBy',
  'report.col.note',
];

/** The results, one row per ranked or flagged entry, group by group. */
export function resultsCsv(results: VenueResults, options: Pick<RenderOptions, 'lang'>): Buffer {
  const words = wordsOf(options.lang);
  const rows = results.view.groups.flatMap((g) =>
    groupRows(words, results, g).map((r): CsvCell[] => [r.nomination, r.category, r.place, r.entry, r.organisation, r.region, r.applicationNo, r.score, r.normalised, r.evaluations, r.award, r.decidedBy, r.note]),
  );
  return csvBytes([RESULT_COLUMNS.map((k) => words.t(k)), ...rows], dialectOf(options.lang));
}

export const MARK_COLUMNS: readonly MessageKey[] = ['report.col.expert', 'report.col.nomination', 'report.col.category', 'report.col.entry', 'report.col.criterion', 'report.col.mark', 'report.col.comment'];

/** The experts' marks, one row each, in the order of rawMarksOf. */
export function marksCsv(marks: readonly RawMark[], options: Pick<RenderOptions, 'lang'>): Buffer {
  const words = wordsOf(options.lang);
  const rows = marks.map((m): CsvCell[] => [m.expertName, m.nominationTitle, m.categoryTitle, m.entryTitle, m.criterionTitle, m.value, m.comment]);
  return csvBytes([MARK_COLUMNS.map((k) => words.t(k)), ...rows], dialectOf(options.lang));
}
