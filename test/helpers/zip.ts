import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * A small ZIP writer for crafted workbooks: parts that expand to hundreds of megabytes while the file
 * stays a few hundred kilobytes, and headers that lie about the sizes. Nothing large is held in memory:
 * a repeated piece is compressed once and its compressed bytes repeated.
 */

/** Text or bytes written once, or a piece written `times` times in a row. */
export type Segment = string | Buffer | { piece: string | Buffer; times: number };

export interface ZipPart {
  name: string;
  content: Segment[];
  /** The uncompressed size the headers claim; the true size when absent. */
  claimedSize?: number;
}

const bytesOf = (data: string | Buffer): Buffer => (typeof data === 'string' ? Buffer.from(data, 'utf8') : data);

// Each piece is compressed as a block ending in a sync flush, so compressed pieces can follow one
// another; an empty final block closes the stream.
function deflatePart(content: Segment[]): { data: Buffer; size: number; crc: number } {
  const chunks: Buffer[] = [];
  let size = 0;
  let crc = 0;
  for (const segment of content) {
    const [piece, times] = typeof segment === 'object' && 'piece' in segment ? [bytesOf(segment.piece), segment.times] : [bytesOf(segment), 1];
    const compressed = deflateRawSync(piece, { finishFlush: constants.Z_SYNC_FLUSH });
    for (let i = 0; i < times; i++) {
      chunks.push(compressed);
      crc = crc32(piece, crc);
    }
    size += piece.length * times;
  }
  chunks.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(chunks), size, crc };
}

/** A ZIP of deflated parts, in the layout Excel writes: local headers and data, then the central directory. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const { data, size, crc } = deflatePart(part.content);
    const name = Buffer.from(part.name, 'utf8');
    const claimed = part.claimedSize ?? size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(claimed, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc >>> 0, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(claimed, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

export const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC_RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around its sheet: what exceljs needs to find «Лист1»; `book` goes into workbook.xml after the sheets, `relationships` after the sheet's. */
function workbookParts(book: Segment[] = [], relationships: Segment[] = []): ZipPart[] {
  return [
    {
      name: '[Content_Types].xml',
      content: [
        `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ],
    },
    { name: '_rels/.rels', content: [`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`] },
    { name: 'xl/workbook.xml', content: [`${XML}<workbook xmlns="${MAIN}" xmlns:r="${DOC_RELS}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets>`, ...book, '</workbook>'] },
    { name: 'xl/_rels/workbook.xml.rels', content: [`${XML}<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/>`, ...relationships, '</Relationships>'] },
  ];
}

export interface WorkbookOptions {
  claimedSheetSize?: number;
  extra?: ZipPart[];
  /** Elements of the sheet before and after its <sheetData> (<cols>; <mergeCells>, <dataValidations>). */
  beforeData?: Segment[];
  afterData?: Segment[];
  /** Elements of workbook.xml after <sheets> (<definedNames>). */
  book?: Segment[];
  /** <Relationship> elements of the workbook after the sheet's. */
  relationships?: Segment[];
}

/** A one-sheet workbook whose sheet data is `rows` (the XML of <row> elements), each part as given. */
export function workbook(rows: Segment[], options: WorkbookOptions = {}): Buffer {
  const content = [`${XML}<worksheet xmlns="${MAIN}" xmlns:r="${DOC_RELS}">`, ...(options.beforeData ?? []), '<sheetData>', ...rows, '</sheetData>', ...(options.afterData ?? []), '</worksheet>'];
  const sheet: ZipPart = { name: 'xl/worksheets/sheet1.xml', content };
  if (options.claimedSheetSize !== undefined) sheet.claimedSize = options.claimedSheetSize;
  return zip([...workbookParts(options.book, options.relationships), sheet, ...(options.extra ?? [])]);
}

/** The XML of one row of inline-string cells, as Excel numbers rows and columns. */
export function rowXml(row: number, cells: string[]): string {
  const xml = cells.map((text, i) => `<c r="${String.fromCharCode(65 + i)}${row}" t="inlineStr"><is><t>${escapeXml(text)}</t></is></c>`).join('');
  return `<row r="${row}">${xml}</row>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
