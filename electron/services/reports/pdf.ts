import pdfmake, { type DocumentDefinition, type Style, type TableLayout } from 'pdfmake';
import { advanceAtMost, fonts, lineAtMost, printable } from './fonts.ts';

/**
 * pdfmake set up for documents that fetch nothing: the PT fonts (Cyrillic, OFL) are embedded from
 * the font packages, every URL is refused, and no local file but those fonts may be read, so
 * nothing in a document's text can make pdfmake reach the network or the disk.
 */

let configured = false;

function configure(): void {
  if (configured) return;
  const families = fonts();
  const allowed = new Set(Object.values(families).flatMap((f) => Object.values(f)));
  // The in-memory file system is for browsers; it also names files relative to `__dirname`,
  // which an ES module bundle (the app's main.mjs) does not define. Fonts come from disk instead.
  pdfmake.virtualfs = null;
  pdfmake.setFonts(families);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  configured = true;
}

export const TEXT_FONT_SIZE = 10.5;
export const TABLE_FONT_SIZE = 9;

/** The protocol's type: PT Serif for the text, PT Sans (narrower) for tables, header and footer. */
export const styles: Record<string, Style> = {
  title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 4, 0, 2] },
  subtitle: { fontSize: 12, alignment: 'center' },
  contest: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 4, 0, 0] },
  edition: { fontSize: 11, alignment: 'center', italics: true },
  h1: { fontSize: 12.5, bold: true, margin: [0, 14, 0, 6] },
  h2: { fontSize: 11, bold: true, margin: [0, 10, 0, 5] },
  h3: { fontSize: 10.5, bold: true, italics: true, margin: [0, 8, 0, 4] },
  paragraph: { alignment: 'justify', margin: [0, 0, 0, 6] },
  table: { font: 'Sans', fontSize: TABLE_FONT_SIZE, lineHeight: 1.05, margin: [0, 2, 0, 8] },
  th: { bold: true, fillColor: '#ececec', alignment: 'center' },
  number: { alignment: 'right' },
  note: { fontSize: 9, italics: true, margin: [0, 0, 0, 6] },
  muted: { fontSize: 8, color: '#444444' },
  digest: { fontSize: 7.5 },
  caption: { font: 'Sans', fontSize: 7, color: '#444444', alignment: 'center' },
  demo: { font: 'Sans', fontSize: 9.5, bold: true, color: '#7a1f1f', alignment: 'center' },
  running: { font: 'Sans', fontSize: 8, color: '#555555' },
};

/** A4 portrait; left 20 mm for binding, right 15 mm, as official papers are laid out. */
export const PAGE_MARGINS: [number, number, number, number] = [57, 54, 42, 50];
/** A4 width less the margins, in points: the width every line and table of a page shares. */
export const TEXT_WIDTH = 595.28 - PAGE_MARGINS[0] - PAGE_MARGINS[2];

const GRID_LINE = 0.5;
const GRID_PADDING = 4;

/** Thin grid lines, the header rows set off by a thicker one. */
export const gridLayout: TableLayout = {
  hLineWidth: (i, node) => (i > 0 && i === node.table.headerRows ? 0.9 : GRID_LINE),
  vLineWidth: () => GRID_LINE,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => GRID_PADDING,
  paddingRight: () => GRID_PADDING,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/**
 * A grid's column widths as numbers, its '*' columns sharing what the fixed ones leave of the text
 * block. pdfmake widens a '*' column to its longest word, so a title of 300 letters without a space
 * pushed the table off the page; in a column of fixed width pdfmake breaks such a word instead.
 */
export function gridWidths(widths: readonly (number | '*')[], width = TEXT_WIDTH): number[] {
  const chrome = widths.length * (GRID_LINE + 2 * GRID_PADDING) + GRID_LINE;
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : w), 0);
  const stars = widths.filter((w) => w === '*').length;
  const star = stars === 0 ? 0 : (width - chrome - fixed) / stars;
  return widths.map((w) => (w === '*' ? star : w));
}

/** The height of a page's text block, less room for a heading and a table's repeated header row. */
const PAGE_BUDGET = 841.89 - PAGE_MARGINS[1] - PAGE_MARGINS[3] - 80;
/** The largest line height a style sets (the text's; tables set 1.05). */
const LINE_HEIGHT = 1.12;

/**
 * The lines `text` takes at most, set `width` points wide at `fontSize`, as it is printed (a
 * character the fonts lack takes the 8 of its code). pdfmake's way is followed: words fill a line
 * while they fit, a word that does not starts the next one, and a word wider than the column is cut
 * where the line is full; each character is counted at its widest in any face, so no line holds
 * more than pdfmake's. Counting characters as 1 em each, as before, undercounted by half and more:
 * words that wrap one to a line, a title of 300 characters printed as 2,400.
 */
export function linesAtMost(text: string, width: number, fontSize: number): number {
  const space = advanceAtMost(' ') * fontSize;
  let lines = 0;
  for (const paragraph of printable(text).split('\n')) {
    let used = 0;
    lines += 1;
    for (const word of paragraph.split(' ')) {
      const chars = Array.from(word, (char) => advanceAtMost(char) * fontSize);
      let wide = chars.reduce((sum, w) => sum + w, 0);
      if (used > 0 && used + wide > width) [lines, used] = [lines + 1, 0];
      for (let at = 0; wide > width; lines += 1) {
        // A piece as long as fits (one character at least), as pdfmake cuts it.
        let piece = chars[at++] ?? 0;
        while (at < chars.length && piece + (chars[at] ?? 0) <= width) piece += chars[at++] ?? 0;
        wide -= piece;
      }
      used += wide + space;
    }
  }
  return lines;
}

/**
 * Whether content set at least `width` wide at `fontSize` surely fits on one page. pdfmake keeps
 * only the first page of a block kept together (an `unbreakable` stack, a row of a `dontBreakRows`
 * table) and drops the rest, so only what surely fits may be kept together: 200 criteria, or a
 * few titles of 300 letters in a narrow column, may be longer than a page.
 */
export function surelyFitsOnPage(content: unknown, width: number, fontSize: number): boolean {
  return heightAtMost(content, width, fontSize) <= PAGE_BUDGET;
}

/** Room a list's numbers take beside its items. */
const LIST_MARKER = 20;

/** An upper bound of the height content takes set `width` wide: texts and stacks one under another, table rows as tall as their tallest cell. */
function heightAtMost(node: unknown, width: number, fontSize: number): number {
  // Half a line more for a cell's padding and a stack's gaps.
  if (typeof node === 'string') return (linesAtMost(node, width, fontSize) + 0.5) * fontSize * lineAtMost() * LINE_HEIGHT;
  if (Array.isArray(node)) return node.reduce((sum: number, n) => sum + heightAtMost(n, width, fontSize), 0);
  if (node === null || typeof node !== 'object') return 0;
  const o = node as { text?: unknown; stack?: unknown; ol?: unknown; ul?: unknown; columns?: unknown[]; table?: { widths?: unknown[]; body?: unknown[][] } };
  const widthOf = (w: unknown) => (typeof w === 'number' ? w : width);
  if (o.table) return (o.table.body ?? []).reduce((sum: number, row) => sum + Math.max(0, ...row.map((cell, i) => heightAtMost(cell, widthOf(o.table?.widths?.[i]), fontSize))), 0);
  if (o.columns) return Math.max(0, ...o.columns.map((c) => heightAtMost(c, widthOf((c as { width?: unknown } | null)?.width), fontSize)));
  if (o.ol !== undefined || o.ul !== undefined) return heightAtMost(o.ol ?? o.ul, width - LIST_MARKER, fontSize);
  return heightAtMost(o.stack ?? o.text, width, fontSize);
}

/** A heading low on a page goes to the next one, with what it heads. */
export function keepHeadingsWithText(node: { headlineLevel?: number; startPosition: { verticalRatio: number } }): boolean {
  return node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.86;
}

/**
 * A printable copy of plain objects and arrays: every string as the fonts can show it (fonts.ts),
 * and so too whatever a function (a running header, a layout) returns.
 */
function printableCopy<T>(value: T): T {
  if (typeof value === 'string') return printable(value) as T;
  if (typeof value === 'function') return ((...args: unknown[]) => printableCopy((value as (...a: unknown[]) => unknown)(...args))) as T;
  if (Array.isArray(value)) return value.map(printableCopy) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, printableCopy(v)])) as T;
}

/** Every string of a definition, functions left out: the text whose characters the fonts must hold. */
export function* textsOf(value: unknown): Generator<string> {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const v of value) yield* textsOf(v);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) yield* textsOf(v);
}

/**
 * The bytes of a PDF. pdfmake writes its layout into the definition it is given (a list's strings
 * become nodes holding fonts), so it gets a copy: the results a definition quotes stay as they were.
 * The copy is printable: no character the fonts lack reaches pdfmake, which would draw it as a box.
 */
export async function renderPdf(doc: DocumentDefinition): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(printableCopy(doc)).getBuffer();
}
