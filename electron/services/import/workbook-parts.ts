import { crc32 } from 'node:zlib';
import { IMPORT_LIMITS } from '../../../shared/domain/import.ts';
import { AppError } from '../../../shared/errors.ts';
import { tooManyCells, tooManyRows } from './limits.ts';
import type { ZipPart } from './zip.ts';

/**
 * The workbook as the import reads it. exceljs builds whatever a part names: a merged range, a
 * column range, a data validation or a defined name of A1:XFD1048576 cell by cell (a 2 KB file
 * ran out of a 2 GiB heap), an object for each comment, cell format, rich-text run or listed sheet
 * (files of 0.3–6 MB took 700 MiB), and it checks each merged range against every other (40,000
 * took minutes). The import reads only the sheets' names and states, their cells and merged
 * ranges, the shared strings and the number formats that tell a date. So exceljs is given those
 * alone, counted against IMPORT_LIMITS first; every other part and element is left out unread.
 *
 * The XML is read as bytes: its markup is ASCII in UTF-8, and a byte of a multi-byte character is
 * never '<', '>', '"' or '/'. A part is never turned into a string, which would double what it holds.
 */

interface Kept {
  /** The part's name as exceljs matches it, without a leading slash. */
  name: RegExp;
  root: string;
  /** The elements kept within the root, in this order; null: the whole part. */
  keep: readonly string[] | null;
  /** Lists written with one empty item: exceljs looks a cell's font, fill and border up in them, and fails where there is none. */
  empty?: readonly (readonly [list: string, item: string])[];
  /** What the kept bytes need besides, so that exceljs reads them as the import means. */
  then?: (data: Buffer) => Buffer;
}

const KEPT: readonly Kept[] = [
  { name: /^xl\/workbook\.xml$/, root: 'workbook', keep: ['workbookPr', 'sheets'] },
  { name: /^xl\/_rels\/workbook\.xml\.rels$/, root: 'Relationships', keep: null },
  { name: /^xl\/sharedStrings\.xml$/, root: 'sst', keep: null, then: escapedOnceMore },
  { name: /^xl\/styles\.xml$/, root: 'styleSheet', keep: ['numFmts', 'cellXfs'], empty: [['fonts', 'font'], ['fills', 'fill'], ['borders', 'border']] },
  // exceljs's own pattern for a worksheet, unanchored as it uses it.
  { name: /xl\/worksheets\/sheet\d+[.]xml/, root: 'worksheet', keep: ['sheetData', 'mergeCells'] },
];

/** Elements counted by name (without a namespace prefix): rows, cells, texts and their runs, merged ranges, formats, sheets, relationships. */
const TRACKED = ['row', 'c', 'si', 'r', 'mergeCell', 'xf', 'numFmt', 'sheet', 'Relationship'] as const;
type Count = Record<(typeof TRACKED)[number] | 'elements' | 'merged' | 'worksheets', number>;

/** The parts exceljs is to read, each cut down to what the import reads, once the whole is within the limits. */
export function readableParts(fileName: string, parts: readonly ZipPart[]): ZipPart[] {
  const kept: ZipPart[] = [];
  const count: Count = { row: 0, c: 0, si: 0, r: 0, mergeCell: 0, xf: 0, numFmt: 0, sheet: 0, Relationship: 0, elements: 0, merged: 0, worksheets: 0 };
  for (const part of parts) {
    const rule = KEPT.find((k) => k.name.test(part.name.replace(/^\//, '')));
    if (rule === undefined) continue;
    const cutDown = rule.keep === null ? part.data : cut(fileName, part.data, rule);
    const data = rule.then ? rule.then(cutDown) : cutDown;
    tally(fileName, data, count);
    if (rule.root === 'worksheet') count.worksheets += 1;
    kept.push({ name: part.name, data, crc: data === part.data ? part.crc : crc32(data) >>> 0 });
  }
  checkCount(fileName, count);
  return kept;
}

function checkCount(fileName: string, count: Count): void {
  const limits = IMPORT_LIMITS;
  // A workbook that lists more relationships than a ZIP may hold parts lists what it does not have.
  if (count.Relationship > limits.parts) throw damaged(fileName);
  if (Math.max(count.sheet, count.worksheets) > limits.sheets) throw new AppError('import.tooManySheets', { file: fileName, limit: limits.sheets });
  if (count.row > limits.rows) throw tooManyRows(fileName);
  // A merged range is a cell for each of its places once exceljs has read it; a run of rich text is a text of its own.
  if (count.c + count.merged > limits.cells || count.si + count.r > limits.cells) throw tooManyCells(fileName);
  if (count.mergeCell > limits.merges) throw new AppError('import.tooManyMerges', { file: fileName, limit: limits.merges });
  if (Math.max(count.xf, count.numFmt) > limits.styles) throw new AppError('import.tooManyStyles', { file: fileName, limit: limits.styles });
  if (count.elements > limits.elements) throw new AppError('import.tooComplex', { file: fileName, limit: limits.elements });
}

/**
 * exceljs decodes Excel's escapes (_x0007_ for a control character) in shared strings, and only
 * there, while the import decodes them in every text (xlsx.ts, excelText): twice decoded, a text
 * typed as "_x0041_" (stored _x005F_x0041_) would read "A". So each escape exceljs would decode is
 * escaped once more, and exceljs gives the text as stored.
 */
function escapedOnceMore(data: Buffer): Buffer {
  return data.includes('_x', 0, 'latin1') ? Buffer.from(data.toString('latin1').replace(/_(?=x[0-9A-F]{4}_)/g, '_x005F_'), 'latin1') : data;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const isNameStart = (code: number | undefined): boolean => code !== undefined && ((code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f);
// Past ASCII are the bytes of a UTF-8 name: part of the name too.
const isNameChar = (code: number | undefined): boolean => code !== undefined && (isNameStart(code) || (code >= 0x30 && code <= 0x3a) || code === 0x2d || code === 0x2e || code >= 0x80);

/** Counts every start tag of `xml`, those tracked by name, and the cells of each merged range. */
function tally(fileName: string, xml: Buffer, count: Count): void {
  for (let at = xml.indexOf(LT); at !== -1; at = xml.indexOf(LT, at + 1)) {
    if (!isNameStart(xml[at + 1])) continue; // an end tag, a comment, a declaration
    let end = at + 1;
    let local = end;
    for (; isNameChar(xml[end]); end++) if (xml[end] === COLON) local = end + 1;
    count.elements += 1;
    const name = TRACKED.find((n) => n.length === end - local && named(xml, local, n));
    if (name !== undefined) count[name] += 1;
    if (name === 'mergeCell') count.merged += mergedArea(fileName, xml.toString('latin1', end, xml.indexOf(GT, end)));
  }
}

/** Whether `name` is written at `at`, compared byte by byte: a string for each of millions of tags would be garbage that grows the heap. */
function named(xml: Buffer, at: number, name: string): boolean {
  for (let i = 0; i < name.length; i++) if (xml[at + i] !== name.charCodeAt(i)) return false;
  return true;
}

/** The part with its root element holding only the kept elements (every occurrence of each) and the empty lists; damaged without such a root. */
function cut(fileName: string, xml: Buffer, { root, keep, empty = [] }: Kept): Buffer {
  // The root's start tag follows the declaration, perhaps a comment: within the first kilobytes.
  const start = new RegExp(`<((?:[A-Za-z_][\\w.-]*:)?)${root}[\\s/>]`).exec(xml.toString('latin1', 0, 65_536));
  const startEnd = start === null ? -1 : xml.indexOf(GT, start.index);
  if (start === null || startEnd === -1) throw damaged(fileName);
  const head = xml.subarray(0, startEnd + 1);
  if (xml[startEnd - 1] === SLASH) return head;
  const prefix = start[1] ?? '';
  const body = (keep ?? []).flatMap((name) => occurrences(fileName, xml, `${prefix}${name}`, startEnd));
  const lists = empty.map(([list, item]) => `<${prefix}${list}><${prefix}${item}/></${prefix}${list}>`).join('');
  return Buffer.concat([head, ...body, Buffer.from(`${lists}</${prefix}${root}>`, 'latin1')]);
}

/** Every `<tag …/>` and `<tag …>…</tag>` after `from`, as written. */
function occurrences(fileName: string, xml: Buffer, tag: string, from: number): Buffer[] {
  const closing = `</${tag}>`;
  const found: Buffer[] = [];
  for (let at = xml.indexOf(`<${tag}`, from, 'latin1'); at !== -1; at = xml.indexOf(`<${tag}`, at + 1, 'latin1')) {
    if (isNameChar(xml[at + 1 + tag.length])) continue; // a longer name: <sheets> is not <sheet>
    const startEnd = xml.indexOf(GT, at);
    const close = startEnd === -1 || xml[startEnd - 1] === SLASH ? startEnd : xml.indexOf(closing, startEnd, 'latin1');
    if (close === -1) throw damaged(fileName);
    const end = close === startEnd ? startEnd + 1 : close + closing.length;
    found.push(xml.subarray(at, end));
    at = end - 1;
  }
  return found;
}

const CELL = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/i;

/** The number of cells of a merged range, from its start tag's attributes: ref="A1:C3" covers 9; damaged when it names no cells. */
function mergedArea(fileName: string, attributes: string): number {
  const ref = /\sref="([^"]*)"/.exec(attributes)?.[1] ?? '';
  const [from, to = from] = ref.split(':').map((cell) => CELL.exec(cell));
  if (!from || !to) throw damaged(fileName);
  const rows = Math.abs(Number(to[2]) - Number(from[2])) + 1;
  const columns = Math.abs(columnNumber(to[1] ?? '') - columnNumber(from[1] ?? '')) + 1;
  return rows * columns;
}

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function damaged(fileName: string): AppError {
  return new AppError('import.badXlsx', { file: fileName });
}
