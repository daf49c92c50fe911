import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.ts';
import type { CellValue, RawRow } from './table.ts';

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
  return { sheets, sheet: worksheet.name, rows: sheetRows(worksheet) };
}

async function loadWorkbook(fileName: string, bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type, older than Node's; the bytes are what it expects.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new AppError('import.badXlsx', { file: fileName }, { cause: error });
  }
  return workbook;
}

// Offices hide helper sheets (lists for drop-downs); the first sheet the user can see is the one meant.
function firstSheet(worksheets: ExcelJS.Worksheet[]): ExcelJS.Worksheet | undefined {
  return worksheets.find((w) => w.state === 'visible') ?? worksheets[0];
}

function sheetRows(worksheet: ExcelJS.Worksheet): RawRow[] {
  const rows: RawRow[] = [];
  worksheet.eachRow((row, rowNumber) => {
    const cells: CellValue[] = [];
    row.eachCell((cell, columnNumber) => {
      // A merged range keeps its value in the top-left cell; exceljs repeats it in the others.
      cells[columnNumber - 1] = cell.isMerged && cell.master !== cell ? null : toCellValue(cell.value);
    });
    rows.push({ row: rowNumber, cells: Array.from(cells, (c) => c ?? null) });
  });
  return rows;
}

/** A cell's value as the spreadsheet shows it: formulas by their result, links by their text. */
export function toCellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: isoDate(value) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return linkText(value);
  if ('error' in value) return value.error;
  if ('formula' in value || 'sharedFormula' in value) return toCellValue(value.result as ExcelJS.CellValue);
  return null;
}

function linkText(value: ExcelJS.CellHyperlinkValue): CellValue {
  const text = toCellValue(value.text as ExcelJS.CellValue);
  return text === null || text === '' ? value.hyperlink : text;
}

// Excel stores dates without a time zone; exceljs turns them into UTC instants, so UTC parts are the date.
function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
