import type { Db } from '../../db/connection.ts';
import { groupTitle, type FinalisationView, type FinaliseStatus, type Message } from '../../../shared/domain/chair.ts';
import { AppError } from '../../../shared/errors.ts';
import { MergedResults } from '../../../shared/formats/payloads.ts';
import type { Ed25519Key } from '../signing/keys.ts';
import { fingerprintOf, publicKeyFromBase64 } from '../signing/keys.ts';
import { chairRule, checkSigner } from '../signing/signer.ts';
import { audit } from './audit.ts';
import { mergedPayload, writeMerged } from './merge.ts';
import { chairSources } from './sources.ts';
import { currentResults } from './views.ts';

/** What stops signing the results now (problems) and what the chair should know first (warnings). */
export function finaliseCheck(db: Db): { problems: Message[]; warnings: Message[] } {
  const { sources, results } = currentResults(db);
  const { contest, bundles } = sources;
  const problems: Message[] = [];
  const warnings: Message[] = [];
  if (bundles.filter((b) => !b.draft).length === 0) problems.push({ key: 'final.noBundles', params: {} });
  const title = (id: string) => contest.entries.find((e) => e.id === id)?.title ?? id;
  for (const r of results) {
    const group = groupTitle(contest, r.nominationId, r.categoryId);
    for (const tie of r.unresolvedTies) problems.push({ key: 'final.unresolvedTie', params: { group, entries: tie.map(title).join('; ') } });
    if (r.flagged.length > 0) warnings.push({ key: 'final.flagged', params: { group, count: r.flagged.length, min: r.minEvaluations } });
  }
  const drafts = bundles.filter((b) => b.draft).map((b) => contest.experts.find((x) => x.id === b.expertId)?.name ?? b.expertId);
  if (drafts.length > 0) warnings.push({ key: 'final.drafts', params: { count: drafts.length, names: drafts.join(', ') } });
  const sent = new Set(bundles.map((b) => b.expertId));
  const assigned = new Set(contest.assignments.map((a) => a.expertId));
  const silent = contest.experts.filter((x) => assigned.has(x.id) && !sent.has(x.id)).map((x) => x.name);
  if (silent.length > 0) warnings.push({ key: 'final.silent', params: { count: silent.length, names: silent.join(', ') } });
  return { problems, warnings };
}

export function finalisations(db: Db): FinalisationView[] {
  const rows = db.prepare('SELECT id, created_at, digest, file_path, envelope FROM finalisations ORDER BY id DESC').all() as { id: number; created_at: string; digest: string; file_path: string; envelope: Buffer }[];
  return rows.map((r) => {
    const envelope = JSON.parse(r.envelope.toString('utf8')) as { payload: string };
    const payload = MergedResults.parse(JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')));
    return { id: r.id, createdAt: r.created_at, digest: r.digest, path: r.file_path, fingerprint: fingerprintOf(publicKeyFromBase64(payload.chair.publicKey)), bundles: payload.bundles.length };
  });
}

/** What stops or warns, the roster's chair key and the results signed before (the api adds the key store's match). */
export function finaliseStatus(db: Db, defaultPath: string): Omit<FinaliseStatus, 'signerKeyId'> {
  const { contest, packages } = chairSources(db);
  const chair = contest.experts.find((x) => x.role === 'chair');
  const key = chair ? packages.at(-1)?.payload.roster.find((r) => r.expertId === chair.id)?.publicKey : undefined;
  return { ...finaliseCheck(db), defaultPath, chairName: chair?.name ?? '', rosterFingerprint: key ? fingerprintOf(publicKeyFromBase64(key)) : null, finalisations: finalisations(db) };
}

/**
 * Signs the merged results with the chair's key and writes the .jbmerged file: the package
 * revisions and every standing bundle by digest, the confirmed keys, the tie decisions that settle
 * ties, and the results. Refused for any key but the roster's chair key, while a tie is open, or
 * while nothing counts. Recorded and audited.
 */
export function finalise(db: Db, key: Ed25519Key, options: { path: string; chairName: string; now: string }): FinalisationView {
  const { packages, confirmedKeys } = chairSources(db);
  const latest = packages.at(-1);
  if (latest) checkSigner(key.publicKey, chairRule(latest.payload, options.chairName, confirmedKeys));
  const { problems } = finaliseCheck(db);
  const first = problems[0];
  if (first) throw new AppError(first.key === 'final.noBundles' ? 'final.noBundles' : 'final.unresolvedTie', first.params);
  const { sources, applied } = currentResults(db);
  const payload = mergedPayload({ ...sources, ties: applied }, { name: options.chairName, publicKey: key.publicKey }, options.now);
  const written = writeMerged(payload, key, options.path);
  const id = db.transaction(() => {
    const inserted = Number(db.prepare('INSERT INTO finalisations (created_at, digest, file_path, envelope) VALUES (?, ?, ?, ?)').run(options.now, written.digest, written.path, written.bytes).lastInsertRowid);
    audit(db, options.now, 'results.signed', written.path, { digest: written.digest, fingerprint: written.fingerprint, bundles: payload.bundles.length, ties: payload.ties.length });
    return inserted;
  })();
  return { id, createdAt: options.now, digest: written.digest, path: written.path, fingerprint: written.fingerprint, bundles: payload.bundles.length };
}
