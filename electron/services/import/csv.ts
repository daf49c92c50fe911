import { AppError } from '../../../shared/errors.ts';
import { TableBudget } from './limits.ts';
import type { Separator } from './table.ts';
import type { ByteRecord } from './text.ts';

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

/**
 * Every record of the text, numbered from 1 as a spreadsheet numbers its rows. The text may be the
 * file's bytes one character per byte (byteText): only ASCII characters give it its structure.
 * Fields are slices of the text, never built a character at a time (a 32 MiB file built so took
 * over a gigabyte). Refuses, as soon as it reads that far, a file over the limits of rows and cells.
 */
export function parseCsv(fileName: string, text: string, separator: Separator): ByteRecord[] {
  const budget = new TableBudget(fileName);
  const records: string[][] = [];
  let record: string[] = [];
  const endRecord = () => {
    budget.endRow();
    records.push(record);
    record = [];
  };
  let i = 0;
  while (i < text.length) {
    let field = '';
    if (text[i] === '"') [field, i] = quotedField(fileName, text, i, records.length + 1);
    // After a closing quote, and in an unquoted field, everything up to the separator is text, quotes too.
    const end = fieldEnd(text, i, separator);
    record.push(field + text.slice(i, end));
    budget.widen(records.length + 1, record.length);
    i = end + 1;
    if (end === text.length) {
      endRecord();
    } else if (text[end] !== separator) {
      if (text[end] === '\r' && text[i] === '\n') i++;
      endRecord();
    } else if (i === text.length) {
      // A separator at the very end: one more field, empty.
      record.push('');
      endRecord();
    }
  }
  return records.map((cells, n) => ({ row: n + 1, cells }));
}

/** Where the field starting at `from` ends: at the separator, a line break or the end of the text. */
function fieldEnd(text: string, from: number, separator: Separator): number {
  const stop = separator.charCodeAt(0);
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === stop || code === 10 || code === 13) return i;
  }
  return text.length;
}

/**
 * The text of the quoted field opening at `from` (doubled quotes as one, CR LF as LF), and where it
 * closes. The field is taken whole once its end is found: appended a quote or a line at a time, a
 * field of 30 MB of quotes took 780 MiB (a chain of 15 million pieces), and a regular expression
 * replacing 10 million line breaks 930 MiB; split and join hold one array of slices.
 */
function quotedField(fileName: string, text: string, from: number, row: number): [string, number] {
  let quote = text.indexOf('"', from + 1);
  for (; quote !== -1 && text[quote + 1] === '"'; quote = text.indexOf('"', quote + 2));
  if (quote === -1) throw new AppError('import.unterminatedQuote', { file: fileName, row });
  const raw = text.slice(from + 1, quote);
  const unquoted = raw.includes('""') ? raw.split('""').join('"') : raw;
  // A line break inside a cell is "\n" in XLSX; CSV from Windows writes "\r\n".
  return [unquoted.includes('\r\n') ? unquoted.split('\r\n').join('\n') : unquoted, quote + 1];
}
