import { writeFileSync } from 'node:fs';
import { AppError } from '../../../shared/errors.ts';
import { Enrolment, type ContestPackage } from '../../../shared/formats/payloads.ts';
import type { Db } from '../../db/connection.ts';
import { checkSignature, parsePayload, peekPublicKey, readEnvelope, writeEnvelope, type OpenedEnvelope } from '../signing/envelope.ts';
import { fingerprintOf, publicKeyToBase64, type Ed25519Key } from '../signing/keys.ts';
import { checkSigner, enrolmentRule } from '../signing/signer.ts';
import { checkNewFile, writeProblem } from '../user-files.ts';

/** The expert's side: a self-signed enrolment of `key` for one expert of a contest package. */
export function createEnrolment(pkg: ContestPackage, expertId: string, key: Ed25519Key, now: string): Buffer {
  const expert = pkg.contest.experts.find((x) => x.id === expertId);
  if (!expert) throw new AppError('scoring.unknownExpert', { expertId });
  const payload = Enrolment.parse({
    format: 'jurybox.enrolment',
    version: 1,
    contestId: pkg.contest.contest.id,
    expertId,
    name: expert.name,
    publicKey: publicKeyToBase64(key.publicKey),
    createdAt: now,
  });
  return writeEnvelope('enrolment', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`, 'utf8'), key);
}

/**
 * The expert's enrolment written to `path` (never over a file): for an expert of the package
 * (`source` names it in the refusal), with a key enrolmentRule lets enrol, both checked before
 * anything is signed. What the app and `jurybox enrol` write.
 */
export function writeEnrolment(pkg: ContestPackage, source: string, expertId: string, key: Ed25519Key, options: { path: string; now: string }): { path: string; fingerprint: string } {
  if (!pkg.contest.experts.some((x) => x.id === expertId)) throw new AppError('enrol.unknownExpert', { file: source, expertId });
  checkSigner(key.publicKey, enrolmentRule(pkg, expertId));
  checkNewFile(options.path);
  const bytes = createEnrolment(pkg, expertId, key, options.now);
  try {
    writeFileSync(options.path, bytes, { flag: 'wx' });
  } catch (error) {
    throw writeProblem(error, options.path);
  }
  return { path: options.path, fingerprint: fingerprintOf(key.publicKey) };
}

export interface OpenedEnrolment {
  enrolment: Enrolment;
  fingerprint: string;
  bytes: Buffer;
}

/** Opens an enrolment and checks that the key it carries signed it (proof the expert holds that key). */
export function openEnrolment(bytes: Buffer, source: string): OpenedEnrolment {
  return enrolmentFrom(readEnvelope(bytes, source, 'enrolment'), source);
}

/** The same checks on an envelope already read (whose kind is 'enrolment'). */
export function enrolmentFrom(envelope: OpenedEnvelope, source: string): OpenedEnrolment {
  const key = peekPublicKey(envelope, ['publicKey'], source);
  checkSignature(envelope, key, source);
  const enrolment = parsePayload(envelope, Enrolment, source);
  return { enrolment, fingerprint: fingerprintOf(key), bytes: envelope.bytes };
}

export type EnrolmentStatus = 'new' | 'same' | 'replaces';

export interface EnrolmentCheck extends OpenedEnrolment {
  expertName: string;
  status: EnrolmentStatus;
  /** Whether the name in the file is the name on the roster (a mismatch is shown, not refused). */
  nameMatches: boolean;
}

/** The organiser's side: is this enrolment for this contest, for a known expert, with a key no one else uses? */
export function checkEnrolment(db: Db, bytes: Buffer, source: string): EnrolmentCheck {
  const opened = openEnrolment(bytes, source);
  const { enrolment } = opened;
  const contestId = (db.prepare('SELECT id FROM contests LIMIT 1').get() as { id: string } | undefined)?.id;
  if (enrolment.contestId !== contestId) throw new AppError('enrol.otherContest', { file: source, contest: enrolment.contestId });
  const expert = db.prepare('SELECT name FROM experts WHERE id = ?').get(enrolment.expertId) as { name: string } | undefined;
  if (!expert) throw new AppError('enrol.unknownExpert', { file: source, expertId: enrolment.expertId });
  const owner = db.prepare('SELECT expert_id FROM enrolments WHERE public_key = ?').get(enrolment.publicKey) as { expert_id: string } | undefined;
  if (owner && owner.expert_id !== enrolment.expertId) throw new AppError('enrol.keyTaken', { file: source, expertId: owner.expert_id });
  const organiserKeys = (db.prepare('SELECT DISTINCT organiser_key AS k FROM publications').all() as { k: string }[]).map((r) => r.k);
  if (organiserKeys.includes(enrolment.publicKey)) throw new AppError('enrol.organiserKey', { file: source });
  const current = db.prepare('SELECT public_key FROM enrolments WHERE expert_id = ?').get(enrolment.expertId) as { public_key: string } | undefined;
  const status: EnrolmentStatus = !current ? 'new' : current.public_key === enrolment.publicKey ? 'same' : 'replaces';
  return { ...opened, expertName: expert.name, status, nameMatches: expert.name.trim() === enrolment.name.trim() };
}

/**
 * Records an enrolment the organiser has confirmed (fingerprint compared with the expert): the key
 * enters the roster of the next revision, replacing an earlier key of the same expert.
 */
export function confirmEnrolment(db: Db, bytes: Buffer, source: string, now: string): EnrolmentCheck {
  const checked = checkEnrolment(db, bytes, source);
  db.prepare(`INSERT INTO enrolments (expert_id, public_key, enrolled_at, confirmed_at, envelope) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (expert_id) DO UPDATE SET public_key = excluded.public_key, enrolled_at = excluded.enrolled_at,
      confirmed_at = excluded.confirmed_at, envelope = excluded.envelope`).run(
    checked.enrolment.expertId, checked.enrolment.publicKey, checked.enrolment.createdAt, now, bytes,
  );
  return checked;
}
