import type { RawMark } from '../../../shared/domain/venue.ts';
import type { Lang, MessageKey } from '../../../shared/i18n/index.ts';
import type { VenueResults } from '../venue/results-file.ts';
import { groupRows, wordsOf } from './labels.ts';
import type { RenderOptions } from './render.ts';

/**
 * CSV as the language's Excel reads it when the file is opened with a double click (docs/venue.md):
 * Russian — `;` between fields and a decimal comma; English — `,` and a decimal point. Either way
 * UTF-8 with a BOM (so Excel does not take it for ANSI), CRLF line ends, RFC 4180 quoting, numbers
 * unformatted with at most the 6 decimals the results carry, and text that Excel would run as a
 * formula (= + - @ first) prefixed with an apostrophe.
 */

export interface CsvDialect {
  separator: ';' | ',';
  decimal: ',' | '.';
}

export const dialectOf = (lang: Lang): CsvDialect => (lang === 'ru' ? { separator: ';', decimal: ',' } : { separator: ',', decimal: '.' });

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;

function numberCell(value: number, dialect: CsvDialect): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(6).replace(/0+$/, '');
  return dialect.decimal === '.' ? text : text.replace('.', dialect.decimal);
}

function textCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  // Both separators are quoted, so a reader guessing the separator wrongly still splits no field.
  return /[";,\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
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
];

/** The results, one row per ranked or flagged entry, group by group. */
export function resultsCsv(results: VenueResults, options: Pick<RenderOptions, 'lang'>): Buffer {
  const words = wordsOf(options.lang);
  const rows = results.view.groups.flatMap((g) =>
    groupRows(words, results, g).map((r): CsvCell[] => [r.nomination, r.category, r.place, r.entry, r.organisation, r.region, r.applicationNo, r.score, r.normalised, r.evaluations, r.award, r.decidedBy]),
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
