import { parseArgs } from 'node:util';
import type { BenchSize } from './synthetic.ts';

export const HELP = `npm run bench [-- options]   (or: node test/bench/bench.ts [options])

Builds a synthetic contest, signs its package and every expert's result bundle with the app's
services, then measures: single-mark saves, bundle export and verification, the chair's import
(wall time and peak RSS, in a process of its own), ranking and statistics, the raw insert limit,
and the expert's entry list in Chromium through the browser host. Prints one table (docs/performance.md).

Size (defaults: 1,000,000 marks):
  --experts N       experts (1000)
  --entries M       entries (10000)
  --criteria K      criteria of the nomination (20)
  --per-entry E     experts per entry, assigned round-robin (5)
  --categories C    categories the entries fill in blocks (4)
  --seed S          seed of the marks (1)

Other:
  --saves N         single-mark saves timed (10000)
  --list-entries N  entries assigned to the expert whose list Chromium renders (10000)
  --sample N        experts taken through the real expert path, workspace to submit (3)
  --no-browser      skip the Chromium part
  --json FILE       also write every figure as JSON to FILE
  --profile DIR     write a V8 CPU profile of each child phase into DIR (node --cpu-prof)
  --keep DIR        build everything in DIR and keep it (default: a temporary folder, removed)
  --help            this text
`;

export interface BenchOptions {
  size: BenchSize;
  saves: number;
  listEntries: number;
  sample: number;
  browser: boolean;
  json: string | null;
  profile: string | null;
  keep: string | null;
}

export class OptionError extends Error {
  override name = 'OptionError';
}

const WHOLE: Record<string, { min: number; max: number; fallback: number }> = {
  experts: { min: 1, max: 10_000, fallback: 1000 },
  entries: { min: 1, max: 100_000, fallback: 10_000 },
  criteria: { min: 1, max: 200, fallback: 20 },
  'per-entry': { min: 1, max: 1000, fallback: 5 },
  categories: { min: 1, max: 200, fallback: 4 },
  seed: { min: 0, max: 2 ** 31 - 1, fallback: 1 },
  saves: { min: 1, max: 1_000_000, fallback: 10_000 },
  'list-entries': { min: 1, max: 100_000, fallback: 10_000 },
  sample: { min: 0, max: 100, fallback: 3 },
};

function whole(values: Record<string, unknown>, name: string): number {
  const spec = WHOLE[name];
  if (!spec) throw new Error(`no option ${name}`);
  const text = values[name];
  if (text === undefined) return spec.fallback;
  const n = Number(text);
  if (typeof text !== 'string' || !/^\d+$/.test(text) || n < spec.min || n > spec.max) {
    throw new OptionError(`--${name} must be a whole number from ${spec.min} to ${spec.max}, not “${String(text)}”`);
  }
  return n;
}

/** The options of `npm run bench`; null when --help was asked for. Throws OptionError naming a bad option. */
export function parseOptions(argv: string[]): BenchOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    const strings = Object.fromEntries([...Object.keys(WHOLE), 'json', 'profile', 'keep'].map((k) => [k, { type: 'string' as const }]));
    ({ values } = parseArgs({ args: argv, options: { ...strings, 'no-browser': { type: 'boolean' }, help: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new OptionError(`${message.replace(/\. To specify.*$/s, '')} (see --help)`);
  }
  if (values.help) return null;
  const size: BenchSize = {
    experts: whole(values, 'experts'),
    entries: whole(values, 'entries'),
    criteria: whole(values, 'criteria'),
    perEntry: whole(values, 'per-entry'),
    categories: whole(values, 'categories'),
    seed: whole(values, 'seed'),
  };
  if (size.perEntry > size.experts) throw new OptionError(`--per-entry (${size.perEntry}) cannot exceed --experts (${size.experts}): each entry needs that many different experts`);
  if (size.categories > size.entries) throw new OptionError(`--categories (${size.categories}) cannot exceed --entries (${size.entries})`);
  const path = (name: string): string | null => {
    const v = values[name];
    if (v === undefined) return null;
    if (typeof v !== 'string' || v.trim() === '') throw new OptionError(`--${name} needs a path`);
    return v;
  };
  return {
    size,
    saves: whole(values, 'saves'),
    listEntries: whole(values, 'list-entries'),
    sample: Math.min(whole(values, 'sample'), size.experts),
    browser: values['no-browser'] !== true,
    json: path('json'),
    profile: path('profile'),
    keep: path('keep'),
  };
}
