import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../electron/services/app-data.ts';
import { createExpertWorkspace } from '../../electron/services/expert/packages.ts';
import { submit } from '../../electron/services/expert/submit.ts';
import type { OpenedPackage } from '../../electron/services/package/contest-package.ts';
import { writeEnvelope } from '../../electron/services/signing/envelope.ts';
import type { Ed25519Key } from '../../electron/services/signing/keys.ts';
import { criterionId, entriesByExpert, entryId, expertId, markModel, type BenchSize } from './synthetic.ts';
import { now, summarise, timed, type Summary } from './stats.ts';

const fileOf = (x: number): string => `${expertId(x)}.jbresult`;

/**
 * The payload submit() writes for an expert who marked every assigned entry: the same fields in
 * the same order (ResultBundle's), marks by entry and criterion position, so the bytes are the
 * ones the expert's app would sign (realExportSample checks that on a sample).
 */
function payloadOf(size: BenchSize, pkg: OpenedPackage, x: number, entries: readonly number[], value: (x: number, e: number, c: number) => number, createdAt: string) {
  const marks: { entryId: string; criterionId: string; value: number; comment: string }[] = [];
  for (const e of entries) for (let c = 0; c < size.criteria; c += 1) marks.push({ entryId: entryId(e), criterionId: criterionId(c), value: value(x, e, c), comment: '' });
  return {
    format: 'jurybox.result',
    version: 1,
    contestId: pkg.payload.contest.contest.id,
    package: { revision: pkg.payload.revision, digest: pkg.envelope.digest },
    expertId: expertId(x),
    sequence: 1,
    draft: false,
    createdAt,
    marks,
    entryComments: [],
    conflicts: [],
    abstentions: [],
  };
}

export interface ExportResult {
  files: number;
  marks: number;
  bytes: number;
  /** Per expert: the payload built, signed (writeEnvelope) and written (writeFileAtomic, flushed). */
  perExpert: Summary;
}

/** Every expert's signed result bundle, written into `dir` with the envelope writer the app uses. */
export function exportBundles(args: { size: BenchSize; pkg: OpenedPackage; keys: Ed25519Key[]; dir: string; now: string; onProgress?: (done: number) => void }): ExportResult {
  const { size, pkg, keys, dir } = args;
  mkdirSync(dir, { recursive: true });
  const model = markModel(size);
  const mine = entriesByExpert(size);
  const times: number[] = [];
  let bytes = 0;
  let marks = 0;
  mine.forEach((entries, x) => {
    const key = keys[x];
    if (!key || entries.length === 0) return;
    const start = now();
    const payload = payloadOf(size, pkg, x, entries, model.value, args.now);
    const path = join(dir, fileOf(x));
    const envelope = writeEnvelope('result', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`, 'utf8'), key, path);
    writeFileAtomic(path, envelope);
    times.push(now() - start);
    bytes += envelope.length;
    marks += payload.marks.length;
    if ((x + 1) % 100 === 0) args.onProgress?.(x + 1);
  });
  return { files: times.length, marks, bytes, perExpert: summarise(times) };
}

export interface RealExportSample {
  experts: string[];
  /** createExpertWorkspace from the package (the whole contest written into the expert's file). */
  workspace: Summary;
  /** Every mark of the expert through Workspace.setMark. */
  saves: Summary;
  /** submit(): what is missing checked, the payload read, signed, written and recorded. */
  submit: Summary;
  /** Whether each bundle submit() wrote is byte for byte the one exportBundles wrote. */
  identical: boolean;
}

/** The expert's own path on a few experts: workspace from the package, every mark saved, bundle submitted. */
export function realExportSample(args: { size: BenchSize; pkg: OpenedPackage; keys: Ed25519Key[]; experts: number[]; workDir: string; bundlesDir: string; now: string }): RealExportSample {
  const model = markModel(args.size);
  const mine = entriesByExpert(args.size);
  const created: number[] = [];
  const saves: number[] = [];
  const submitted: number[] = [];
  let identical = true;
  mkdirSync(args.workDir, { recursive: true });
  for (const x of args.experts) {
    const key = args.keys[x];
    if (!key) continue;
    const ws = timed(() => createExpertWorkspace(join(args.workDir, `${expertId(x)}.sqlite`), args.pkg, expertId(x), args.now));
    created.push(ws.ms);
    try {
      for (const e of mine[x] ?? []) {
        for (let c = 0; c < args.size.criteria; c += 1) {
          const start = now();
          ws.value.setMark({ entryId: entryId(e), criterionId: criterionId(c), value: model.value(x, e, c) });
          saves.push(now() - start);
        }
      }
      const path = join(args.workDir, fileOf(x));
      submitted.push(timed(() => submit(ws.value, key, { path, draft: false, now: args.now })).ms);
      identical &&= readFileSync(path).equals(readFileSync(join(args.bundlesDir, fileOf(x))));
    } finally {
      ws.value.close();
    }
  }
  return { experts: args.experts.map(expertId), workspace: summarise(created), saves: summarise(saves), submit: summarise(submitted), identical };
}
