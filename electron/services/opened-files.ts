import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError, errorPayload } from '../../shared/errors.ts';
import { kindOfFileName, type HandedFile } from '../../shared/domain/opened.ts';
import { MAX_FILE_BYTES } from './signing/envelope.ts';
import { readProblem, readUserFile } from './user-files.ts';

/**
 * The files the operating system handed to JuryBox, held until the window asks for them.
 *
 * Windows and Linux start the app with the file on its command line (again in a second instance,
 * which Electron forwards to the first); macOS sends an `open-file` event instead, often before the
 * app is ready and before any window exists. Both land here, so the window can ask once it has
 * loaded, and again whenever it regains focus. Nothing here imports Electron: the browser host
 * (`jurybox serve FILE`) and the tests use the same queue.
 */
export class OpenedFiles {
  private readonly paths: string[] = [];

  /** Queues one file; a relative path is taken from `cwd`. The same path twice is queued once. */
  add(path: string, cwd: string = process.cwd()): void {
    const absolute = resolve(cwd, path);
    if (!this.paths.includes(absolute)) this.paths.push(absolute);
  }

  /**
   * Queues the files on a command line. `skip` is how many leading arguments are the program
   * itself: 1 for an installed app; 2 under a bare Electron (`electron . FILE`, `process.defaultApp`).
   */
  addFromCommandLine(argv: readonly string[], options: { skip: number; cwd: string }): void {
    for (const path of filesOnCommandLine(argv, options.skip)) {
      // A folder is never a JuryBox file: it is the app's own folder under a bare Electron, or a slip.
      if (isDirectory(resolve(options.cwd, path))) continue;
      this.add(path, options.cwd);
    }
  }

  /** How many files wait. */
  get size(): number {
    return this.paths.length;
  }

  /** Every waiting file, read, in the order it came; the queue is empty afterwards. */
  take(): HandedFile[] {
    return this.paths.splice(0).map(readHanded);
  }
}

/**
 * The arguments of a command line that name files: everything after the program but switches
 * (`--no-sandbox`, `--original-process-start-time=…`, macOS's old `-psn_0_123`), which Chromium and
 * the system add on their own. After `--` every argument is a file. `file://` URLs, which Linux
 * desktops may pass for `%U`, become paths.
 */
export function filesOnCommandLine(argv: readonly string[], skip: number): string[] {
  const files: string[] = [];
  let switches = true;
  for (const arg of argv.slice(skip)) {
    if (switches && arg === '--') switches = false;
    else if (switches && arg.startsWith('-')) continue;
    else if (arg !== '') files.push(arg.startsWith('file://') ? fileURLToPath(arg) : arg);
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** One handed file read whole, its size checked by `stat` before a byte is read; every refusal names the file. */
function readHanded(path: string): HandedFile {
  const fileName = basename(path);
  try {
    const kind = kindOfFileName(fileName);
    if (!kind) throw new AppError('opened.unknownKind', { file: path });
    return { ok: true, kind, fileName, content: readUserFile(path, { max: MAX_FILE_BYTES[kind] }).toString('base64') };
  } catch (error) {
    const failure = readProblem(error, path);
    return { ok: false, fileName, error: errorPayload(failure.code, failure.params) };
  }
}

