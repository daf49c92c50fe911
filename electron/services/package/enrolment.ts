import { AppError } from '../../../shared/errors.ts';
import { Enrolment, type ContestPackage } from '../../../shared/formats/payloads.ts';
import type { Db } from '../../db/connection.ts';
import { checkSignature, parsePayload, peekPublicKey, readEnvelope, writeEnvelope, type OpenedEnvelope } from '../signing/envelope.ts';
import { fingerprintOf, publicKeyToBase64, type Ed25519Key } from '../signing/keys.ts';

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
