import { isMessageKey, languages, messages, translate, type MessageKey } from '../../shared/i18n/index.ts';
import { seeded } from '../../shared/random.ts';
import { Anatomy, FAMILIES } from './fuzz-mutations.ts';
import { setUp, type Refusal, type Target } from './fuzz-targets.ts';

/**
 * The fuzz engine: mutates every kind of file that travels (a contest package, an enrolment, the
 * result bundles, merged results) and feeds each mutation to the path the app itself uses (the
 * expert's package update, the chair's key confirmation, the chair's bundle intake in batches, the
 * venue's opening of results), on real workspaces. Every mutation must be refused with a user error
 * whose message, in every language, names the file and fills every blank; and a refusal must leave
 * the workspace as it was.
 */

/** What one family of mutations gave: how many were tried and refused; crashes and partial imports, each described. */
export interface FuzzReport {
  kind: string;
  tried: number;
  refused: number;
  crashes: string[];
  partial: string[];
}

/** A byte flip XORs one of these: each single bit, or all of them. */
const MASKS = [0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0xff];
/** Random positions per kind at 'test' scale, besides the header lines and the first and last bytes. */
const SAMPLES = 300;
/** A message longer than this is not one a person reads. */
const MAX_MESSAGE = 2_000;

/** Why a refusal is not one a person can act on, or null: no such message, a blank left, the file not named, too long. */
function unclear(refusal: Refusal, file: string): string | null {
  if (!isMessageKey(refusal.code)) return `refused with "${refusal.code}", which is no message`;
  for (const lang of languages) {
    const template = messages[lang][refusal.code as MessageKey];
    const forms = typeof template === 'string' ? [template] : Object.values(template);
    const blanks = forms.flatMap((form) => [...(form ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? ''));
    const missing = blanks.find((name) => refusal.params[name] === undefined);
    if (missing) return `${refusal.code}: the ${lang} message lacks {${missing}}`;
    const text = translate(lang, refusal.code as MessageKey, refusal.params);
    if (!text.includes(file)) return `${refusal.code}: the ${lang} message does not name the file`;
    if (text.length > MAX_MESSAGE) return `${refusal.code}: the ${lang} message takes ${text.length} characters`;
  }
  return null;
}

const describe = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message.slice(0, 160)}` : String(error));

interface Run {
  report: FuzzReport;
  target: Target;
  /** Check the state on every nth attempt (1: every one). */
  checkEvery: number;
}

function attempt(run: Run, label: string, file: string, bytes: Buffer): void {
  const { report, target } = run;
  report.tried += 1;
  const check = report.tried % run.checkEvery === 0;
  const before = check ? target.snapshot() : undefined;
  let refusal: Refusal | null;
  try {
    refusal = target.attempt(file, bytes);
  } catch (error) {
    report.crashes.push(`${target.name}: ${label}: ${describe(error)}`);
    return;
  }
  if (refusal === null) {
    report.crashes.push(`${target.name}: ${label}: accepted`);
    return;
  }
  const problem = unclear(refusal, file);
  if (problem) report.crashes.push(`${target.name}: ${label}: ${problem}`);
  else report.refused += 1;
  const change = check ? target.changed(before, file) : null;
  if (change) report.partial.push(`${target.name}: ${label}: ${change}`);
}

/** The byte positions to flip: at 'stress' scale all; at 'test' scale the header lines of the first file, first and last bytes, and a seeded sample. */
function flips(files: Target['files'], scale: 'test' | 'stress', random: () => number): { file: number; at: number; mask: number }[] {
  const pick = () => MASKS[Math.floor(random() * MASKS.length)] ?? 0xff;
  if (scale === 'stress') return files.flatMap((f, file) => Array.from(f.bytes, (_, at) => ({ file, at, mask: MASKS[at % MASKS.length] ?? 0xff })));
  const out: { file: number; at: number; mask: number }[] = [];
  files.forEach((f, file) => out.push({ file, at: 0, mask: pick() }, { file, at: f.bytes.length - 1, mask: pick() }));
  const first = files[0]?.bytes ?? Buffer.alloc(0);
  const start = first.indexOf('"payload": "') + '"payload": "'.length;
  const end = first.indexOf('"', start);
  for (let at = 1; at < first.length - 1; at++) if (at < start || at >= end) out.push({ file: 0, at, mask: pick() });
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  for (let i = 0; i < SAMPLES; i++) {
    let offset = Math.floor(random() * total);
    const file = files.findIndex((f) => (offset -= f.bytes.length) < 0);
    const at = offset + (files[file]?.bytes.length ?? 0);
    out.push({ file, at, mask: pick() });
  }
  return out;
}

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** scale 'test' samples (keeps npm test fast: the whole fuzz suite well under ~60 s), 'stress' does every byte of every file. */
export async function fuzzAll(options: { scale: 'test' | 'stress'; seed?: number; dir: string; onProgress?(kind: string, done: number, total: number): void }): Promise<FuzzReport[]> {
  const random = seeded(options.seed ?? 1);
  const { targets, close } = setUp(options.dir, options.seed ?? 1);
  const progress = (kind: string, done: number, total: number) => {
    if (done % 100 === 0 || done === total) options.onProgress?.(kind, done, total);
  };
  const reports: FuzzReport[] = [];
  try {
    for (const target of targets) {
      for (const f of target.files) if (!target.accepts(f.file, f.bytes)) throw new Error(`${f.file} is refused as it is: the fuzz engine would prove nothing`);
      const run: Run = { report: { kind: `${target.name}: byte flips`, tried: 0, refused: 0, crashes: [], partial: [] }, target, checkEvery: options.scale === 'test' ? 5 : 50 };
      const list = flips(target.files, options.scale, random);
      for (const [i, { file, at, mask }] of list.entries()) {
        const original = target.files[file];
        if (!original) continue;
        const bytes = Buffer.from(original.bytes);
        bytes[at] = (bytes[at] ?? 0) ^ mask;
        attempt(run, `${original.file} byte ${at} ^ 0x${mask.toString(16)}`, original.file, bytes);
        progress(run.report.kind, i + 1, list.length);
        if (i % 500 === 0) await pause();
      }
      reports.push(run.report);
    }
    for (const [kind, family] of Object.entries(FAMILIES)) {
      const report: FuzzReport = { kind, tried: 0, refused: 0, crashes: [], partial: [] };
      for (const target of targets) {
        const name = target.files.find((f) => f.bytes === target.original.bytes)?.file ?? target.name;
        const mutations = family(new Anatomy(target.original));
        for (const [i, m] of mutations.entries()) {
          if (m.bytes.equals(target.original.bytes)) throw new Error(`${kind}: "${m.label}" changes nothing`);
          attempt({ report, target, checkEvery: 1 }, m.label, name, m.bytes);
          progress(kind, i + 1, mutations.length);
        }
        await pause();
      }
      reports.push(report);
    }
  } finally {
    close();
  }
  return reports;
}
