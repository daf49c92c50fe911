import { AppError } from '../../../shared/errors.ts';
import type { ResultBundle } from '../../../shared/formats/payloads.ts';
import type { Params } from '../../../shared/i18n/index.ts';
import type { OpenedPackage } from '../package/contest-package.ts';
import { checkSignature, readEnvelope } from '../signing/envelope.ts';
import { fingerprintOf, keyIdOf, publicKeyFromBase64 } from '../signing/keys.ts';
import { parseResultBundle } from './payload.ts';
import { checkBundleContent, rulesOf } from './rules.ts';
import { bytesOf, type BundleSource } from './source.ts';

export type BundleStatus = 'accepted' | 'superseded' | 'duplicate' | 'refused';

/** What identifies a judged bundle and its verdict: all that judging many together needs. */
export interface VerdictCore {
  file: string;
  status: BundleStatus;
  expertId: string | null;
  sequence: number | null;
  draft: boolean;
  packageRevision: number | null;
  digest: string | null;
  signer: string | null;
  reason: { code: string; params: Params } | null;
}

/** The verdict on one result bundle, with what identifies it and, when not accepted, why. */
export interface BundleVerdict extends VerdictCore {
  bundle: ResultBundle | null;
}

/** The packages a contest's bundles are judged against (every revision the judge knows), and keys the chair confirmed. */
export interface JudgeContext {
  packages: OpenedPackage[];
  /** Keys not on any roster that the chair accepted after comparing fingerprints, by expert id. */
  confirmedKeys?: Map<string, string>;
}

interface Signer {
  expertId: string;
  publicKey: Buffer;
  fingerprint: string;
}

/** Every key that may sign a bundle: the rosters of all known revisions, and keys the chair confirmed. */
function signers(ctx: JudgeContext): Map<string, Signer> {
  const byKeyId = new Map<string, Signer>();
  const add = (expertId: string, b64: string) => {
    const publicKey = publicKeyFromBase64(b64);
    byKeyId.set(keyIdOf(publicKey), { expertId, publicKey, fingerprint: fingerprintOf(publicKey) });
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

/**
 * A judge for one context: the signer map and each revision's indexes are built once, then every
 * bundle is judged against them. The context must not change while the judge is in use.
 */
export class BundleJudge {
  readonly ctx: JudgeContext;
  private readonly byKeyId: Map<string, Signer>;

  constructor(ctx: JudgeContext) {
    this.ctx = ctx;
    this.byKeyId = signers(ctx);
  }

  /** Opens a bundle: the signer is found on a roster by keyid and the signature checked before the payload is read. */
  private open(bytes: Buffer, file: string) {
    const envelope = readEnvelope(bytes, file, 'result');
    const signer = this.byKeyId.get(envelope.keyid);
    if (!signer) throw new AppError('bundle.unknownKey', { file, keyid: envelope.keyid.slice(0, 16) });
    checkSignature(envelope, signer.publicKey, file);
    return { bundle: parseResultBundle(envelope, file), signer, digest: envelope.digest };
  }

  /** The bundle must name the expert whose key signed it, this contest, and a package revision the judge knows. */
  private checkBelongs(bundle: ResultBundle, signerExpert: string, file: string): void {
    const { packages } = this.ctx;
    if (bundle.expertId !== signerExpert) throw new AppError('bundle.otherExpertKey', { file, claimed: bundle.expertId, signer: signerExpert });
    if (bundle.contestId !== packages[0]?.payload.contest.contest.id) throw new AppError('bundle.otherContest', { file, contest: bundle.contestId });
    const pkg = packages.find((p) => p.envelope.digest === bundle.package.digest && p.payload.revision === bundle.package.revision);
    if (!pkg) throw new AppError('bundle.unknownPackage', { file, revision: bundle.package.revision });
    checkBundleContent(bundle, rulesOf(pkg.payload.contest), file);
  }

  /** Judges one bundle on its own: opened as above, then every rule of product.md §5 that one file can break. */
  judge(bytes: Buffer, file: string): BundleVerdict {
    let opened;
    try {
      opened = this.open(bytes, file);
    } catch (error) {
      if (error instanceof AppError) return refused(file, error);
      throw error;
    }
    const { bundle, signer, digest } = opened;
    const who = { expertId: bundle.expertId, sequence: bundle.sequence, draft: bundle.draft, packageRevision: bundle.package.revision, digest, signer: signer.fingerprint, bundle };
    try {
      this.checkBelongs(bundle, signer.expertId, file);
    } catch (error) {
      if (error instanceof AppError) return refused(file, error, who);
      throw error;
    }
    return { file, status: 'accepted', ...who, reason: null };
  }

  /** Judges a source: read (a path with its size checked first) and judged; a file that cannot be read is refused. */
  judgeSource(source: BundleSource): { verdict: BundleVerdict; bytes: Buffer | null } {
    let bytes: Buffer;
    try {
      bytes = bytesOf(source);
    } catch (error) {
      if (error instanceof AppError) return { verdict: refused(source.file, error), bytes: null };
      throw error;
    }
    return { verdict: this.judge(bytes, source.file), bytes };
  }
}

// Callers that judge file after file with one context (the verify CLI, the bench) share its judge.
const judges = new WeakMap<JudgeContext, { judge: BundleJudge; packages: OpenedPackage[]; count: number; confirmed: Map<string, string> | undefined; size: number }>();

/** The judge of `ctx`, built again when its packages or confirmed keys were changed since. */
export function judgeFor(ctx: JudgeContext): BundleJudge {
  const kept = judges.get(ctx);
  if (kept && kept.packages === ctx.packages && kept.count === ctx.packages.length && kept.confirmed === ctx.confirmedKeys && kept.size === (ctx.confirmedKeys?.size ?? 0)) return kept.judge;
  const judge = new BundleJudge(ctx);
  judges.set(ctx, { judge, packages: ctx.packages, count: ctx.packages.length, confirmed: ctx.confirmedKeys, size: ctx.confirmedKeys?.size ?? 0 });
  return judge;
}

/** Judges one bundle on its own: opened as above, then every rule of product.md §5 that one file can break. */
export function judgeBundle(ctx: JudgeContext, bytes: Buffer, file: string): BundleVerdict {
  return judgeFor(ctx).judge(bytes, file);
}

/**
 * Settles verdicts judged one by one against each other and what is already held (expert →
 * sequence and digest): per expert the highest sequence stands and lower ones are superseded; one
 * lower than the held one is a rollback; the same sequence with other bytes is equivocation (both
 * refused); the same bytes twice is a duplicate. The outcome does not depend on the order of the
 * verdicts. Changes the verdicts in place and returns them.
 */
export function settleVerdicts<V extends VerdictCore>(verdicts: V[], held: Map<string, { sequence: number; digest: string }> = new Map()): V[] {
  const byExpert = new Map<string, V[]>();
  for (const v of verdicts) {
    if (v.status !== 'accepted' || !v.expertId) continue;
    const group = byExpert.get(v.expertId);
    if (group) group.push(v);
    else byExpert.set(v.expertId, [v]);
  }
  const refuse = (v: V, error: AppError) => Object.assign(v, { status: 'refused', reason: { code: error.code, params: error.params } });
  for (const [expertId, group] of byExpert) {
    const kept = held.get(expertId);
    const all = [...group, ...(kept ? [{ sequence: kept.sequence, digest: kept.digest, held: true }] : [])];
    for (const v of group) {
      const sequence = v.sequence ?? 0;
      const rivals = all.filter((o) => o !== v && o.sequence === sequence);
      if (rivals.some((o) => o.digest !== v.digest)) {
        refuse(v, new AppError('bundle.equivocation', { file: v.file, expert: expertId, sequence }));
      } else if (kept && sequence < kept.sequence) {
        refuse(v, new AppError('bundle.rollback', { file: v.file, expert: expertId, sequence, held: kept.sequence }));
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

/** Judges many bundles together, and against what is already held: each on its own, then settled (settleVerdicts). */
export function judgeBundles(ctx: JudgeContext, files: BundleSource[], held: Map<string, { sequence: number; digest: string }> = new Map()): BundleVerdict[] {
  const judge = judgeFor(ctx);
  return settleVerdicts(files.map((f) => judge.judgeSource(f).verdict), held);
}
