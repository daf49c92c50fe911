import type { Db } from '../../db/connection.ts';
import { ResultBundle } from '../../../shared/formats/payloads.ts';
import { openMerged } from '../chair/merge.ts';
import { parsePayload, readEnvelope } from '../signing/envelope.ts';
import { venueResults, type VenueResults } from './results-file.ts';

/**
 * The chair's latest signed results, with the marks of exactly the bundles they name: every bundle
 * the chair took in is kept byte for byte, so the raw marks come from the same files even after a
 * later correction arrived.
 */
export function latestChairResults(db: Db): VenueResults | null {
  const row = db.prepare('SELECT file_path, envelope FROM finalisations ORDER BY id DESC LIMIT 1').get() as { file_path: string; envelope: Buffer } | undefined;
  if (!row) return null;
  const opened = openMerged(row.file_path, row.envelope);
  const envelopeOf = db.prepare('SELECT file_name, envelope FROM bundles WHERE digest = ?');
  const bundles = opened.payload.bundles
    .filter((b) => !b.draft)
    .map((b) => {
      const stored = envelopeOf.get(b.digest) as { file_name: string; envelope: Buffer } | undefined;
      if (!stored) return { expertId: b.expertId, marks: [] };
      const bundle = parsePayload(readEnvelope(stored.envelope, stored.file_name, 'result'), ResultBundle, stored.file_name);
      return { expertId: b.expertId, marks: bundle.marks };
    });
  return venueResults(opened, row.file_path, bundles);
}
