import type { Db } from '../../db/connection.ts';
import { ResultBundle, type MergedResults } from '../../../shared/formats/payloads.ts';
import { openMerged } from '../chair/merge.ts';
import { parsePayload, readEnvelope } from '../signing/envelope.ts';
import { venueResults, type VenueResults } from './results-file.ts';

/**
 * The latest signed results of each chair's workspace, by the finalisation they were opened from:
 * a finalisation never changes, and reading its bundles back (a million marks at national scale)
 * takes seconds, so the venue's screens ask for it once per signing.
 */
const opened = new WeakMap<Db, { id: number; digest: string; results: VenueResults }>();

/**
 * The marks of exactly the bundles signed results name, from the bundles the chair's workspace took
 * in (each kept byte for byte, so the raw marks come from the same files even after a later
 * correction arrived); null when the workspace lacks one of them, rather than a list of marks
 * without that expert's.
 */
export function heldMarksOf(db: Db, merged: MergedResults): { expertId: string; marks: ResultBundle['marks'] }[] | null {
  const envelopeOf = db.prepare('SELECT file_name, envelope FROM bundles WHERE digest = ?');
  const bundles: { expertId: string; marks: ResultBundle['marks'] }[] = [];
  for (const b of merged.bundles.filter((x) => !x.draft)) {
    const stored = envelopeOf.get(b.digest) as { file_name: string; envelope: Buffer } | undefined;
    if (!stored) return null;
    bundles.push({ expertId: b.expertId, marks: parsePayload(readEnvelope(stored.envelope, stored.file_name, 'result'), ResultBundle, stored.file_name).marks });
  }
  return bundles;
}

/**
 * The chair's latest signed results, with the marks of exactly the bundles they name (heldMarksOf).
 * The value returned is shared between calls: read it, never change it.
 */
export function latestChairResults(db: Db): VenueResults | null {
  const row = db.prepare('SELECT id, digest, file_path, envelope FROM finalisations ORDER BY id DESC LIMIT 1').get() as { id: number; digest: string; file_path: string; envelope: Buffer } | undefined;
  if (!row) return null;
  const kept = opened.get(db);
  if (kept?.id === row.id && kept.digest === row.digest) return kept.results;
  const merged = openMerged(row.file_path, row.envelope);
  const results = venueResults(merged, row.file_path, heldMarksOf(db, merged.payload));
  opened.set(db, { id: row.id, digest: row.digest, results });
  return results;
}
