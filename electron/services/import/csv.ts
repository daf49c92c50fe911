import { AppError } from '../../../shared/errors.ts';
import type { RawRow, Separator } from './table.ts';

/**
 * CSV as RFC 4180 and Excel write it: quoted fields may hold separators, doubled quotes and line
 * breaks. A quote inside an unquoted field is an ordinary character, as in Excel.
 */

const SEPARATORS: readonly Separator[] = [';', ',', '\t'];

/**
 * The separator that occurs most in the first non-empty line, outside quotes. Ties and a line
 * with none go to ';', what Excel writes under a Russian locale; a comma is also the likelier
 * character inside a one-column file's text.
 */
export function detectSeparator(text: string): Separator {
  const counts = new Map<string, number>();
  let quoted = false;
  let content = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (content) break;
    } else if (!quoted) {
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
      if (ch.trim() !== '') content = true;
    }
  }
  return SEPARATORS.reduce((best, s) => ((counts.get(s) ?? 0) > (counts.get(best) ?? 0) ? s : best), SEPARATORS[0] as Separator);
}

/** Every record of the text, numbered from 1 as a spreadsheet numbers its rows. */
export function parseCsv(fileName: string, text: string, separator: Separator): RawRow[] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let fieldStarted = false;
  let quoteOpenedIn = 0; // the record a still open quote began in; 0 outside quotes
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoteOpenedIn > 0) {
      // A line break inside a cell is "\n" in XLSX; CSV from Windows writes "\r\n".
      if (ch === '\r' && text[i + 1] === '\n') continue;
      if (ch !== '"') field += ch;
      else if (text[i + 1] !== '"') quoteOpenedIn = 0;
      else {
        field += '"';
        i++;
      }
    } else if (ch === '"' && !fieldStarted) {
      quoteOpenedIn = records.length + 1;
      fieldStarted = true;
    } else if (ch === separator || ch === '\n' || ch === '\r') {
      record.push(field);
      field = '';
      fieldStarted = false;
      if (ch === separator) continue;
      if (ch === '\r' && text[i + 1] === '\n') i++;
      records.push(record);
      record = [];
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoteOpenedIn > 0) throw new AppError('import.unterminatedQuote', { file: fileName, row: quoteOpenedIn });
  if (fieldStarted || record.length > 0) records.push([...record, field]);
  return records.map((cells, i) => ({ row: i + 1, cells }));
}
