import { accessSync, constants, readFileSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../shared/errors.ts';

/**
 * Files the user names — typed, chosen, dropped or handed over by the system — read and written with
 * one set of messages. A path may name a folder, a pipe, a device or nothing at all; each says so in
 * its own words rather than «not found», and a pipe is never opened (reading one would wait forever).
 */

/** What a path names when it is not a regular file, as the message key that says so. */
function notAFile(stat: Stats, file: string): AppError {
  if (stat.isDirectory()) return new AppError('file.isFolder', { file });
  if (stat.isFIFO()) return new AppError('file.isPipe', { file });
  return new AppError('file.notRegular', { file });
}

/** An error of the file system while reading `file`, as the message a user can act on. */
export function readProblem(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new AppError('file.notFound', { file });
    case 'ENOTDIR':
      return new AppError('file.pathThroughFile', { file });
    case 'EISDIR':
      return new AppError('file.isFolder', { file });
    case 'EACCES':
    case 'EPERM':
      return new AppError('file.noAccess', { file });
    default:
      return new AppError('file.unreadable', { file, reason: code ?? String(error) });
  }
}

/** The file's status, refusing anything but a regular file; `file` is the name messages show. */
export function statUserFile(path: string, file = path): Stats {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    throw readProblem(error, file);
  }
  if (!stat.isFile()) throw notAFile(stat, file);
  return stat;
}

/**
 * The bytes of a file the user named: a regular file, its size checked against `max` before a byte
 * is read (when a cap is given). Every refusal names `file`.
 */
export function readUserFile(path: string, options: { file?: string; max?: number; tooLarge?: (size: number) => AppError } = {}): Buffer {
  const file = options.file ?? path;
  const stat = statUserFile(path, file);
  if (options.max !== undefined && stat.size > options.max) {
    throw options.tooLarge?.(stat.size) ?? new AppError('file.tooLarge', { file, size: stat.size, max: options.max });
  }
  try {
    return readFileSync(path);
  } catch (error) {
    throw readProblem(error, file);
  }
}

/**
 * Refuses, before anything is written, a target whose folder is missing or is not a folder, or a
 * target that is itself a folder or a device. Write errors that only the write itself can show (a
 * full disk, a read-only medium) are described by writeProblem.
 */
export function checkWriteTarget(path: string): void {
  const folder = dirname(path);
  let stat: Stats;
  try {
    stat = statSync(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('file.folderMissing', { file: path, folder });
    if (code === 'ENOTDIR') throw new AppError('file.pathThroughFile', { file: path });
    throw writeProblem(error, path);
  }
  if (!stat.isDirectory()) throw new AppError('file.pathThroughFile', { file: path });
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw writeProblem(error, path);
  }
  try {
    const target = statSync(path);
    if (!target.isFile()) throw notAFile(target, path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeProblem(error, path);
  }
}

/** An error of the file system while writing `file`, as the message a user can act on. */
export function writeProblem(error: unknown, file: string): AppError {
  if (error instanceof AppError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return new AppError('file.folderMissing', { file, folder: dirname(file) });
    case 'ENOTDIR':
      return new AppError('file.pathThroughFile', { file });
    case 'EISDIR':
      return new AppError('file.isFolder', { file });
    case 'EACCES':
    case 'EPERM':
      return new AppError('file.cannotWrite', { file, folder: dirname(file) });
    case 'EROFS':
      return new AppError('file.readOnlyMedium', { file });
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError('file.diskFull', { file });
    default:
      return new AppError('file.unwritable', { file, reason: code ?? String(error) });
  }
}
