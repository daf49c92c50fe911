import { IMPORT_LIMITS, tooLargeParams } from '../../../shared/domain/import.ts';
import { AppError } from '../../../shared/errors.ts';
import { parseCsv, detectSeparator } from './csv.ts';
import { shapeTable } from './table.ts';
import type { ReadOptions, Table } from './table.ts';
import { byteText, decodeRecords } from './text.ts';
import { readXlsx } from './xlsx.ts';

/** Reading a spreadsheet the user picked: XLSX or CSV, into one Table. */

export const MAX_FILE_BYTES = IMPORT_LIMITS.fileBytes;

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE compound file of Excel 97–2003 workbooks and of password-protected XLSX. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

type Format = 'xlsx' | 'csv';

/**
 * The file as a table: the first non-empty row is the header, empty rows are dropped.
 * Refuses, naming the file, what cannot be read: other formats, empty files, an unknown sheet, and
 * files over IMPORT_LIMITS, each before the reader builds anything that large.
 */
export async function readTable(fileName: string, bytes: Buffer, options: ReadOptions = {}): Promise<Table> {
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('import.tooLarge', tooLargeParams(fileName, bytes.length));
  if (bytes.length === 0) throw new AppError('import.empty', { file: fileName });
  return formatOf(fileName, bytes) === 'xlsx' ? readXlsxTable(fileName, bytes, options) : readCsvTable(fileName, bytes, options);
}

/** By extension, else by content; a ZIP is read as XLSX whatever its name says. */
function formatOf(fileName: string, bytes: Buffer): Format {
  const extension = /\.([^.\\/]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (startsWith(bytes, ZIP)) return 'xlsx';
  if (startsWith(bytes, OLE)) throw new AppError(extension === 'xlsx' ? 'import.encrypted' : 'import.legacyXls', { file: fileName });
  if (extension === 'xlsx' || extension === 'xlsm') throw new AppError('import.badXlsx', { file: fileName });
  if (extension === 'csv' || extension === 'txt') return 'csv';
  throw new AppError(extension === 'xls' ? 'import.legacyXls' : 'import.unknownFormat', { file: fileName });
}

async function readXlsxTable(fileName: string, bytes: Buffer, options: ReadOptions): Promise<Table> {
  const { sheets, sheet, rows } = await readXlsx(fileName, bytes, options.sheet);
  const shaped = shapeTable(fileName, rows, () => new AppError('import.noHeaderSheet', { file: fileName, sheet }));
  return { format: 'xlsx', fileName, sheets, sheet, encoding: null, separator: null, ...shaped };
}

function readCsvTable(fileName: string, bytes: Buffer, options: ReadOptions): Table {
  const { text, utf8Bom } = byteText(fileName, bytes);
  if (text.trim() === '') throw new AppError('import.empty', { file: fileName });
  const separator = options.separator === undefined || options.separator === 'auto' ? detectSeparator(text) : options.separator;
  const records = parseCsv(fileName, text, separator);
  const { rows, encoding } = decodeRecords(fileName, records, options.encoding ?? 'auto', utf8Bom);
  const shaped = shapeTable(fileName, rows, () => new AppError('import.noHeader', { file: fileName }));
  return { format: 'csv', fileName, sheets: [], sheet: null, encoding, separator, ...shaped };
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return signature.every((byte, i) => bytes[i] === byte);
}
