import { isUtf8 } from 'node:buffer';
import { AppError } from '../../../shared/errors.ts';
import { columnLetter } from './table.ts';
import type { Encoding, RawRow } from './table.ts';

/**
 * Turning a CSV file's bytes into text. Contest offices save CSV from Excel either as "CSV UTF-8"
 * (with a BOM) or as plain "CSV", which a Russian Windows writes in Windows-1251.
 *
 * Quotes, separators and line breaks are ASCII, the same bytes in both encodings, and no byte of a
 * UTF-8 multi-byte sequence is ASCII; so records and fields are found in the raw bytes first, and
 * each field is then decoded on its own. A field that does not fit the file's encoding is refused
 * with its row and column, never decoded into mojibake.
 */

/** A record as the CSV parser found it, each field still one character per byte. */
export interface ByteRecord {
  row: number;
  cells: string[];
}

/** The file as one character per byte (latin1), with its UTF-8 byte-order mark taken off. */
export function byteText(fileName: string, bytes: Uint8Array): { text: string; utf8Bom: boolean } {
  if (hasUtf16Bom(bytes)) throw new AppError('import.utf16', { file: fileName });
  const utf8Bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1', utf8Bom ? 3 : 0), utf8Bom };
}

/**
 * What the bytes of one field are: plain ASCII (the same text in either encoding), valid UTF-8 with
 * at least one multi-byte sequence, or not UTF-8 (Windows-1251).
 */
type Kind = 'ascii' | 'utf-8' | 'windows-1251';

const NON_ASCII = /[\x80-\xff]/;

function kindOf(field: string): Kind {
  if (!NON_ASCII.test(field)) return 'ascii';
  return isUtf8(Buffer.from(field, 'latin1')) ? 'utf-8' : 'windows-1251';
}

/**
 * Every field decoded in the file's encoding: the one asked for, or, for 'auto', UTF-8 when a BOM
 * says so, when no field is Windows-1251, or when more fields are UTF-8 than Windows-1251. The first field of the other
 * encoding is refused with its row and column (docs/formats.md, "Spreadsheets the organiser imports").
 *
 * A field of Windows-1251 Russian text is practically never valid UTF-8: two Cyrillic letters side by
 * side (C0–FF C0–FF) are not, nor are «, », №, – (80–BF) after a space. So a field that is valid UTF-8
 * with a multi-byte sequence, in a file read as Windows-1251, is UTF-8 text among Windows-1251.
 */
export function decodeRecords(fileName: string, records: ByteRecord[], requested: Encoding | 'auto', utf8Bom: boolean): { rows: RawRow[]; encoding: Encoding } {
  refuseZeroBytes(fileName, records);
  const first = new Map<Kind, { row: number; column: number }>();
  const count = { ascii: 0, 'utf-8': 0, 'windows-1251': 0 };
  for (const record of records) {
    record.cells.forEach((field, column) => {
      const kind = kindOf(field);
      count[kind] += 1;
      if (!first.has(kind)) first.set(kind, { row: record.row, column });
    });
  }
  const utf8 = utf8Bom || count['windows-1251'] === 0 || count['utf-8'] > count['windows-1251'];
  const encoding = requested !== 'auto' ? requested : utf8 ? 'utf-8' : 'windows-1251';
  const misfit = first.get(encoding === 'utf-8' ? 'windows-1251' : 'utf-8');
  if (misfit !== undefined) {
    const where = { file: fileName, row: misfit.row, column: columnLetter(misfit.column) };
    throw new AppError(encoding === 'utf-8' ? 'import.notUtf8' : 'import.utf8In1251', where);
  }
  const decoder = new TextDecoder(encoding);
  const decode = (field: string): string => (NON_ASCII.test(field) ? decoder.decode(Buffer.from(field, 'latin1')) : field);
  return { encoding, rows: records.map((r) => ({ row: r.row, cells: r.cells.map(decode) })) };
}

/**
 * No text in UTF-8 or Windows-1251 holds a zero byte, while UTF-16 (without the BOM that
 * hasUtf16Bom looks for) holds one in nearly every character and a picture or a program many: such
 * a file is refused as not text where its first zero byte is, rather than shown as a table of garbage.
 */
function refuseZeroBytes(fileName: string, records: ByteRecord[]): void {
  for (const record of records) {
    const column = record.cells.findIndex((field) => field.includes('\0'));
    if (column !== -1) throw new AppError('import.notText', { file: fileName, row: record.row, column: columnLetter(column) });
  }
}

// Excel's "Unicode text" is UTF-16 with a BOM; read as either supported encoding it is garbage,
// so it is refused with a way out rather than imported wrong.
function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}
