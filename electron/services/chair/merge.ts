import { createHash } from 'node:crypto';
import { groupTitle } from '../../../shared/domain/chair.ts';
import { AppError } from '../../../shared/errors.ts';
import { checkNewFile } from '../user-files.ts';
import type { MessageKey, Params } from '../../../shared/i18n/index.ts';
import { MergedResults, summaryOf, type CategoryResult, type ResultBundle } from '../../../shared/formats/payloads.ts';
import { writeFileAtomic } from '../app-data.ts';
import { judgeBundles, type BundleVerdict } from '../bundles/judge.ts';
import type { BundleSource } from '../bundles/source.ts';
import type { OpenedPackage } from '../package/contest-package.ts';
import { checkSignature, parsePayload, peekPublicKey, readEnvelope, readEnvelopeFile, writeEnvelope } from '../signing/envelope.ts';
import { fingerprintOf, publicKeyToBase64, type Ed25519Key } from '../signing/keys.ts';
import { asFormat1, computeResults, settledResults, type StandingMark, type Tie } from './results.ts';

/** What merged results are made of: the packages held, the bundles that stand, keys confirmed, tie decisions. */
export interface MergeSources {
  packages: OpenedPackage[];
  bundles: { expertId: string; sequence: number; digest: string; draft: boolean; marks: ResultBundle['marks'] }[];
  confirmedKeys: Map<string, string>;
  ties: Tie[];
}

const byId = (a: { expertId: string }, b: { expertId: string }) => (a.expertId < b.expertId ? -1 : a.expertId > b.expertId ? 1 : 0);

/** The marks that count: those of the bundles that stand and are not drafts. */
export function standingMarks(bundles: MergeSources['bundles']): StandingMark[] {
  return bundles.filter((b) => !b.draft).flatMap((b) => b.marks.map((m) => ({ expertId: b.expertId, entryId: m.entryId, criterionId: m.criterionId, value: m.value })));
}

/**
 * The payload of merged results (unsigned): every input named by digest, and the rankings they give
 * (`results`, when the caller has computed them from the same sources already).
 */
export function mergedPayload(sources: MergeSources, chair: { name: string; publicKey: Buffer }, now: string, results?: CategoryResult[]): MergedResults {
  const last = sources.packages.at(-1);
  if (!last) throw new AppError('workspace.noContest', { path: '' });
  return MergedResults.parse({
    format: 'jurybox.merged',
    version: 2,
    contestId: last.payload.contest.contest.id,
    contest: summaryOf(last.payload.contest),
    packages: sources.packages.map((p) => ({ revision: p.payload.revision, digest: p.envelope.digest })),
    chair: { name: chair.name, publicKey: publicKeyToBase64(chair.publicKey) },
    createdAt: now,
    bundles: [...sources.bundles].sort(byId).map((b) => ({ expertId: b.expertId, sequence: b.sequence, digest: b.digest, draft: b.draft })),
    confirmedKeys: [...sources.confirmedKeys].sort(([a], [b]) => (a < b ? -1 : 1)).map(([expertId, publicKey]) => ({ expertId, publicKey })),
    ties: sources.ties.map((t) => ({ nominationId: t.nominationId, categoryId: t.categoryId, entryIds: t.entryIds, reason: t.reason })),
    results: results ?? computeResults(last.payload.contest, standingMarks(sources.bundles), sources.ties),
  });
}

/** Signs merged results with the chair's key and writes them to `path` (never over an existing file). */
export function writeMerged(payload: MergedResults, key: Ed25519Key, path: string): { path: string; digest: string; fingerprint: string; bytes: Buffer } {
  checkNewFile(path);
  const bytes = writeEnvelope('merged', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`, 'utf8'), key, path);
  writeFileAtomic(path, bytes);
  return { path, digest: createHash('sha256').update(bytes).digest('hex'), fingerprint: fingerprintOf(key.publicKey), bytes };
}

export interface OpenedMerged {
  payload: MergedResults;
  /** The fingerprint of the chair key that signed them. */
  fingerprint: string;
  /** SHA-256 of the file. */
  digest: string;
}

/** Opens merged results: intact and signed by the chair key they name (whose fingerprint says whose it is). */
export function openMerged(path: string, bytes?: Buffer): OpenedMerged {
  const envelope = bytes ? readEnvelope(bytes, path, 'merged') : readEnvelopeFile(path, 'merged');
  const key = peekPublicKey(envelope, ['chair', 'publicKey'], path);
  checkSignature(envelope, key, path);
  return { payload: parsePayload(envelope, MergedResults, path), fingerprint: fingerprintOf(key), digest: envelope.digest };
}

/** The bundles that stand among `files`, judged against the packages (and keys the merged results confirmed). */
export function standingFromFiles(packages: OpenedPackage[], files: BundleSource[], confirmedKeys: Map<string, string> = new Map()): { verdicts: BundleVerdict[]; bundles: MergeSources['bundles'] } {
  const verdicts = judgeBundles({ packages, confirmedKeys }, files);
  const bundles = verdicts
    .filter((v) => v.status === 'accepted' && v.bundle)
    .map((v) => ({ expertId: v.expertId ?? '', sequence: v.sequence ?? 0, digest: v.digest ?? '', draft: v.draft, marks: v.bundle?.marks ?? [] }));
  return { verdicts, bundles };
}

export interface Recomputation {
  identical: boolean;
  /** What differs: missing or extra bundles, another package, other results; each a message with its parameters. */
  differences: { key: MessageKey; params: Params }[];
}

const short = (digest: string) => digest.slice(0, 12);

/**
 * Whether results format 1 would have recorded this decision: the app then signed every decision
 * whose entries all hold a place the chair's order set, so one overtaken by the decision on a larger
 * tie of the same entries (A, B decided, then C tied with them and A, B, C decided) stands there
 * beside it, settling nothing and changing nothing.
 */
function recordedByFormat1(decision: Tie | undefined, results: readonly CategoryResult[]): boolean {
  const group = results.find((r) => r.nominationId === decision?.nominationId && r.categoryId === decision?.categoryId);
  return decision !== undefined && group !== undefined && decision.entryIds.every((id) => group.ranked.some((r) => r.entryId === id && r.decidedBy === 'chair'));
}

/**
 * Recomputes merged results from their inputs: the same packages and bundle files must give the
 * same set of standing bundles and, with the recorded tie decisions, exactly the same results; each
 * recorded decision must settle a tie the ranking leaves open without it (settleTies).
 */
export function recompute(merged: MergedResults, packages: OpenedPackage[], files: BundleSource[]): Recomputation {
  const differences: Recomputation['differences'] = [];
  const have = new Map(packages.map((p) => [p.envelope.digest, p]));
  const held: OpenedPackage[] = [];
  for (const p of merged.packages) {
    const found = have.get(p.digest);
    if (found) held.push(found);
    else differences.push({ key: 'recompute.diff.package', params: { revision: p.revision, digest: short(p.digest) } });
  }
  const last = held.at(-1);
  if (differences.length > 0 || !last) return { identical: false, differences };
  const confirmed = new Map(merged.confirmedKeys.map((k) => [k.expertId, k.publicKey]));
  const { bundles } = standingFromFiles(held, files, confirmed);
  const got = new Set(bundles.map((b) => b.digest));
  const want = new Set(merged.bundles.map((b) => b.digest));
  const named = (b: { expertId: string; sequence: number; digest: string }) => ({ expert: b.expertId, sequence: b.sequence, digest: short(b.digest) });
  for (const b of merged.bundles) if (!got.has(b.digest)) differences.push({ key: 'recompute.diff.missing', params: named(b) });
  for (const b of bundles) if (!want.has(b.digest)) differences.push({ key: 'recompute.diff.extra', params: named(b) });
  if (differences.length > 0) return { identical: false, differences };
  const contest = last.payload.contest;
  if (JSON.stringify(summaryOf(contest)) !== JSON.stringify(merged.contest)) differences.push({ key: 'recompute.diff.contest', params: { revision: last.payload.revision } });
  const { results, problems } = settledResults(contest, standingMarks(bundles), merged.ties);
  for (const p of problems) if (!(merged.version === 1 && recordedByFormat1(merged.ties[p.index], results))) differences.push({ key: p.key, params: p.params });
  // A file of results format 1 is compared without the fields that format did not have.
  const expected = merged.version === 1 ? results.map(asFormat1) : results;
  expected.forEach((r, i) => {
    if (JSON.stringify(r) !== JSON.stringify(merged.results[i])) differences.push({ key: 'recompute.diff.results', params: { group: groupTitle(contest, r.nominationId, r.categoryId) } });
  });
  if (merged.version === 1 && differences.some((d) => d.key === 'recompute.diff.results')) differences.push({ key: 'recompute.diff.format1', params: {} });
  if (results.length !== merged.results.length) differences.push({ key: 'recompute.diff.groups', params: {} });
  return { identical: differences.length === 0, differences };
}
