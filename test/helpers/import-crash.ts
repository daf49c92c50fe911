// Tests "imports are atomic" the hard way: a child process (import-killer.ts) imports the demo's nine
// result bundles into a chair's workspace and is killed with SIGKILL at a random moment, mostly inside
// the import's transaction. The file, opened again, must hold exactly what it held before, or exactly
// what a complete import gives: never a part of the bundles, their marks or their journal lines.
import { spawn } from 'node:child_process';
import { copyFileSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { importBundles } from '../../electron/services/chair/intake.ts';
import { writeDemo } from '../../electron/services/demo/demo.ts';
import { createFromPackage } from '../../electron/services/expert/packages.ts';
import { openPackage } from '../../electron/services/package/contest-package.ts';
import { Workspace } from '../../electron/services/workspace.ts';
import { seeded } from '../../shared/random.ts';

const KILLER = fileURLToPath(new URL('./import-killer.ts', import.meta.url));
const NOW = '2026-09-30T10:00:00.000Z';
const BEGIN_TIMEOUT_MS = 30_000;

export interface ImportCrashResult {
  rounds: number;
  /** Rounds the file came back from as it was before the import. */
  rolledBack: number;
  /** Rounds whose import had committed whole before the kill. */
  committed: number;
  /** Rounds killed before the import had begun (the child was still loading). */
  notBegun: number;
  /** Rounds killed while the import's transaction was open: it had stored marks and not returned. */
  midway: number;
  problems: string[];
  seed: number;
}

/** Every row of every table, in key order: what "the workspace as it was" means, byte for byte of its data. */
export function contentsOf(path: string): string {
  const ws = Workspace.open(path);
  try {
    const tables = ws.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const dump: Record<string, unknown[]> = {};
    for (const table of tables) {
      const columns = ws.db.prepare(`SELECT count(*) FROM pragma_table_info('${table}')`).pluck().get() as number;
      const order = Array.from({ length: columns }, (_, i) => i + 1).join(', ');
      dump[table] = ws.db.prepare(`SELECT * FROM "${table}" ORDER BY ${order}`).raw().all();
    }
    return JSON.stringify({ schema: ws.db.prepare('SELECT sql FROM sqlite_schema ORDER BY name').pluck().all(), dump });
  } finally {
    ws.close();
  }
}

function integrityOf(path: string): string {
  const ws = Workspace.open(path);
  try {
    return String(ws.db.pragma('integrity_check', { simple: true }));
  } finally {
    ws.close();
  }
}

/** Runs the killer on `path` and kills it `delayMs` after it said `begin`; whether it had begun and finished. */
async function killImport(path: string, bundles: string, delayMs: number, env: Record<string, string>): Promise<{ begun: boolean; inside: boolean; done: boolean; stderr: string }> {
  const child = spawn(process.execPath, [KILLER, path, bundles, NOW], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const closed = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const begun = new Promise<boolean>((resolve) => {
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('begin\n')) resolve(true);
    });
    void closed.then(() => resolve(out.includes('begin\n')));
    void sleep(BEGIN_TIMEOUT_MS, undefined, { ref: false }).then(() => resolve(false));
  });
  try {
    if (await begun) await sleep(delayMs);
  } finally {
    child.kill('SIGKILL');
    await closed;
  }
  return { begun: out.includes('begin\n'), inside: out.includes('inside\n'), done: out.includes('done\n'), stderr };
}

/**
 * `rounds` kills of a chair's import, each on a fresh copy of the same workspace, the kill
 * 0–`maxMs` ms after the import began (the slowed import takes about 100 ms).
 */
export async function importCrashRounds(options: { rounds: number; dir: string; seed?: number; maxMs?: number; killerEnv?: Record<string, string>; onRound?(n: number): void }): Promise<ImportCrashResult> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seeded(seed);
  const maxMs = options.maxMs ?? 150;
  const demo = writeDemo(join(options.dir, 'demo'), { now: '2026-09-28T09:00:00.000Z' });
  const pristine = join(options.dir, 'chair.sqlite');
  createFromPackage(pristine, openPackage(demo.package), { kind: 'chair' }, '2026-09-29T09:00:00.000Z').close();
  const bundles = join(options.dir, 'demo', 'bundles');

  // What a complete import gives, made the ordinary way on a copy.
  const complete = join(options.dir, 'complete.sqlite');
  copyFileSync(pristine, complete);
  const ws = Workspace.open(complete);
  const files = readdirSync(bundles)
    .sort()
    .map((file) => ({ file, bytes: readFileSync(join(bundles, file)) }));
  importBundles(ws.db, files, NOW);
  ws.close();
  const before = contentsOf(pristine);
  const after = contentsOf(complete);

  const result: ImportCrashResult = { rounds: 0, rolledBack: 0, committed: 0, notBegun: 0, midway: 0, problems: [], seed };
  for (let n = 1; n <= options.rounds; n += 1) {
    const path = join(options.dir, `round-${n}.sqlite`);
    copyFileSync(pristine, path);
    const run = await killImport(path, bundles, random() * maxMs, options.killerEnv ?? {});
    result.rounds = n;
    if (run.inside && !run.done) result.midway += 1;
    if (!run.begun) {
      result.notBegun += 1;
      if (run.stderr) result.problems.push(`Round ${n}: the import did not begin: ${run.stderr}`);
    }
    try {
      const integrity = integrityOf(path);
      if (integrity !== 'ok') result.problems.push(`Round ${n}: integrity_check says ${integrity}.`);
      const now = contentsOf(path);
      if (now === before) result.rolledBack += 1;
      else if (now === after) result.committed += 1;
      else result.problems.push(`Round ${n} (${basename(path)}): the workspace holds part of the import (${run.done ? 'after' : 'before'} the import returned).`);
      if (run.done && now !== after) result.problems.push(`Round ${n}: the import returned but its bundles are not all in the file.`);
    } catch (error) {
      result.problems.push(`Round ${n}: the workspace could not be opened after the kill: ${error instanceof Error ? error.message : String(error)}`);
    }
    for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
    options.onRound?.(n);
  }
  return result;
}
