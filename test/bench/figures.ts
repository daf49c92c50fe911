import type { BrowserResult, Work } from './browser.ts';
import type { ExportResult, RealExportSample } from './bundles.ts';
import type { PhaseRun } from './child.ts';
import type { ImportResult } from './phases/import.ts';
import type { RawResult } from './phases/raw.ts';
import type { ResultsResult } from './phases/results.ts';
import type { SaveResult } from './phases/save.ts';
import type { VerifyResult } from './phases/verify.ts';
import { info, mib, ms, target, type Row } from './report.ts';

/** Everything one run measured; any part may be missing when it failed or was skipped. */
export interface Measured {
  save: PhaseRun<SaveResult>;
  exported: ExportResult;
  sample: RealExportSample | null;
  verify: PhaseRun<VerifyResult>;
  import: PhaseRun<ImportResult>;
  /** The import of the first quarter of the bundles, for the growth of memory with their number. */
  importPart: PhaseRun<ImportResult> | null;
  results: PhaseRun<ResultsResult>;
  coverage: PhaseRun<{ cells: number; ms: number }>;
  raw: PhaseRun<RawResult>;
  browser: BrowserResult | { error: string } | null;
}

const GiB = 1024 ** 3;
const failed = (figure: string, run: { ok: false; error: string }): Row => ({ figure, value: `failed: ${run.error}`, target: '', verdict: 'MISSED', raw: null });
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] ?? Number.NaN;

function saveRows(save: Measured['save']): Row[] {
  if (!save.ok) return [failed('single-mark save (Workspace.setMark)', save)];
  const s = save.result;
  const mode = `synchronous=${s.synchronous === 2 ? 'FULL' : s.synchronous}, ${s.journalMode}`;
  return [
    info(`single-mark save p50 (setMark, ${mode}, ${s.saves} saves)`, ms(s.latency.p50), s.latency.p50),
    target('single-mark save p99', ms(s.latency.p99), s.latency.p99, 10, '< 10 ms'),
    info('single-mark save max', ms(s.latency.max), s.latency.max),
    info(`expert reads, ${s.assigned} entries assigned: myEntries / overview / entry`, `${ms(s.myEntriesMs)} / ${ms(s.overviewMs)} / ${ms(s.entryMs)}`, s.entryMs),
  ];
}

function exportRows(m: Measured): Row[] {
  const e = m.exported;
  const rows = [info(`bundle export per expert (payload, sign, write; ${e.files} files, ${mib(e.bytes)}) mean / p99`, `${ms(e.perExpert.mean)} / ${ms(e.perExpert.p99)}`, e.perExpert.mean)];
  if (m.sample) {
    const s = m.sample;
    rows.push(info(`  real expert path, submit() (${s.experts.length} experts; bytes identical: ${s.identical ? 'yes' : 'NO'})`, ms(s.submit.mean), s.submit.mean));
    rows.push(info('  real expert path, workspace from the package', ms(s.workspace.mean), s.workspace.mean));
  }
  if (!m.verify.ok) return [...rows, failed('verify per bundle', m.verify)];
  const v = m.verify.result;
  rows.push(info(`verify per bundle (judgeBundle, streamed; ${v.accepted}/${v.bundles} accepted) p50 / p99`, `${ms(v.perBundle.p50)} / ${ms(v.perBundle.p99)}`, v.perBundle.p50));
  rows.push(info('  verify, all bundles one by one: total / peak RSS', `${ms(v.perBundle.total)} / ${mib(m.verify.peakRssBytes)}`, v.perBundle.total));
  return rows;
}

function mergeRows(m: Measured): Row[] {
  if (!m.import.ok) return [failed('import, verify and merge', m.import)];
  const i = m.import.result;
  const rows = [
    target(`import+verify+merge (importBundles; ${i.accepted}/${i.bundles} bundles, ${i.marksStored} marks) wall`, ms(i.wallMs), i.wallMs, 20_000, '< 20 s'),
    info('  of which reading the files', ms(i.readMs), i.readMs),
    target('  peak RSS of the import process', mib(m.import.peakRssBytes), m.import.peakRssBytes, GiB, '< 1 GiB'),
  ];
  if (m.importPart?.ok) {
    const p = m.importPart;
    const perHundred = ((m.import.peakRssBytes - p.peakRssBytes) / (i.bundles - p.result.bundles)) * 100;
    rows.push(info(`  peak RSS importing ${p.result.bundles} bundles instead (wall ${ms(p.result.wallMs)})`, mib(p.peakRssBytes), p.peakRssBytes));
    // Bounded: what more bundles add stays within a tenth of the smaller import's peak.
    const limit = (p.peakRssBytes * 0.1 * 100) / Math.max(1, i.bundles - p.result.bundles);
    rows.push(target('  peak RSS growth per 100 more bundles', mib(perHundred), perHundred, limit, `bounded: ≤ ${mib(limit)}`, true));
  }
  if (!m.raw.ok) return [...rows, failed('raw insert', m.raw)];
  const r = m.raw.result;
  rows.push(info(`raw insert, same ${r.rows} rows, one transaction`, ms(r.insertMs), r.insertMs));
  const ratio = i.wallMs / r.insertMs;
  rows.push(target('ratio merge / raw', `${ratio.toFixed(1)}×`, ratio, 2, '≤ 2×', true));
  return rows;
}

function resultRows(m: Measured): Row[] {
  if (!m.results.ok) return [failed('ranking and statistics', m.results)];
  const r = m.results.result;
  const rows = [
    info('results: marks read back (chairSources)', ms(r.sourcesMs), r.sourcesMs),
    info(`ranking, ${r.groups} groups (rankCategory)`, ms(r.rankingMs), r.rankingMs),
    info('statistics of the signed results (W, ICC, disagreement, outliers)', ms(r.statisticsMs), r.statisticsMs),
    info('  statistics screen extras (severity, method sensitivity)', ms(r.screenStatisticsMs), r.screenStatisticsMs),
    info('computeResults (ranking + statistics, as signed)', ms(r.computeResultsMs), r.computeResultsMs),
    info('chair results screen (resultsView)', ms(r.resultsViewMs), r.resultsViewMs),
    info('chair statistics screen, one group (groupStatistics)', ms(r.groupStatisticsMs), r.groupStatisticsMs),
  ];
  const c = m.coverage;
  rows.push(c.ok ? info(`chair coverage matrix, one group (${c.result.cells} cells)`, ms(c.result.ms), c.result.ms) : info('chair coverage matrix, one group', c.timedOut ? `> ${ms(c.wallMs)} (stopped)` : `failed: ${c.error}`));
  return rows;
}

const workOf = (w: Work | undefined, per = 1): string => (w ? `${ms(w.script / per)} / ${ms(w.style / per)} / ${ms(w.layout / per)}` : '');

function browserRows(b: Measured['browser']): Row[] {
  if (b === null) return [];
  if ('error' in b) return [{ figure: 'Chromium', value: `failed: ${b.error}`, target: '', verdict: 'MISSED', raw: null }];
  const first = b.entriesList[0];
  const mine = b.mineList[0];
  const api = (r: { api: { channel: string; end: number }[] } | undefined, channel: string) => r?.api.find((a) => a.channel === channel)?.end ?? Number.NaN;
  const reloaded = median(b.entriesListReload.map((r) => r.paintedMs));
  return [
    target(`list first render, ${b.entries} entries, the first 100 shown (route change → painted)`, ms(first?.paintedMs ?? Number.NaN), first?.paintedMs ?? Number.NaN, 200, '< 200 ms'),
    info('  of which the scoring:entries call answered', ms(api(first, 'scoring:entries')), api(first, 'scoring:entries')),
    info('  main thread: script / style / layout', workOf(first?.work), first?.work?.layout ?? null),
    info('  again, median of 3', ms(median(b.entriesList.map((r) => r.paintedMs))), median(b.entriesList.map((r) => r.paintedMs))),
    // Opened at its address, the time includes Chromium starting the tab and loading the app: reported, not held to the list's target.
    info('  the address opened in a fresh browser profile (navigation start → painted)', ms(b.entriesListFirst.paintedMs), b.entriesListFirst.paintedMs),
    info('    of which the app\'s files fetched / the scoring:entries call answered', `${ms(b.entriesListFirst.scriptsMs ?? Number.NaN)} / ${ms(api(b.entriesListFirst, 'scoring:entries'))}`, b.entriesListFirst.scriptsMs ?? null),
    info('  in a new tab, the app\'s files cached / that tab reloaded, median of 3', `${ms(b.entriesListTab.paintedMs)} / ${ms(reloaded)}`, reloaded),
    target(`search list first render (${b.entries} loaded, the first 100 matches shown)`, ms(mine?.paintedMs ?? Number.NaN), mine?.paintedMs ?? Number.NaN, 200, '< 200 ms'),
    info('  of which the scoring:mine call answered', ms(api(mine, 'scoring:mine')), api(mine, 'scoring:mine')),
    info(`filter keystroke p50 (${b.keystrokes.count} keys, keydown → next frame)`, ms(b.keystrokes.p50), b.keystrokes.p50),
    target('filter keystroke, slowest', ms(b.keystrokes.max), b.keystrokes.max, 50, '< 50 ms'),
    info('  main thread per keystroke: script / style / layout', workOf(b.keystrokeWork, b.keystrokes.count), b.keystrokeWork.script / b.keystrokes.count),
  ];
}

export function rowsOf(m: Measured): Row[] {
  return [...saveRows(m.save), ...exportRows(m), ...mergeRows(m), ...resultRows(m), ...browserRows(m.browser)];
}
