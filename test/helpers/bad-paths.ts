import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A named pipe at `path`, or the reason this system cannot make one. */
export function makeFifo(path: string): string | null {
  if (process.platform === 'win32') return 'named pipes are not files on Windows';
  const made = spawnSync('mkfifo', [path]);
  return made.status === 0 ? null : `mkfifo failed: ${made.stderr.toString() || made.error?.message}`;
}

/**
 * A folder no one may create a file in, even root: Linux's sysfs refuses every new file with EACCES.
 * Null elsewhere (the case is then skipped; the mapping is the same code).
 */
export const NO_WRITE_FOLDER = process.platform === 'linux' ? '/sys' : null;

/** A path for each way a path the user names can be wrong, under `dir`, as the name of the file wanted. */
export function badPaths(dir: string, name: string) {
  const folder = join(dir, `folder-${name}`);
  mkdirSync(folder);
  const plain = join(dir, 'plain.txt');
  writeFileSync(plain, 'x');
  const pipe = join(dir, `pipe-${name}`);
  return {
    folder,
    pipe,
    pipeProblem: makeFifo(pipe),
    throughFile: join(plain, name),
    inMissingFolder: join(dir, 'no-such-folder', name),
    missing: join(dir, `missing-${name}`),
  };
}
