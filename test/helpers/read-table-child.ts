// Reads one spreadsheet as the organiser's import does, in a process of its own, so that a test can
// see the peak memory the reading took (process.resourceUsage().maxRSS covers this process only).
// Usage: node test/helpers/read-table-child.ts <file>; prints one line of JSON:
// { code, params } for a refusal or { rows } for a table, with ms and peakMiB.
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { readTable } from '../../electron/services/import/index.ts';
import { AppError } from '../../shared/errors.ts';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: read-table-child.ts <file>');

const started = performance.now();
let outcome: Record<string, unknown>;
try {
  outcome = { rows: (await readTable(basename(path), readFileSync(path))).rows.length };
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  outcome = { code: error.code, params: error.params };
}
const ms = Math.round(performance.now() - started);
process.stdout.write(`${JSON.stringify({ ...outcome, ms, peakMiB: peakMiB() })}\n`);

/**
 * This process's peak resident memory. On Linux, from /proc (VmHWM): getrusage's maxRSS starts a
 * child at its parent's peak, so a test runner holding 600 MiB of fixtures made every child read 600.
 */
function peakMiB(): number {
  const status = existsSync('/proc/self/status') ? readFileSync('/proc/self/status', 'utf8') : '';
  const kib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1] ?? process.resourceUsage().maxRSS);
  return Math.round(kib / 1024);
}
