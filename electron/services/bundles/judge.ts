import { AppError } from '../../../shared/errors.ts';
import { ResultBundle } from '../../../shared/formats/payloads.ts';
import type { Params } from '../../../shared/i18n/index.ts';
import type { OpenedPackage } from '../package/contest-package.ts';
import { checkSignature, parsePayload, readEnvelope } from '../signing/envelope.ts';
import { fingerprintOf, keyIdOf, publicKeyFromBase64 } from '../signing/keys.ts';
import { checkBundleContent } from './rules.ts';

export type BundleStatus = 'accepted' | 'superseded' | 'duplicate' | 'refused';

/** The verdict on one result bundle, with what identifies it and, when not accepted, why. */
export interface BundleVerdict {
  file: string;
  status: BundleStatus;
  expertId: string | null;
  sequence: number | null;
  draft: boolean;
  packageRevision: number | null;
  digest: string | null;
  signer: string | null;
  reason: { code: string; params: Params } | null;
  bundle: ResultBundle | null;
}

/** The packages a contest's bundles are judged against (every revision the judge knows), and keys the chair confirmed. */
export interface JudgeContext {
  packages: OpenedPackage[];
  /** Keys not on any roster that the chair accepted after comparing fingerprints, by expert id. */
  confirmedKeys?: Map<string, string>;
}

/** Every key that may sign a bundle: the rosters of all known revisions, and keys the chair confirmed. */
function signers(ctx: JudgeContext): Map<string, { expertId: string; publicKey: Buffer }> {
  const byKeyId = new Map<string, { expertId: string; publicKey: Buffer }>();
  const add = (expertId: string, b64: string) => {
    const publicKey = publicKeyFromBase64(b64);
    byKeyId.set(keyIdOf(publicKey), { expertId, publicKey });
  };
  for (const pkg of ctx.packages) for (const r of pkg.payload.roster) add(r.expertId, r.publicKey);
  for (const [expertId, key] of ctx.confirmedKeys ?? []) add(expertId, key);
  return byKeyId;
}

/** A refusal keeps what is known of the bundle (who, which sequence) but is always a refusal. */
const refused = (file: string, error: AppError, partial: Partial<BundleVerdict> = {}): BundleVerdict => ({
  file, expertId: null, sequence: null, draft: false, packageRevision: null, digest: null, signer: null, bundle: null,
  ...partial,
  status: 'refused',
  reason: { code: error.code, params: error.params },
});

/** Opens a bundle: the signer is found on a roster by keyid and the signature checked before the payload is read. */
function openBundle(ctx: JudgeContext, bytes: Buffer, file: string) {
  const envelope = readEnvelope(bytes, file, 'result');
  const signer = signers(ctx).get(envelope.keyid);
  if (!signer) throw new AppError('bundle.unknownKey', { file, keyid: envelope.keyid.slice(0, 16) });
  checkSignature(envelope, signer.publicKey, file);
  return { bundle: parsePayload(envelope, ResultBundle, file), signer, digest: envelope.digest };
}

/** The bundle must name the expert whose key signed it, this contest, and a package revision the judge knows. */
function checkBelongs(ctx: JudgeContext, bundle: ResultBundle, signerExpert: string, file: string): void {
  if (bundle.expertId !== signerExpert) throw new AppError('bundle.otherExpertKey', { file, claimed: bundle.expertId, signer: signerExpert });
  if (bundle.contestId !== ctx.packages[0]?.payload.contest.contest.id) throw new AppError('bundle.otherContest', { file, contest: bundle.contestId });
  const pkg = ctx.packages.find((p) => p.envelope.digest === bundle.package.digest && p.payload.revision === bundle.package.revision);
  if (!pkg) throw new AppError('bundle.unknownPackage', { file, revision: bundle.package.revision });
  checkBundleContent(bundle, pkg.payload.contest, file);
}

/** Judges one bundle on its own: opened as above, then every rule of product.md §5 that one file can break. */
export function judgeBundle(ctx: JudgeContext, bytes: Buffer, file: string): BundleVerdict {
  let opened;
  try {
    opened = openBundle(ctx, bytes, file);
  } catch (error) {
    if (error instanceof AppError) return refused(file, error);
    throw error;
  }
  const { bundle, signer, digest } = opened;
  const who = { expertId: bundle.expertId, sequence: bundle.sequence, draft: bundle.draft, packageRevision: bundle.package.revision, digest, signer: fingerprintOf(signer.publicKey), bundle };
  try {
    checkBelongs(ctx, bundle, signer.expertId, file);
  } catch (error) {
    if (error instanceof AppError) return refused(file, error, who);
    throw error;
  }
  return { file, status: 'accepted', ...who, reason: null };
}

/**
 * Judges many bundles together, and against what is already held (expert → sequence and digest):
 * per expert the highest sequence stands and lower ones are superseded; one lower than the held one
 * is a rollback; the same sequence with other bytes is equivocation (both refused); the same bytes
 * twice is a duplicate. The verdicts do not depend on the order of the files.
 */
export function judgeBundles(ctx: JudgeContext, files: { file: string; bytes: Buffer }[], held: Map<string, { sequence: number; digest: string }> = new Map()): BundleVerdict[] {
  const verdicts = files.map((f) => judgeBundle(ctx, f.bytes, f.file));
  const byExpert = new Map<string, BundleVerdict[]>();
  for (const v of verdicts) if (v.status === 'accepted' && v.expertId) byExpert.set(v.expertId, [...(byExpert.get(v.expertId) ?? []), v]);
  for (const [expertId, group] of byExpert) {
    const kept = held.get(expertId);
    const all = [...group, ...(kept ? [{ sequence: kept.sequence, digest: kept.digest, held: true }] : [])];
    for (const v of group) {
      const sequence = v.sequence ?? 0;
      const rivals = all.filter((o) => o !== v && o.sequence === sequence);
      if (rivals.some((o) => o.digest !== v.digest)) {
        Object.assign(v, refused(v.file, new AppError('bundle.equivocation', { file: v.file, expert: expertId, sequence }), v));
      } else if (kept && sequence < kept.sequence) {
        Object.assign(v, refused(v.file, new AppError('bundle.rollback', { file: v.file, expert: expertId, sequence, held: kept.sequence }), v));
      } else if (rivals.length > 0) {
        // The same file twice: the held copy, or the first by name, is the one that stands.
        const first = kept?.sequence === sequence || group.filter((o) => o.sequence === sequence).sort((a, b) => a.file.localeCompare(b.file))[0] !== v;
        if (first) Object.assign(v, { status: 'duplicate' });
      }
    }
    const standing = group.filter((v) => v.status === 'accepted');
    const top = Math.max(...standing.map((v) => v.sequence ?? 0), kept?.sequence ?? 0);
    for (const v of standing) if ((v.sequence ?? 0) < top) Object.assign(v, { status: 'superseded' });
  }
  return verdicts;
}
