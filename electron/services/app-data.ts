import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { RecentWorkspace } from '../../shared/domain/views.ts';
import { checkWriteTarget, writeProblem } from './user-files.ts';

export const PRODUCT_NAME = 'JuryBox';

/**
 * The per-user folder for JuryBox's own files (recent workspaces, the demo). The same folder
 * Electron's app.getPath('userData') gives, so the desktop app and the browser host share it;
 * JURYBOX_HOME overrides it (tests, portable use).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.JURYBOX_HOME) return resolve(env.JURYBOX_HOME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

/**
 * Writes a file whole or not at all: the bytes go to a temporary file, flushed to disk, which is then
 * renamed over the target. A crash mid-write leaves the old file (or none) in place. `mode` is the
 * file's from the moment it exists (the temporary file is made with it, and the rename keeps it).
 * The target is checked first (checkWriteTarget), and a failure is told in the user's terms, naming
 * the target, never the temporary file (writeProblem).
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: { mode?: number } = {}): void {
  checkWriteTarget(path);
  const temp = `${path}.${process.pid}.partial`;
  try {
    rmSync(temp, { force: true }); // a leftover would keep its own mode
    writeFileSync(temp, data, { flush: true, ...(options.mode === undefined ? {} : { mode: options.mode }) });
    renameSync(temp, path);
  } catch (error) {
    throw writeProblem(error, path);
  } finally {
    rmSync(temp, { force: true });
  }
}

const RECENT_LIMIT = 10;
const StoredRecent = z.array(RecentWorkspace.omit({ exists: true }));

/** JuryBox's own small state in the data folder. */
export class AppData {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  private get recentFile(): string {
    return join(this.dir, 'recent.json');
  }

  /** The user's own signing keys (see KeyStore). */
  get keysDir(): string {
    return join(this.dir, 'keys');
  }

  /** Experts' workspaces, one folder per contest, one file per expert. */
  get contestsDir(): string {
    return join(this.dir, 'contests');
  }

  /** Where the start screen's demo workspace lives. */
  get demoDir(): string {
    return join(this.dir, 'demo');
  }

  /** Recently opened workspaces, newest first; an unreadable list is treated as empty, never fatal. */
  recent(): RecentWorkspace[] {
    let stored: z.infer<typeof StoredRecent>;
    try {
      stored = StoredRecent.parse(JSON.parse(readFileSync(this.recentFile, 'utf8')));
    } catch {
      return [];
    }
    return stored.map((r) => ({ ...r, exists: existsSync(r.path) }));
  }

  remember(path: string, title: string, openedAt: string): void {
    const rest = this.recent().filter((r) => r.path !== path).map(({ exists: _exists, ...r }) => r);
    mkdirSync(this.dir, { recursive: true });
    writeFileAtomic(this.recentFile, JSON.stringify([{ path, title, openedAt }, ...rest].slice(0, RECENT_LIMIT), null, 2));
  }
}
