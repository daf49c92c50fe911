import { createRequire } from 'node:module';
import pdfmake, { type DocumentDefinition, type FontFiles, type Style, type TableLayout } from 'pdfmake';

/**
 * pdfmake set up for documents that fetch nothing: the PT fonts (Cyrillic, OFL) are embedded from
 * the font packages, every URL is refused, and no local file but those fonts may be read, so
 * nothing in a document's text can make pdfmake reach the network or the disk.
 */

// Resolved from this module (in the packaged app, from the bundle's place), never from the working directory.
const fontFile = (path: string): string => createRequire(import.meta.url).resolve(`@expo-google-fonts/${path}`);

function family(name: 'pt-serif' | 'pt-sans', file: 'PTSerif' | 'PTSans'): FontFiles {
  return {
    normal: fontFile(`${name}/400Regular/${file}_400Regular.ttf`),
    bold: fontFile(`${name}/700Bold/${file}_700Bold.ttf`),
    italics: fontFile(`${name}/400Regular_Italic/${file}_400Regular_Italic.ttf`),
    bolditalics: fontFile(`${name}/700Bold_Italic/${file}_700Bold_Italic.ttf`),
  };
}

let configured = false;

function configure(): void {
  if (configured) return;
  const fonts = { Serif: family('pt-serif', 'PTSerif'), Sans: family('pt-sans', 'PTSans') };
  const allowed = new Set(Object.values(fonts).flatMap((f) => Object.values(f)));
  // The in-memory file system is for browsers; it also names files relative to `__dirname`,
  // which an ES module bundle (the app's main.mjs) does not define. Fonts come from disk instead.
  pdfmake.virtualfs = null;
  pdfmake.setFonts(fonts);
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  configured = true;
}

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
  table: { font: 'Sans', fontSize: 9, lineHeight: 1.05, margin: [0, 2, 0, 8] },
  th: { bold: true, fillColor: '#ececec', alignment: 'center' },
  number: { alignment: 'right' },
  note: { fontSize: 9, italics: true, margin: [0, 0, 0, 6] },
  muted: { fontSize: 8, color: '#444444' },
  digest: { fontSize: 7.5 },
  caption: { font: 'Sans', fontSize: 7, color: '#444444', alignment: 'center' },
  demo: { font: 'Sans', fontSize: 9.5, bold: true, color: '#7a1f1f', alignment: 'center' },
  running: { font: 'Sans', fontSize: 8, color: '#555555' },
};

/** Thin grid lines, the header rows set off by a thicker one. */
export const gridLayout: TableLayout = {
  hLineWidth: (i, node) => (i > 0 && i === node.table.headerRows ? 0.9 : 0.5),
  vLineWidth: () => 0.5,
  hLineColor: () => '#555555',
  vLineColor: () => '#555555',
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2.5,
  paddingBottom: () => 2.5,
};

/** A heading low on a page goes to the next one, with what it heads. */
export function keepHeadingsWithText(node: { headlineLevel?: number; startPosition: { verticalRatio: number } }): boolean {
  return node.headlineLevel !== undefined && node.startPosition.verticalRatio > 0.86;
}

/** A copy of plain objects and arrays, functions kept as they are. */
function detached<T>(value: T): T {
  if (Array.isArray(value)) return value.map(detached) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detached(v)])) as T;
}

/**
 * The bytes of a PDF. pdfmake writes its layout into the definition it is given (a list's strings
 * become nodes holding fonts), so it gets a copy: the results a definition quotes stay as they were.
 */
export async function renderPdf(doc: DocumentDefinition): Promise<Buffer> {
  configure();
  return pdfmake.createPdf(detached(doc)).getBuffer();
}
