import { MAX_FILE_BYTES } from '../signing/envelope.ts';
import { readUserFile } from '../user-files.ts';

/**
 * A result bundle to judge: its bytes already in memory, or a path read only when the bundle's turn
 * comes (so that a thousand files are never all in memory). `file` is the name messages show.
 */
export type BundleSource = { file: string; bytes: Buffer } | { file: string; path: string };

/** The bytes of a bundle file, its size checked by `stat` before a byte is read; errors name `file`. */
export function readBundleFile(path: string, file: string): Buffer {
  return readUserFile(path, { file, max: MAX_FILE_BYTES.result });
}

/** The bytes of a source: as given, or read from its path. */
export const bytesOf = (source: BundleSource): Buffer => ('bytes' in source ? source.bytes : readBundleFile(source.path, source.file));
