import { crc32, inflateRawSync } from 'node:zlib';
import { IMPORT_LIMITS } from '../../../shared/domain/import.ts';
import { AppError } from '../../../shared/errors.ts';

/**
 * The ZIP container of an XLSX, unpacked within IMPORT_LIMITS.expandedBytes. The sizes the central
 * directory claims are checked before anything is inflated, and the cap holds while inflating too
 * (a part that claims 1 KB may still expand to gigabytes). What comes out is packed again, stored,
 * so that exceljs reads exactly the bytes that were counted.
 */

export interface ZipPart {
  name: string;
  data: Buffer;
  crc: number;
}

interface DirectoryEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Where a ZIP's sizes do not fit 32 bits (ZIP64); no spreadsheet within the caps needs that. */
const SATURATED = 0xffffffff;

/** Every file of the ZIP, inflated; refuses a damaged ZIP and one that expands past the cap. */
export function unzipWithin(fileName: string, bytes: Buffer): ZipPart[] {
  const entries = centralDirectory(fileName, bytes).filter((e) => !e.name.endsWith('/'));
  const claimed = entries.reduce((sum, e) => sum + e.size, 0);
  if (claimed > IMPORT_LIMITS.expandedBytes) throw tooLargeUnpacked(fileName);
  let budget = IMPORT_LIMITS.expandedBytes;
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (seen.has(entry.name)) throw damaged(fileName);
    seen.add(entry.name);
    const data = inflateEntry(fileName, bytes, entry, budget);
    budget -= data.length;
    // A size or checksum other than the directory's: the ZIP is damaged (or lies), so nothing of it is used.
    if (data.length !== entry.size || (crc32(data) >>> 0) !== entry.crc) throw damaged(fileName);
    return { name: entry.name, data, crc: entry.crc };
  });
}

function centralDirectory(fileName: string, bytes: Buffer): DirectoryEntry[] {
  const end = endRecord(fileName, bytes);
  const count = bytes.readUInt16LE(end + 10);
  const offset = bytes.readUInt32LE(end + 16);
  if (count > IMPORT_LIMITS.parts || offset === SATURATED) throw damaged(fileName);
  const entries: DirectoryEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) throw damaged(fileName);
    const nameLength = bytes.readUInt16LE(at + 28);
    const next = at + 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (next > bytes.length) throw damaged(fileName);
    entries.push({
      name: bytes.toString('utf8', at + 46, at + 46 + nameLength),
      flags: bytes.readUInt16LE(at + 8),
      method: bytes.readUInt16LE(at + 10),
      crc: bytes.readUInt32LE(at + 16),
      compressedSize: bytes.readUInt32LE(at + 20),
      size: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    });
    at = next;
  }
  return entries;
}

/** The end-of-central-directory record: the last one, searched back over the longest comment. */
function endRecord(fileName: string, bytes: Buffer): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (bytes.readUInt32LE(at) === END) return at;
  }
  throw damaged(fileName);
}

function inflateEntry(fileName: string, bytes: Buffer, entry: DirectoryEntry, budget: number): Buffer {
  // A claimed size past the cap was refused already; a saturated one would need ZIP64.
  if (entry.size === SATURATED || entry.compressedSize === SATURATED || (entry.flags & 1) !== 0) throw damaged(fileName);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) throw damaged(fileName);
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  if (start + entry.compressedSize > bytes.length) throw damaged(fileName);
  const stored = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) return stored;
  if (entry.method !== 8) throw damaged(fileName);
  try {
    // One byte over what is left of the budget is enough to know the part does not fit.
    return inflateRawSync(stored, { maxOutputLength: budget + 1 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooLargeUnpacked(fileName, error);
    throw damaged(fileName, error);
  }
}

/** The parts as a ZIP of stored files: nothing left to inflate for whoever reads it next. */
export function storedZip(parts: ZipPart[]): Buffer {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const local = header(30, LOCAL, part, name.length);
    const central = header(46, CENTRAL, part, name.length);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, part.data);
    directory.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const size = directory.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}

// The local and the central header hold the same fields, the central one 2 bytes further on
// (after "version made by"); method 0 (stored) is the zero the buffer starts with.
function header(length: 30 | 46, signature: number, part: ZipPart, nameLength: number): Buffer {
  const buffer = Buffer.alloc(length);
  const shift = length === 46 ? 2 : 0;
  buffer.writeUInt32LE(signature, 0);
  buffer.writeUInt16LE(20, 4);
  if (shift) buffer.writeUInt16LE(20, 6);
  buffer.writeUInt16LE(0x0800, 6 + shift); // names in UTF-8
  buffer.writeUInt32LE(part.crc, 14 + shift);
  buffer.writeUInt32LE(part.data.length, 18 + shift);
  buffer.writeUInt32LE(part.data.length, 22 + shift);
  buffer.writeUInt16LE(nameLength, 26 + shift);
  return buffer;
}

function damaged(fileName: string, cause?: unknown): AppError {
  return new AppError('import.badXlsx', { file: fileName }, { cause });
}

function tooLargeUnpacked(fileName: string, cause?: unknown): AppError {
  return new AppError('import.tooLargeUnpacked', { file: fileName, limit: IMPORT_LIMITS.expandedBytes / (1024 * 1024) }, { cause });
}
