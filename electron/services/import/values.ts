import type { MessageKey } from '../../../shared/i18n/index.ts';
import { cellText } from './table.ts';
import type { CellValue } from './table.ts';

/** Cells turned into the values of an Entry or Expert, or into the reason they cannot be. */

export type Parsed<T> = { value: T } | { problem: MessageKey; params: Record<string, string | number> };

/** Case, ё/е and spacing do not matter when a cell names something ("Председатель  жюри"). */
export function fold(text: string): string {
  return text.toLowerCase().replace(/ё/g, 'е').replace(/\s+/g, ' ').trim();
}

/** A date cell, DD.MM.YYYY, D.M.YYYY or YYYY-MM-DD as YYYY-MM-DD; empty is null. */
export function parseDate(cell: CellValue): Parsed<string | null> {
  if (cell !== null && typeof cell === 'object') return { value: cell.date };
  const text = cellText(cell);
  if (text === '') return { value: null };
  const parts = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text)?.slice(1).reverse() ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)?.slice(1);
  if (parts === undefined) return { problem: 'import.badDate', params: { value: text } };
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31.02 over into March; a date that does not come back unchanged does not exist.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return { problem: 'import.noSuchDate', params: { value: text } };
  }
  return { value: date.toISOString().slice(0, 10) };
}

const ROLES: Record<string, 'expert' | 'chair'> = {
  '': 'expert',
  эксперт: 'expert',
  'член жюри': 'expert',
  expert: 'expert',
  juror: 'expert',
  'jury member': 'expert',
  председатель: 'chair',
  'председатель жюри': 'chair',
  chair: 'chair',
  chairman: 'chair',
  chairperson: 'chair',
};

/** эксперт / expert / empty → expert; председатель (жюри) / chair → chair. */
export function parseRole(cell: CellValue): Parsed<'expert' | 'chair'> {
  const text = cellText(cell);
  const role = ROLES[fold(text).replace(/[.,;:!]+$/, '')];
  return role === undefined ? { problem: 'import.badRole', params: { value: text } } : { value: role };
}

export interface MaterialDraft {
  kind: 'link' | 'file';
  ref: string;
}

/**
 * One material per line or per ';'. What looks like an address ("https://…", "www.…", "ftp:…")
 * is a link, so that a malformed one is reported rather than kept as a file name.
 */
export function splitMaterials(cell: CellValue): MaterialDraft[] {
  return cellText(cell)
    .split(/[\r\n;]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((ref) => ({ kind: /^(https?:|ftp:|www\.)/i.test(ref) ? 'link' : 'file', ref }));
}
