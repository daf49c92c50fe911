// Where the Electron binary is, without triggering its download (requiring the electron package
// downloads it on first use, which hangs or fails on a machine without that network access).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessageKey } from '../shared/i18n/index.ts';
import { root } from './build.ts';

export const electronPackageDir = join(root, 'node_modules', 'electron');

export type ElectronLookup = { path: string } | { reason: MessageKey };

/** The installed Electron binary, or why there is none yet. */
export function findElectron(): ElectronLookup {
  if (!existsSync(join(electronPackageDir, 'package.json'))) return { reason: 'cli.start.reason.noPackage' };
  const pathFile = join(electronPackageDir, 'path.txt');
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(electronPackageDir, 'dist');
  if (!existsSync(pathFile)) return { reason: 'cli.start.reason.download' };
  const binary = join(dist, readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { path: binary } : { reason: 'cli.start.reason.download' };
}

/** Electron needs a display on Linux; without one it cannot open a window. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  return process.platform !== 'linux' || Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
