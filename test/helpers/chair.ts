import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { TestContext } from 'node:test';
import { DEMO_PASSPHRASE, writeDemo, type DemoFiles } from '../../electron/services/demo/demo.ts';
import { createFromPackage } from '../../electron/services/expert/packages.ts';
import { openPackage } from '../../electron/services/package/contest-package.ts';
import { unlockKeyFile } from '../../electron/services/signing/key-file.ts';
import type { Ed25519Key } from '../../electron/services/signing/keys.ts';
import type { Workspace } from '../../electron/services/workspace.ts';
import { tempDir } from './temp.ts';

/** The demo (package, keys, bundles) and a chair's workspace made from its package. */
export function chairOfDemo(t: TestContext, seed = 1): { demo: DemoFiles; ws: Workspace; files: () => { file: string; bytes: Buffer }[] } {
  const demo = writeDemo(tempDir(t), { seed, now: '2026-09-28T09:00:00.000Z' });
  const ws = createFromPackage(join(tempDir(t), 'chair.sqlite'), openPackage(demo.package), { kind: 'chair' }, '2026-09-29T09:00:00.000Z');
  t.after(() => ws.close());
  return { demo, ws, files: () => demo.bundles.map((path) => ({ file: basename(path), bytes: readFileSync(path) })) };
}

/** A signed file whose signature no longer matches: one character of the signature changed. */
export function tampered(bytes: Buffer): Buffer {
  const copy = Buffer.from(bytes);
  const at = copy.indexOf('"sig": "') + 9;
  copy[at] = copy[at] === 0x41 ? 0x42 : 0x41;
  return copy;
}

/** A demo key, unlocked: 'organiser', 'chair' or 'expert-<id>' (only the roster's chair key signs results). */
export function demoKey(demo: DemoFiles, name: string): Ed25519Key {
  const path = join(demo.keys, `${name}.key`);
  return unlockKeyFile(readFileSync(path, 'utf8'), { passphrase: DEMO_PASSPHRASE }, path);
}
