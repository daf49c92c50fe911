import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.ts';
import { TableBudget } from './limits.ts';
import type { CellValue, RawRow } from './table.ts';
import { readableParts } from './workbook-parts.ts';
import { storedZip, unzipWithin } from './zip.ts';

/** An XLSX workbook read with exceljs: the chosen worksheet's cells as plain values. */

export interface XlsxSheet {
  sheets: string[];
  sheet: string;
  rows: RawRow[];
}

export async function readXlsx(fileName: string, bytes: Buffer, sheetName: string | undefined): Promise<XlsxSheet> {
  const workbook = await loadWorkbook(fileName, bytes);
  const worksheets = workbook.worksheets;
  const sheets = worksheets.map((w) => w.name);
  const worksheet = sheetName === undefined ? firstSheet(worksheets) : worksheets.find((w) => w.name === sheetName);
  if (worksheet === undefined) {
    if (sheetName === undefined) throw new AppError('import.noHeader', { file: fileName });
    throw new AppError('import.unknownSheet', { file: fileName, sheet: sheetName, sheets: sheets.map((s) => `«${s}»`).join(', ') });
  }
  return { sheets, sheet: worksheet.name, rows: sheetRows(fileName, worksheet) };
}

/**
 * exceljs holds the whole workbook, every sheet, at about 0.7 KB a cell, inflates whatever the ZIP
 * holds and builds whatever its parts name; so the ZIP is unpacked within the limits first, cut down
 * to what the import reads and counted (workbook-parts.ts), and exceljs given only those bytes.
 */
async function loadWorkbook(fileName: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  const counted = unpackWithin(fileName, bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, older than Node's; the bytes are what it expects.
    await workbook.xlsx.load(counted as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('import.badXlsx', { file: fileName }, { cause: error });
  }
  return workbook;
}

// Its own function, so that the unpacked parts are garbage once they are packed again.
function unpackWithin(fileName: string, bytes: Buffer): Buffer {
  return storedZip(readableParts(fileName, unzipWithin(fileName, bytes)));
}

// Offices hide helper sheets (lists for drop-downs); the first sheet the user can see is the one meant.
function firstSheet(worksheets: ExcelJS.Worksheet[]): ExcelJS.Worksheet | undefined {
  return worksheets.find((w) => w.state === 'visible') ?? worksheets[0];
}

function sheetRows(fileName: string, worksheet: ExcelJS.Worksheet): RawRow[] {
  const budget = new TableBudget(fileName);
  const rows: RawRow[] = [];
  worksheet.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, columnNumber) => {
      // A merged range keeps its value in the top-left cell; exceljs repeats it in the others.
      cells[columnNumber - 1] = cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value);
    });
    // A value far to the right widens every row of the table; refused before the rows are filled out.
    budget.widen(rowNumber, cells.length);
    budget.endRow();
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/** A cell's value as the spreadsheet shows it: formulas by their result, links by their text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return excelText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: isoDate(value) };
  if ('richText' in value) return excelText(value.richText.map((run) => run.text).join(''));
  if ('hyperlink' in value) return linkText(value);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result as ExcelJS.CellValue);
  return null;
}

// Excel writes a character XML cannot hold (a control character) as _xHHHH_, and a text "_x0041_"
// as _x005F_x0041_; exceljs leaves both as they are. Read as Excel shows them, so that such a
// character is checked like any other, not imported as "_x0007_".
function excelText(text: string): string {
  return text.includes('_x') ? text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text;
}

function linkText(value: ExcelJS.CellHyperlinkValue): CellValue {
  const text = toCellValue(value.text as ExcelJS.CellValue);
  return text === null || text === '' ? value.hyperlink : text;
}

// Excel stores dates without a time zone; exceljs turns them into UTC instants, so UTC parts are the date.
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
