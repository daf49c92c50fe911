import { AppError } from '../../../shared/errors.ts';
import { forbiddenCharacter } from './characters.ts';

/**
 * The table every import format is read into: what the preview shows and what convertRows reads.
 * Row numbers and column letters are the ones the user sees in the spreadsheet, so that an error
 * ("row 12, column C") can be found there.
 */

export type ImportKind = 'entries' | 'experts';
export type Encoding = 'utf-8' | 'windows-1251';
export type Separator = ',' | ';' | '\t';

export interface ReadOptions {
  /** XLSX: the worksheet to read; the first visible one when absent. */
  sheet?: string;
  encoding?: Encoding | 'auto';
  separator?: Separator | 'auto';
}

export type CellValue = string | number | boolean | null | { date: string /* YYYY-MM-DD */ };

export interface Column {
  /** Position in `columns` and in every row's `cells`. */
  index: number;
  /** The spreadsheet's letter: A, B, …, Z, AA. */
  letter: string;
  header: string;
}

export interface TableRow {
  /** The row number the user sees in the spreadsheet, 1-based. */
  row: number;
  /** One value per column, null where the cell is empty. */
  cells: CellValue[];
}

export interface Table {
  format: 'xlsx' | 'csv';
  fileName: string;
  /** XLSX: every worksheet name and the one read. CSV: [] and null. */
  sheets: string[];
  sheet: string | null;
  /** CSV: what was used, detected or given. XLSX: null. */
  encoding: Encoding | null;
  separator: Separator | null;
  columns: Column[];
  /** The rows below the header; empty rows are left out. */
  rows: TableRow[];
}

/** A row as a reader found it: cells from column A on, possibly ragged. */
export interface RawRow {
  row: number;
  cells: CellValue[];
}

/** The spreadsheet letter of a 0-based column: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  }
  return letter;
}

export function isEmptyCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** A cell as text, the way the spreadsheet shows it (numbers without a trailing ".0"). */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return cell.date;
}

// 15 significant digits is what Excel keeps; it also drops binary noise such as 0.1 + 0.2.
function numberText(value: number): string {
  return String(Number(value.toPrecision(15)));
}

/**
 * The header is the first non-empty row; empty rows are dropped; every row gets one cell per
 * column, from A to the last column that holds anything. A header holding a control or direction
 * character is refused (characters.ts): the preview and every message name columns by their headers.
 */
export function shapeTable(fileName: string, raw: RawRow[], noHeader: () => AppError): Pick<Table, 'columns' | 'rows'> {
  const filled = raw.filter((r) => r.cells.some((cell) => !isEmptyCell(cell)));
  const [header, ...body] = filled;
  if (header === undefined) throw noHeader();
  checkHeader(fileName, header);
  const width = filled.reduce((max, r) => Math.max(max, lastFilled(r.cells) + 1), 0);
  const columns = Array.from({ length: width }, (_, index) => ({ index, letter: columnLetter(index), header: cellText(header.cells[index]) }));
  const rows = body.map((r) => ({ row: r.row, cells: columns.map((c) => normaliseEmpty(r.cells[c.index])) }));
  return { columns, rows };
}

function lastFilled(cells: CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isEmptyCell(cells[i])) return i;
  return -1;
}

function normaliseEmpty(cell: CellValue | undefined): CellValue {
  return cell === undefined || isEmptyCell(cell) ? null : cell;
}

// Headers may be broken over lines (Excel's Alt+Enter), as a multi-line field may.
function checkHeader(fileName: string, header: RawRow): void {
  header.cells.forEach((cell, column) => {
    const found = typeof cell === 'string' ? forbiddenCharacter(cell, true) : null;
    if (found !== null) throw new AppError('import.headerChar', { file: fileName, row: header.row, column: columnLetter(column), char: found.params.char });
  });
}
