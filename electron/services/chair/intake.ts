import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import { BundleJudge, settleVerdicts, type BundleVerdict, type JudgeContext } from '../bundles/judge.ts';
import { JudgeAhead } from '../bundles/judge-ahead.ts';
import { rowsOf } from '../bundles/rows.ts';
import type { BundleSource } from '../bundles/source.ts';
import { openPackage } from '../package/contest-package.ts';
import { openEnrolment } from '../package/enrolment.ts';
import { publicKeyToBase64 } from '../signing/keys.ts';
import { audit } from './audit.ts';
import { IntakeStore } from './intake-store.ts';

/** The package files the chair holds (every revision, as stored) and the keys the chair confirmed by fingerprint. */
function heldInputs(db: Db): { packages: { revision: number; envelope: Buffer }[]; confirmedKeys: Map<string, string> } {
  const packages = db.prepare('SELECT revision, envelope FROM packages ORDER BY revision').all() as { revision: number; envelope: Buffer }[];
  const confirmedKeys = new Map((db.prepare('SELECT expert_id, public_key FROM confirmed_keys').all() as { expert_id: string; public_key: string }[]).map((r) => [r.expert_id, r.public_key]));
  return { packages, confirmedKeys };
}

/** Every package revision the chair holds, and the keys the chair confirmed by fingerprint. */
export function judgeContext(db: Db): JudgeContext {
  const { packages, confirmedKeys } = heldInputs(db);
  return { packages: packages.map((r) => openPackage(`revision ${r.revision}`, r.envelope)), confirmedKeys };
}

/** The bundle that stands for each expert: its sequence and digest. */
export function heldBundles(db: Db): Map<string, { sequence: number; digest: string }> {
  return new Map((db.prepare("SELECT expert_id, sequence, digest FROM bundles WHERE status = 'current'").all() as { expert_id: string; sequence: number; digest: string }[]).map((r) => [r.expert_id, { sequence: r.sequence, digest: r.digest }]));
}

/** Below this many files, starting a judging thread costs more than it saves. */
const THREAD_FROM = 32;

export interface ImportOptions {
  /** Judge on a second thread while storing ('auto': for many files given by path). */
  thread?: 'auto' | 'always' | 'never';
}

/** A judging thread for the import when it pays (many files, all by path), or null. */
function judgeAhead(db: Db, files: BundleSource[], thread: ImportOptions['thread']): JudgeAhead | null {
  const paths = files.filter((f) => 'path' in f);
  if (thread === 'never' || paths.length < files.length || (thread !== 'always' && paths.length < THREAD_FROM)) return null;
  const { packages, confirmedKeys } = heldInputs(db);
  return JudgeAhead.start({ packages, confirmedKeys: [...confirmedKeys] }, paths);
}

/**
 * Takes in result bundles: each is judged (see judgeBundles) against every revision held, the keys
 * confirmed, and the bundles already held; the ones that stand replace the expert's earlier one,
 * lower ones are kept as superseded, refused ones are not kept. All of it in one transaction, and
 * every verdict in the audit log. Returns the verdicts in the order of `files`.
 *
 * Files are read, judged and stored one at a time (IntakeStore), so memory does not grow with their
 * number: give paths, and no file is kept. A verdict keeps its parsed bundle only when the file was
 * given as bytes (the caller holds those anyway). Many files given by path are judged on a second
 * thread, a few ahead of the storing (JudgeAhead), with the same verdicts.
 */
export function importBundles(db: Db, files: BundleSource[], now: string, options: ImportOptions = {}): BundleVerdict[] {
  const held = heldBundles(db);
  const ahead = judgeAhead(db, files, options.thread ?? 'auto');
  let judge: BundleJudge | null = null;
  try {
    return db.transaction(() => {
      const store = new IntakeStore(db, now, held);
      const verdicts: BundleVerdict[] = files.map((source, index) => {
        if (ahead) {
          const { verdict, rows, bytes } = ahead.take(index);
          if (!verdict) throw new Error(`no verdict for ${source.file}`);
          if (bytes) store.take(verdict, rows, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), source);
          return { ...verdict, bundle: null };
        }
        judge ??= new BundleJudge(judgeContext(db));
        const { verdict, bytes } = judge.judgeSource(source);
        if (bytes) store.take(verdict, verdict.bundle && rowsOf(verdict.bundle), bytes, source);
        return 'path' in source ? { ...verdict, bundle: null } : verdict;
      });
      settleVerdicts(verdicts, held);
      store.settle(verdicts);
      for (const v of verdicts) {
        const detail = { file: v.file, sequence: v.sequence, digest: v.digest, draft: v.draft, revision: v.packageRevision, reason: v.reason };
        audit(db, now, `bundle.${v.status}`, v.expertId ?? v.file, detail);
      }
      return verdicts;
    })();
  } finally {
    ahead?.close();
  }
}

export interface KeyCheck {
  expertId: string;
  name: string;
  fingerprint: string;
  /** 'roster': already on the package's roster; 'confirmed': accepted by the chair before; 'new': needs confirming. */
  status: 'roster' | 'confirmed' | 'new';
}

/** An expert's enrolment handed to the chair (the expert's key is missing from the roster). */
export function checkKey(db: Db, bytes: Buffer, file: string): KeyCheck {
  const opened = openEnrolment(bytes, file);
  const { enrolment } = opened;
  const ctx = judgeContext(db);
  const contest = ctx.packages.at(-1)?.payload.contest;
  if (!contest || enrolment.contestId !== contest.contest.id) throw new AppError('enrol.otherContest', { file, contest: enrolment.contestId });
  const expert = contest.experts.find((x) => x.id === enrolment.expertId);
  if (!expert) throw new AppError('enrol.unknownExpert', { file, expertId: enrolment.expertId });
  // As the organiser's app does: one key, one expert, and never the organiser's (judge.ts finds a
  // bundle's signer by key; a key held for two experts would let one sign as the other).
  const owner = ctx.packages.flatMap((p) => p.payload.roster).find((r) => r.publicKey === enrolment.publicKey)?.expertId
    ?? [...(ctx.confirmedKeys ?? [])].find(([, key]) => key === enrolment.publicKey)?.[0];
  if (owner !== undefined && owner !== expert.id) throw new AppError('enrol.keyTaken', { file, expertId: owner });
  if (ctx.packages.some((p) => publicKeyToBase64(p.organiserKey) === enrolment.publicKey)) throw new AppError('enrol.organiserKey', { file });
  const onRoster = ctx.packages.some((p) => p.payload.roster.some((r) => r.expertId === expert.id && r.publicKey === enrolment.publicKey));
  const status = onRoster ? 'roster' : ctx.confirmedKeys?.get(expert.id) === enrolment.publicKey ? 'confirmed' : 'new';
  return { expertId: expert.id, name: expert.name, fingerprint: opened.fingerprint, status };
}

/** Records that the chair compared the key's fingerprint with the expert and accepts it for that expert's bundles. */
export function confirmKey(db: Db, bytes: Buffer, file: string, now: string): KeyCheck {
  const checked = checkKey(db, bytes, file);
  const key = openEnrolment(bytes, file).enrolment.publicKey;
  db.transaction(() => {
    db.prepare(`INSERT INTO confirmed_keys (expert_id, public_key, confirmed_at) VALUES (?, ?, ?)
      ON CONFLICT (expert_id) DO UPDATE SET public_key = excluded.public_key, confirmed_at = excluded.confirmed_at`).run(checked.expertId, key, now);
    audit(db, now, 'key.confirmed', checked.expertId, { file, fingerprint: checked.fingerprint });
  })();
  return { ...checked, status: 'confirmed' };
}

