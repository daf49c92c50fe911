import { AppError } from '../../../shared/errors.ts';
import type { FileKind } from '../../../shared/formats/dsse.ts';
import type { Params } from '../../../shared/i18n/index.ts';
import { judgeFor, settleVerdicts, type BundleStatus } from '../bundles/judge.ts';
import { readEnvelopeFile } from '../signing/envelope.ts';
import { packageFrom, type OpenedPackage } from './contest-package.ts';
import { enrolmentFrom } from './enrolment.ts';
import { openMerged } from '../chair/merge.ts';

/** The verdict on one file: what it is, who signed it, and, when not accepted, why. */
export interface Verdict {
  file: string;
  kind: FileKind | null;
  status: 'ok' | Exclude<BundleStatus, 'accepted'>;
  /** The signer's fingerprint, for comparing by phone. */
  signer: string | null;
  /** What identifies this file among its kind: a package's revision, an enrolment's expert, a bundle's expert and sequence. */
  details: Params;
  reason: { code: string; params: Params } | null;
}

const failed = (file: string, kind: FileKind | null, error: AppError): Verdict => ({
  file, kind, status: 'refused', signer: null, details: {}, reason: { code: error.code, params: error.params },
});

function verifyOne(file: string): Verdict {
  try {
    const envelope = readEnvelopeFile(file);
    if (envelope.kind === 'contest') {
      const pkg = packageFrom(envelope, file);
      return { file, kind: 'contest', status: 'ok', signer: pkg.fingerprint, details: { revision: pkg.payload.revision, contest: pkg.payload.contest.contest.title, roster: pkg.payload.roster.length }, reason: null };
    }
    if (envelope.kind === 'enrolment') {
      const opened = enrolmentFrom(envelope, file);
      return { file, kind: 'enrolment', status: 'ok', signer: opened.fingerprint, details: { expert: opened.enrolment.expertId, name: opened.enrolment.name }, reason: null };
    }
    if (envelope.kind === 'merged') {
      const merged = openMerged(file);
      return { file, kind: 'merged', status: 'ok', signer: merged.fingerprint, details: { bundles: merged.payload.bundles.length, revision: merged.payload.packages.at(-1)?.revision ?? 0, chair: merged.payload.chair.name }, reason: null };
    }
    // A bundle names no key of its own: only a contest's roster says who may sign it.
    return failed(file, 'result', new AppError('bundle.needsContest', { file }));
  } catch (error) {
    if (error instanceof AppError) return failed(file, null, error);
    throw error;
  }
}

/**
 * Verifies files that travel, whatever their kind. Packages and enrolments are checked on their own
 * (intact, signed by the key they name); result bundles against the given contest packages (every
 * revision their marks may refer to): roster, contest, revision, content, and, across the files,
 * sequence numbers. Verdicts come back in the order of `files`.
 */
export function verifyFiles(files: string[], packages: OpenedPackage[] = []): Verdict[] {
  const kinds = files.map((file) => {
    try {
      return readEnvelopeFile(file).kind;
    } catch {
      return null;
    }
  });
  const bundles = files.filter((_, i) => kinds[i] === 'result' && packages.length > 0);
  // Each bundle read when judged and only its count of marks kept, so a folder of them is never all in memory.
  const judge = judgeFor({ packages });
  const verdicts = bundles.map((file) => {
    const { verdict } = judge.judgeSource({ file, path: file });
    return { ...verdict, bundle: null, marks: verdict.bundle?.marks.length ?? 0 };
  });
  const judged = new Map(settleVerdicts(verdicts).map((v) => [v.file, v]));
  return files.map((file) => {
    const v = judged.get(file);
    if (!v) return verifyOne(file);
    return {
      file,
      kind: 'result',
      status: v.status === 'accepted' ? 'ok' : v.status,
      signer: v.signer,
      details: { expert: v.expertId ?? '', sequence: v.sequence ?? 0, revision: v.packageRevision ?? 0, marks: v.marks, draft: v.draft ? 1 : 0 },
      reason: v.reason,
    };
  });
}
