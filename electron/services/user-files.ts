import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, type Stats } from 'node:fs';
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

/**
 * The file's status, refusing anything but a regular file; `file` is the name messages show.
 * `notFound` is the message for a path that leads nowhere, where the caller has its own words for it.
 */
export function statUserFile(path: string, file = path, notFound?: () => AppError): Stats {
  let stat: Stats;
  try {
    stat = statSync(path);
  } catch (error) {
    const problem = readProblem(error, file);
    throw problem.code === 'file.notFound' && notFound ? notFound() : problem;
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
 * full disk, a read-only medium) are described by writeProblem. With `makeFolders`, a missing folder
 * is one the writer will make: only the nearest folder that exists is checked.
 */
export function checkWriteTarget(path: string, options: { makeFolders?: boolean } = {}): void {
  checkFolderOf(path, options.makeFolders === true);
  try {
    const target = statSync(path);
    if (!target.isFile()) throw notAFile(target, path);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw writeProblem(error, path);
  }
}

/** The folder `path` goes in (or, when folders are to be made, the nearest one that exists) is a folder one may write in. */
function checkFolderOf(path: string, makeFolders: boolean): void {
  let folder = dirname(path);
  for (;;) {
    try {
      if (!statSync(folder).isDirectory()) throw new AppError('file.pathThroughFile', { file: path });
      break;
    } catch (error) {
      if (error instanceof AppError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTDIR') throw new AppError('file.pathThroughFile', { file: path });
      if (code !== 'ENOENT') throw writeProblem(error, path);
      if (!makeFolders || dirname(folder) === folder) throw new AppError('file.folderMissing', { file: path, folder: dirname(path) });
      folder = dirname(folder);
    }
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw writeProblem(error, path);
  }
}

/**
 * checkWriteTarget for a file that must not exist yet (a signed file is never written over): an
 * existing file is refused too, so nothing is signed for a path that cannot take it.
 */
export function checkNewFile(path: string, options: { makeFolders?: boolean } = {}): void {
  checkWriteTarget(path, options);
  if (existsSync(path)) throw new AppError('publish.exists', { file: path });
}

/** mkdir -p `folder`, for `file` (what messages name); a file in the way is named as such. */
function makeFolders(folder: string, file: string, mode?: number): void {
  try {
    mkdirSync(folder, { recursive: true, ...(mode === undefined ? {} : { mode }) });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // mkdir -p meets a file where a folder should be as EEXIST (the file) or ENOTDIR (below it).
    if (code === 'EEXIST' || code === 'ENOTDIR') throw new AppError('file.pathThroughFile', { file });
    throw writeProblem(error, file);
  }
}

/** Makes the folder `path` goes in, and any missing one above it (for writers that make the folders asked for). */
export function makeFolderFor(path: string, mode?: number): void {
  makeFolders(dirname(path), path, mode);
}

/** Makes a folder the user named to be filled (or takes it as it is); a file or a pipe of that name is refused as not a folder. */
export function makeFolder(folder: string): void {
  const stat = statSync(folder, { throwIfNoEntry: false });
  if (stat !== undefined && !stat.isDirectory()) throw new AppError('file.notFolder', { file: folder });
  makeFolders(folder, folder);
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
    case 'EEXIST':
      return new AppError('publish.exists', { file });
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
