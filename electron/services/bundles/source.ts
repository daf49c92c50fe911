import { readFileSync, statSync } from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import { MAX_FILE_BYTES } from '../signing/envelope.ts';

/**
 * A result bundle to judge: its bytes already in memory, or a path read only when the bundle's turn
 * comes (so that a thousand files are never all in memory). `file` is the name messages show.
 */
export type BundleSource = { file: string; bytes: Buffer } | { file: string; path: string };

/** The bytes of a bundle file, its size checked by `stat` before a byte is read; errors name `file`. */
export function readBundleFile(path: string, file: string): Buffer {
  try {
    const stat = statSync(path);
    if (!stat.isFile()) throw new AppError('file.notFound', { file });
    if (stat.size > MAX_FILE_BYTES.result) throw new AppError('file.tooLarge', { file, size: stat.size, max: MAX_FILE_BYTES.result });
    return readFileSync(path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('file.notFound', { file });
    throw new AppError('file.unreadable', { file, reason: code ?? String(error) });
  }
}

/** The bytes of a source: as given, or read from its path. */
export const bytesOf = (source: BundleSource): Buffer => ('bytes' in source ? source.bytes : readBundleFile(source.path, source.file));
