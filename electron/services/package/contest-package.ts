import { createHash } from 'node:crypto';
import { writeFileAtomic } from '../app-data.ts';
import { AppError } from '../../../shared/errors.ts';
import { checkNewFile } from '../user-files.ts';
import { publishProblems } from '../../../shared/domain/contest.ts';
import { ContestPackage, type RosterEntry } from '../../../shared/formats/payloads.ts';
import type { Db } from '../../db/connection.ts';
import { readContest } from '../../db/queries/contest.ts';
import { checkSignature, parsePayload, peekPublicKey, readEnvelope, readEnvelopeFile, writeEnvelope, type OpenedEnvelope } from '../signing/envelope.ts';
import { fingerprintOf, publicKeyFromBase64, publicKeyToBase64, type Ed25519Key } from '../signing/keys.ts';
import { checkSigner, type SignerRule } from '../signing/signer.ts';

export interface Publication {
  revision: number;
  publishedAt: string;
  organiserKey: string;
  fingerprint: string;
  digest: string;
  path: string;
}

interface PublicationRow {
  revision: number;
  published_at: string;
  organiser_key: string;
  digest: string;
  file_path: string;
}

const toPublication = (r: PublicationRow): Publication => ({
  revision: r.revision,
  publishedAt: r.published_at,
  organiserKey: r.organiser_key,
  fingerprint: fingerprintOf(publicKeyFromBase64(r.organiser_key)),
  digest: r.digest,
  path: r.file_path,
});

/** Every revision published from this workspace, newest first. */
export function publications(db: Db): Publication[] {
  return (db.prepare('SELECT revision, published_at, organiser_key, digest, file_path FROM publications ORDER BY revision DESC').all() as PublicationRow[]).map(toPublication);
}

/** The enrolled experts' keys, as the next revision will carry them. */
export function roster(db: Db): RosterEntry[] {
  return (db.prepare('SELECT expert_id, public_key, enrolled_at FROM enrolments ORDER BY expert_id').all() as { expert_id: string; public_key: string; enrolled_at: string }[]).map((r) => ({
    expertId: r.expert_id,
    publicKey: r.public_key,
    enrolledAt: r.enrolled_at,
  }));
}

/** The payload of the next revision: the whole contest, its roster, and who signs it. */
export function nextPackage(db: Db, organiser: { name: string; publicKey: Buffer }, publishedAt: string): ContestPackage {
  const contest = readContest(db);
  if (!contest) throw new AppError('workspace.notOpen');
  const problems = publishProblems(contest);
  if (problems.length > 0) throw new AppError('publish.notReady', { count: problems.length });
  const last = (db.prepare('SELECT max(revision) AS r FROM publications').get() as { r: number | null }).r ?? 0;
  return ContestPackage.parse({
    format: 'jurybox.contest',
    version: 1,
    revision: last + 1,
    publishedAt,
    organiser: { name: organiser.name, publicKey: publicKeyToBase64(organiser.publicKey) },
    contest,
    roster: roster(db),
  });
}

/**
 * The organiser's rule (signer.ts): the first revision pins the key that signs it, since experts
 * accept later revisions only from that key; until then any key but an enrolled expert's may sign.
 */
export function organiserRule(db: Db, organiserName: string): SignerRule {
  const pinned = publications(db).at(-1);
  const names = new Map((db.prepare('SELECT id, name FROM experts').all() as { id: string; name: string }[]).map((x) => [x.id, x.name]));
  return {
    name: organiserName,
    expected: pinned ? { publicKey: pinned.organiserKey, by: 'pinned' } : null,
    others: roster(db).map((r) => ({ owner: names.get(r.expertId) ?? r.expertId, publicKey: r.publicKey })),
  };
}

/**
 * Signs the next revision with the organiser's key and writes it to `path`; any key but the one
 * organiserRule names is refused first. The file appears whole or not at all, and the revision is
 * recorded with its exact bytes only if the file was written.
 */
export function publish(db: Db, key: Ed25519Key, options: { path: string; organiserName: string; now: string }): Publication {
  checkNewFile(options.path);
  checkSigner(key.publicKey, organiserRule(db, options.organiserName));
  const publicKey = publicKeyToBase64(key.publicKey);
  const payload = nextPackage(db, { name: options.organiserName, publicKey: key.publicKey }, options.now);
  const bytes = writeEnvelope('contest', Buffer.from(`${JSON.stringify(payload, null, 2)}\n`, 'utf8'), key, options.path);
  const digest = createHash('sha256').update(bytes).digest('hex');
  db.transaction(() => {
    db.prepare('INSERT INTO publications (revision, published_at, organiser_key, digest, file_path, envelope) VALUES (?, ?, ?, ?, ?, ?)').run(
      payload.revision, options.now, publicKey, digest, options.path, bytes,
    );
    writeFileAtomic(options.path, bytes);
  })();
  return { revision: payload.revision, publishedAt: options.now, organiserKey: publicKey, fingerprint: fingerprintOf(key.publicKey), digest, path: options.path };
}

export interface OpenedPackage {
  envelope: OpenedEnvelope;
  /** The file exactly as read, to keep byte for byte. */
  bytes: Buffer;
  payload: ContestPackage;
  /** The key that signed it (the organiser's, as the package names it). */
  organiserKey: Buffer;
  fingerprint: string;
}

/**
 * Opens a contest package and checks it is whole and signed by the key it names. Whether that key
 * is the right organiser's is for the caller: the fingerprint compared by phone, or the key pinned
 * from the contest's first package.
 */
export function openPackage(source: string, bytes?: Buffer): OpenedPackage {
  return packageFrom(bytes ? readEnvelope(bytes, source, 'contest') : readEnvelopeFile(source, 'contest'), source);
}

/** The same checks on an envelope already read (whose kind is 'contest'). */
export function packageFrom(envelope: OpenedEnvelope, source: string): OpenedPackage {
  const organiserKey = peekPublicKey(envelope, ['organiser', 'publicKey'], source);
  checkSignature(envelope, organiserKey, source);
  const payload = parsePayload(envelope, ContestPackage, source);
  return { envelope, bytes: envelope.bytes, payload, organiserKey, fingerprint: fingerprintOf(organiserKey) };
}
