// `npm run bench [-- --experts N --entries M --criteria K --per-entry E …]`: the performance
// figures of docs/performance.md, every one from the same run. --help lists the options.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createExpertWorkspace, createFromPackage } from '../../electron/services/expert/packages.ts';
import { browserPhase } from './browser.ts';
import { exportBundles, realExportSample } from './bundles.ts';
import { runPhase } from './child.ts';
import { publishContest } from './contest.ts';
import { rowsOf, type Measured } from './figures.ts';
import type { ImportResult } from './phases/import.ts';
import type { RawResult } from './phases/raw.ts';
import type { ResultsResult } from './phases/results.ts';
import type { SaveResult } from './phases/save.ts';
import type { VerifyResult } from './phases/verify.ts';
import { HELP, OptionError, parseOptions, type BenchOptions } from './options.ts';
import { machine, mib, ms, renderTable } from './report.ts';
import { expertId, type BenchSize } from './synthetic.ts';
import { now, timed } from './stats.ts';

const NOW = '2027-02-01T10:00:00.000Z';
const COVERAGE_TIMEOUT_MS = 30_000;
const log = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

function options(): BenchOptions | null {
  try {
    return parseOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof OptionError)) throw error;
    process.stderr.write(`bench: ${error.message}\n`);
    process.exit(2);
  }
}

/** Experts spread over the roster, for the sample taken through the real expert path. */
const spread = (count: number, of: number): number[] => Array.from({ length: count }, (_, i) => Math.floor((i * of) / count));

/** The chair's side: the chair's workspace from the package, then each heavy phase in its own process. */
async function chairPhases(o: BenchOptions, dir: string, bundlesDir: string, pkg: Parameters<typeof createFromPackage>[1]) {
  const chairPath = join(dir, 'chair.sqlite');
  const chair = timed(() => createFromPackage(chairPath, pkg, { kind: 'chair' }, NOW).close());
  log(`chair workspace from the package: ${ms(chair.ms)}`);
  const profile = o.profile ? { profileDir: resolve(o.profile) } : {};
  log('verify: every bundle, one at a time …');
  const verify = await runPhase<VerifyResult>('verify', { chairPath, bundlesDir }, profile);
  log(`verify: ${ms(verify.wallMs)}`);
  log('import: every bundle into the chair workspace …');
  const imported = await runPhase<ImportResult>('import', { chairPath, bundlesDir, now: NOW }, profile);
  log(`import: ${imported.ok ? `${ms(imported.result.wallMs)}, peak RSS ${mib(imported.peakRssBytes)}` : imported.error}`);
  // A quarter of the bundles into a second chair workspace: how peak memory grows with their number.
  const part = Math.ceil(o.size.experts / 4);
  let importedPart = null;
  if (part < o.size.experts) {
    log(`import: the first ${part} bundles into another chair workspace, for the growth of memory …`);
    const partPath = join(dir, 'chair-part.sqlite');
    createFromPackage(partPath, pkg, { kind: 'chair' }, NOW).close();
    importedPart = await runPhase<ImportResult>('import', { chairPath: partPath, bundlesDir, now: NOW, limit: part });
  }
  log('results: ranking and statistics …');
  const results = await runPhase<ResultsResult>('results', { chairPath }, profile);
  log(`results: ${ms(results.wallMs)}`);
  log(`coverage: one group (stopped after ${ms(COVERAGE_TIMEOUT_MS)}) …`);
  const coverage = await runPhase<{ cells: number; ms: number }>('coverage', { chairPath }, { ...profile, timeoutMs: COVERAGE_TIMEOUT_MS });
  log('raw: the same rows in one transaction …');
  const raw = await runPhase<RawResult>('raw', { size: o.size, path: join(dir, 'raw.sqlite') }, profile);
  log(`raw: ${raw.ok ? ms(raw.result.insertMs) : raw.error}`);
  return { verify, import: imported, importPart: importedPart, results, coverage, raw };
}

/** The expert's side on a contest whose one nomination, all assigned to the expert, holds `listEntries` entries. */
async function expertPhases(o: BenchOptions, dir: string) {
  const listSize: BenchSize = { experts: 3, entries: o.listEntries, criteria: o.size.criteria, perEntry: 1, categories: 0, seed: o.size.seed };
  log(`expert workspace: ${listSize.entries} entries assigned to one expert …`);
  const contest = publishContest(listSize, 'nomination', join(dir, 'list'), NOW);
  const workspacePath = join(dir, 'list', 'expert.sqlite');
  createExpertWorkspace(workspacePath, contest.pkg, expertId(0), NOW).close();
  log(`save: ${o.saves} single-mark saves …`);
  const save = await runPhase<SaveResult>('save', { workspacePath, size: listSize, saves: o.saves }, o.profile ? { profileDir: resolve(o.profile) } : {});
  let browser: Measured['browser'] = null;
  if (o.browser) {
    log('Chromium: the expert list through jurybox serve …');
    const home = join(dir, 'home');
    mkdirSync(home, { recursive: true });
    browser = await browserPhase({ workspacePath, home, entries: listSize.entries }).catch((error: unknown) => ({ error: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) }));
  }
  return { save, browser };
}

async function main(): Promise<void> {
  const o = options();
  if (o === null) {
    process.stdout.write(HELP);
    return;
  }
  const started = now();
  const loadAtStart = loadavg()[0] ?? 0;
  const dir = o.keep ? resolve(o.keep) : mkdtempSync(join(tmpdir(), 'jurybox-bench-'));
  mkdirSync(dir, { recursive: true });
  if (o.profile) mkdirSync(resolve(o.profile), { recursive: true });
  try {
    const { size } = o;
    log(`contest: ${size.experts} experts, ${size.entries} entries, ${size.criteria} criteria, ${size.perEntry} experts per entry, in ${dir}`);
    const main = publishContest(size, 'entries', join(dir, 'contest'), NOW);
    const t = main.timings;
    log(`  organiser workspace ${ms(t.workspaceMs)}, enrolments ${ms(t.enrolMs)}, publish ${ms(t.publishMs)}, open ${ms(t.openMs)} (${mib(main.packageBytes)})`);
    const bundlesDir = join(dir, 'bundles');
    log('bundles: one signed result bundle per expert …');
    const exported = exportBundles({ size, pkg: main.pkg, keys: main.keys, dir: bundlesDir, now: NOW, onProgress: (n) => log(`  ${n} of ${size.experts}`) });
    log(`  ${exported.files} bundles, ${exported.marks} marks, ${mib(exported.bytes)} in ${ms(exported.perExpert.total)}`);
    let sample = null;
    if (o.sample > 0) {
      log(`real expert path: ${o.sample} experts, workspace → marks → submit …`);
      sample = realExportSample({ size, pkg: main.pkg, keys: main.keys, experts: spread(o.sample, size.experts), workDir: join(dir, 'sample'), bundlesDir, now: NOW });
    }
    const chair = await chairPhases(o, dir, bundlesDir, main.pkg);
    const expert = await expertPhases(o, dir);
    const measured: Measured = { ...chair, ...expert, exported, sample };
    const rows = rowsOf(measured);
    const sqlite = (new Database(':memory:').prepare('SELECT sqlite_version() AS v').get() as { v: string }).v;
    const box = machine(sqlite);
    const totalMs = now() - started;
    const header = [
      `JuryBox benchmark — ${new Date().toISOString()}`,
      `machine: ${box.cpu}, ${box.cores} cores, ${box.ramGiB} GiB RAM, ${box.platform}, Node ${box.node}, SQLite ${box.sqlite}`,
      `size: ${size.experts} experts, ${size.entries} entries, ${size.criteria} criteria, ${size.perEntry} experts per entry (${exported.marks} marks), ` +
        `${size.categories} categories, seed ${size.seed}; ${o.saves} saves; list of ${o.listEntries} entries`,
      `whole run ${ms(totalMs)}; load average (1 min) ${loadAtStart.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`,
    ];
    process.stdout.write(`${renderTable(rows, header)}\n`);
    if (o.json) writeFileSync(resolve(o.json), `${JSON.stringify({ machine: box, options: o, totalMs, load: { start: loadAtStart, end: loadavg()[0] }, rows, measured }, null, 2)}\n`);
    if (rows.some((r) => r.verdict === 'MISSED')) process.exitCode = 1;
  } finally {
    if (!o.keep) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
