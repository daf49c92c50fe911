import { crc32, inflateSync } from 'node:zlib';

/**
 * Readers for the installers' icon files, written apart from build/image-files.ts (the writer) so
 * that a test of the icons does not trust the code that made them. Each throws on the first thing
 * that is not as the format says.
 */

export interface DecodedPng {
  width: number;
  height: number;
  /** Straight RGBA, row by row, once every row's filter is undone. */
  rgba: Uint8Array;
}

const SIGNATURE = '89504e470d0a1a0a';

/** Undoes one row's PNG filter (types 0–4) in place, given the row above (zeros for the first). */
function unfilter(type: number, row: Uint8Array, above: Uint8Array, bpp: number): void {
  for (let i = 0; i < row.length; i += 1) {
    const left = i >= bpp ? (row[i - bpp] as number) : 0;
    const up = above[i] as number;
    const corner = i >= bpp ? (above[i - bpp] as number) : 0;
    let add: number;
    if (type === 0) add = 0;
    else if (type === 1) add = left;
    else if (type === 2) add = up;
    else if (type === 3) add = Math.floor((left + up) / 2);
    else if (type === 4) {
      const p = left + up - corner;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - corner)];
      add = pa <= pb && pa <= pc ? left : pb <= pc ? up : corner;
    } else throw new Error(`unknown PNG filter type ${type}`);
    row[i] = ((row[i] as number) + add) & 0xff;
  }
}

/** Reads a PNG: the signature, every chunk's CRC, IHDR (8-bit RGBA, not interlaced), the pixels, IEND last. */
export function decodePng(bytes: Buffer): DecodedPng {
  if (bytes.subarray(0, 8).toString('hex') !== SIGNATURE) throw new Error('not a PNG: wrong signature');
  let offset = 8;
  let header: { width: number; height: number } | null = null;
  const data: Buffer[] = [];
  let ended = false;
  while (offset < bytes.length) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (crc32(bytes.subarray(offset + 4, offset + 8 + length)) !== bytes.readUInt32BE(offset + 8 + length)) throw new Error(`PNG chunk ${type}: bad CRC`);
    if (type === 'IHDR') {
      const [depth, colour, compression, filter, interlace] = body.subarray(8, 13);
      if (depth !== 8 || colour !== 6 || compression !== 0 || filter !== 0 || interlace !== 0) throw new Error(`PNG IHDR: not 8-bit RGBA without interlace`);
      header = { width: body.readUInt32BE(0), height: body.readUInt32BE(4) };
    } else if (type === 'IDAT') data.push(body);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  if (!header || !ended) throw new Error('PNG without IHDR or IEND');
  const { width, height } = header;
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 4;
  if (raw.length !== height * (stride + 1)) throw new Error(`PNG data: ${raw.length} bytes for ${width}×${height}`);
  const rgba = new Uint8Array(height * stride);
  let above = new Uint8Array(stride);
  for (let y = 0; y < height; y += 1) {
    const row = Uint8Array.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    unfilter(raw[y * (stride + 1)] as number, row, above, 4);
    rgba.set(row, y * stride);
    above = row;
  }
  return { width, height, rgba };
}

/** The images of a Windows .ico: each entry's stated size and its PNG, decoded. */
export function readIco(bytes: Buffer): { size: number; png: DecodedPng }[] {
  if (bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) throw new Error('not an icon (.ico)');
  const count = bytes.readUInt16LE(4);
  return Array.from({ length: count }, (_, i) => {
    const entry = 6 + 16 * i;
    const size = bytes.readUInt8(entry) || 256;
    if ((bytes.readUInt8(entry + 1) || 256) !== size) throw new Error(`ico entry ${i}: not square`);
    const length = bytes.readUInt32LE(entry + 8);
    const offset = bytes.readUInt32LE(entry + 12);
    if (offset + length > bytes.length) throw new Error(`ico entry ${i}: past the end of the file`);
    return { size, png: decodePng(bytes.subarray(offset, offset + length)) };
  });
}

/** The elements of a macOS .icns, by type, each a decoded PNG; the stated lengths must add up. */
export function readIcns(bytes: Buffer): Map<string, DecodedPng> {
  if (bytes.toString('latin1', 0, 4) !== 'icns') throw new Error('not an icns');
  if (bytes.readUInt32BE(4) !== bytes.length) throw new Error('icns: the stated length is not the file’s');
  const elements = new Map<string, DecodedPng>();
  for (let offset = 8; offset < bytes.length; ) {
    const type = bytes.toString('latin1', offset, offset + 4);
    const length = bytes.readUInt32BE(offset + 4);
    if (length < 8 || offset + length > bytes.length) throw new Error(`icns element ${type}: bad length`);
    elements.set(type, decodePng(bytes.subarray(offset + 8, offset + length)));
    offset += length;
  }
  return elements;
}
