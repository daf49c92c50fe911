// One phase of the benchmark in a process of its own (see child.ts):
//   node test/bench/phase.ts <phase> <arguments as JSON> <result file>
// Writes { result, peakRssBytes } to the result file; peakRssBytes is this process's VmHWM at the end.
import { writeFileSync } from 'node:fs';
import type { PhaseName } from './child.ts';
import { importPhase } from './phases/import.ts';
import { rawPhase } from './phases/raw.ts';
import { coveragePhase, resultsPhase } from './phases/results.ts';
import { savePhase } from './phases/save.ts';
import { verifyPhase } from './phases/verify.ts';
import { peakRss } from './stats.ts';

const phases: Record<PhaseName, (args: never) => unknown> = {
  verify: verifyPhase,
  import: importPhase,
  results: resultsPhase,
  coverage: coveragePhase,
  raw: rawPhase,
  save: savePhase,
};

const [name, json, out] = process.argv.slice(2);
const phase = phases[name as PhaseName];
if (!phase || json === undefined || out === undefined) {
  process.stderr.write('usage: node test/bench/phase.ts <phase> <arguments as JSON> <result file>\n');
  process.exit(2);
}
const result = phase(JSON.parse(json) as never);
writeFileSync(out, JSON.stringify({ result, peakRssBytes: peakRss() }));
