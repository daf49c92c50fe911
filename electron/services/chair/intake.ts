import type { Db } from '../../db/connection.ts';
import { AppError } from '../../../shared/errors.ts';
import type { ResultBundle } from '../../../shared/formats/payloads.ts';
import { judgeBundles, type BundleVerdict, type JudgeContext } from '../bundles/judge.ts';
import { openPackage } from '../package/contest-package.ts';
import { openEnrolment } from '../package/enrolment.ts';
import { publicKeyToBase64 } from '../signing/keys.ts';
import { audit } from './audit.ts';

/** Every package revision the chair holds, and the keys the chair confirmed by fingerprint. */
export function judgeContext(db: Db): JudgeContext {
  const packages = (db.prepare('SELECT revision, envelope FROM packages ORDER BY revision').all() as { revision: number; envelope: Buffer }[]).map((r) =>
    openPackage(`revision ${r.revision}`, r.envelope),
  );
  const confirmedKeys = new Map((db.prepare('SELECT expert_id, public_key FROM confirmed_keys').all() as { expert_id: string; public_key: string }[]).map((r) => [r.expert_id, r.public_key]));
  return { packages, confirmedKeys };
}

/** The bundle that stands for each expert: its sequence and digest. */
export function heldBundles(db: Db): Map<string, { sequence: number; digest: string }> {
  return new Map((db.prepare("SELECT expert_id, sequence, digest FROM bundles WHERE status = 'current'").all() as { expert_id: string; sequence: number; digest: string }[]).map((r) => [r.expert_id, { sequence: r.sequence, digest: r.digest }]));
}

function store(db: Db, v: BundleVerdict, bytes: Buffer, status: 'current' | 'superseded', now: string): void {
  const bundle = v.bundle as ResultBundle;
  if (status === 'current') {
    db.prepare("UPDATE bundles SET status = 'superseded' WHERE expert_id = ? AND status = 'current'").run(bundle.expertId);
    db.prepare('DELETE FROM bundle_marks WHERE expert_id = ?').run(bundle.expertId);
    db.prepare('DELETE FROM bundle_notes WHERE expert_id = ?').run(bundle.expertId);
  }
  db.prepare('INSERT INTO bundles (digest, expert_id, sequence, draft, package_revision, status, file_name, imported_at, envelope) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    v.digest, bundle.expertId, bundle.sequence, bundle.draft ? 1 : 0, bundle.package.revision, status, v.file, now, bytes,
  );
  if (status !== 'current') return;
  const mark = db.prepare('INSERT INTO bundle_marks (digest, expert_id, entry_id, criterion_id, value, comment) VALUES (?, ?, ?, ?, ?, ?)');
  for (const m of bundle.marks) mark.run(v.digest, bundle.expertId, m.entryId, m.criterionId, m.value, m.comment);
  const note = db.prepare('INSERT INTO bundle_notes (digest, expert_id, entry_id, kind, text) VALUES (?, ?, ?, ?, ?)');
  for (const c of bundle.entryComments) note.run(v.digest, bundle.expertId, c.entryId, 'comment', c.comment);
  for (const c of bundle.conflicts) note.run(v.digest, bundle.expertId, c.entryId, 'conflict', c.reason);
  for (const a of bundle.abstentions) note.run(v.digest, bundle.expertId, a.entryId, 'abstention', a.reason);
}

/**
 * Takes in result bundles: each is judged (see judgeBundles) against every revision held, the keys
 * confirmed, and the bundles already held; the ones that stand replace the expert's earlier one,
 * lower ones are kept as superseded, refused ones are not kept. All of it in one transaction, and
 * every verdict in the audit log. Returns the verdicts in the order of `files`.
 */
export function importBundles(db: Db, files: { file: string; bytes: Buffer }[], now: string): BundleVerdict[] {
  const verdicts = judgeBundles(judgeContext(db), files, heldBundles(db));
  const bytesOf = new Map(files.map((f) => [f.file, f.bytes]));
  db.transaction(() => {
    const stored = new Set((db.prepare('SELECT digest FROM bundles').all() as { digest: string }[]).map((r) => r.digest));
    for (const v of verdicts) {
      const subject = v.expertId ?? v.file;
      const detail = { file: v.file, sequence: v.sequence, digest: v.digest, draft: v.draft, revision: v.packageRevision, reason: v.reason };
      audit(db, now, `bundle.${v.status}`, subject, detail);
      if ((v.status === 'accepted' || v.status === 'superseded') && v.digest && !stored.has(v.digest)) {
        store(db, v, bytesOf.get(v.file) ?? Buffer.alloc(0), v.status === 'accepted' ? 'current' : 'superseded', now);
        stored.add(v.digest);
      }
    }
  })();
  return verdicts;
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

