import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { tempDir } from './temp.ts';

const CHILD = join(import.meta.dirname, 'read-table-child.ts');
/** Generous: a fresh process with exceljs loaded takes about 130 MiB; the unbounded readings took 0.6–2 GiB. */
export const MEMORY_BOUND_MIB = 512;
/** "In seconds": the slowest file read within the limits takes about 4 s on the development machine. */
export const TIME_BOUND_MS = 15_000;

export interface ChildOutcome {
  code?: string;
  params?: Record<string, unknown>;
  rows?: number;
  ms: number;
  peakMiB: number;
}

/**
 * Writes the file, reads it as the import does in a process of its own and reports the time and
 * peak memory that took. A reading that runs out of memory or past twice the time bound fails here.
 */
export function readInChild(t: TestContext, name: string, bytes: Buffer): ChildOutcome {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  const run = spawnSync(process.execPath, [CHILD, path], { encoding: 'utf8', timeout: 2 * TIME_BOUND_MS });
  assert.equal(run.status, 0, `${name}: ${run.error?.message ?? run.stderr.slice(0, 400)}`);
  const outcome = JSON.parse(run.stdout) as ChildOutcome;
  t.diagnostic(`${name}: ${(bytes.length / 1024).toFixed(0)} KB, ${outcome.code ?? `${outcome.rows} rows`} in ${outcome.ms} ms, peak RSS ${outcome.peakMiB} MiB`);
  return outcome;
}

/** Within the bounds of memory and time, whatever the outcome. */
export function expectBounded(outcome: ChildOutcome): void {
  assert.ok(outcome.peakMiB < MEMORY_BOUND_MIB, `peak RSS ${outcome.peakMiB} MiB`);
  assert.ok(outcome.ms < TIME_BOUND_MS, `${outcome.ms} ms`);
}

/** Refused with `code` naming the file, in bounded memory and time. */
export function expectRefusedWithin(outcome: ChildOutcome, code: string, params: Record<string, unknown>): void {
  assert.deepEqual({ code: outcome.code, params: outcome.params }, { code, params });
  expectBounded(outcome);
}
