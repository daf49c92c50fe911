import assert from 'node:assert/strict';
import { parseCsv } from '../../electron/services/import/csv.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Reading a CSV the app wrote the way a spreadsheet may read it: with `,` or with `;` as the
 * separator, whichever dialect it was written in (a Russian Excel opens an English file with `;`,
 * LibreOffice asks, a script guesses). The parser is the app's own import (RFC 4180 quoting, a quote
 * inside an unquoted field an ordinary character, as in Excel).
 */

const BOM = '\uFEFF';

/** A cell a spreadsheet would run as a formula: these first, unless the whole cell is a number. */
const DANGEROUS_START = /^[=+\-@\t\r]/;
/** A number in either dialect: "-3.5", "-3,5", "+2", "1e-7". */
const NUMBER = /^[+-]?\d+(?:[.,]\d+)?(?:e[+-]?\d+)?$/i;

/** Every record of `text`, read with `separator`. A quote the wrong separator leaves open runs to the end, as Excel reads it. */
export function readWith(text: string, separator: ',' | ';'): string[][] {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  const parse = (t: string) => parseCsv('file.csv', t, separator).map((r) => r.cells.map(String));
  try {
    return parse(body);
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== 'import.unterminatedQuote') throw error;
    return parse(`${body}"`);
  }
}

/** The cells that would start a formula when the file is read with `separator`. */
export function formulaCells(text: string, separator: ',' | ';'): string[] {
  return readWith(text, separator)
    .flat()
    .filter((cell) => DANGEROUS_START.test(cell) && !NUMBER.test(cell));
}

/** Asserts that read with `,` and with `;`, no cell of the file starts a formula. */
export function expectNoFormulaEitherWay(bytes: Buffer, name: string): void {
  const text = bytes.toString('utf8');
  for (const separator of [',', ';'] as const) {
    assert.deepEqual(formulaCells(text, separator), [], `${name} read with "${separator}": cells that start a formula`);
  }
}
