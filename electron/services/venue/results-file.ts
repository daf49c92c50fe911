import { basename } from 'node:path';
import { rawMarksOf, venueOf, type RawMark, type VenueView } from '../../../shared/domain/venue.ts';
import type { MergedResults } from '../../../shared/formats/payloads.ts';
import { openMerged, type OpenedMerged } from '../chair/merge.ts';

/** Signed merged results opened for the venue: the payload, its view, and the raw marks when the bundles are at hand. */
export interface VenueResults {
  merged: MergedResults;
  view: VenueView;
  /** The marks of the merged bundles, or null where only the .jbmerged file is held. */
  marks: RawMark[] | null;
}

/** The venue's results from an opened .jbmerged, with the marks of its bundles when given. */
export function venueResults(opened: OpenedMerged, name: string, bundles: Parameters<typeof rawMarksOf>[1] | null = null): VenueResults {
  return {
    merged: opened.payload,
    view: venueOf(opened.payload, { name: basename(name), digest: opened.digest, fingerprint: opened.fingerprint }),
    marks: bundles ? rawMarksOf(opened.payload, bundles) : null,
  };
}

/** Opens a .jbmerged file (from disk, or bytes the page read) for the venue: verified before anything is shown. */
export function openResultsFile(name: string, bytes?: Buffer): VenueResults {
  return venueResults(openMerged(name, bytes), name);
}
