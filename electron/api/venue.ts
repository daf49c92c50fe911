import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { UnprintableChar, VenueCurrent, VenueExport, VenueView } from '../../shared/domain/venue.ts';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../services/app-data.ts';
import { renderResults, unprintableIn } from '../services/reports/render.ts';
import { latestChairResults } from '../services/venue/chair-results.ts';
import { openResultsFile, type VenueResults } from '../services/venue/results-file.ts';
import type { Workspace } from '../services/workspace.ts';

/**
 * Writes one export of the venue's results to `path` (replacing a file there: exports are derived
 * from the signed results and can be made again at any time). Raw marks need the bundles, which a
 * chair's workspace holds and a lone .jbmerged file does not.
 */
export async function exportResults(results: VenueResults | null, request: z.output<typeof VenueExport>): Promise<{ path: string; bytes: number }> {
  if (!results) throw new AppError('venue.noResults');
  if (request.format === 'marks-csv' && results.marks === null) throw new AppError('venue.noMarks');
  const bytes = await renderResults(results, request.format, { lang: request.lang, present: request.present });
  const path = resolve(request.path);
  mkdirSync(dirname(path), { recursive: true });
  writeFileAtomic(path, bytes);
  return { path, bytes: bytes.length };
}

/** The results the venue works from, and where they come from. */
interface Held {
  results: VenueResults;
  source: VenueCurrent['source'];
}

/**
 * What the venue shows in each place it is opened from. A results file chosen for the venue belongs
 * to the workspace open at the time (or to the start screen, when none is): a file opened on the
 * start screen never stands in for a workspace's own results, and a file chosen in one workspace
 * never follows the user into another. Without a file of its own, a chair's workspace shows its
 * latest signed results.
 */
export class VenueDesk {
  /** Files opened for the venue, by the path of the workspace they were opened in ('' for none). */
  private readonly files = new Map<string, VenueResults>();
  /** What the protocol of each results file (by its SHA-256) cannot print, found once: it means building the whole protocol. */
  private readonly unprintable = new Map<string, Promise<UnprintableChar[]>>();

  /** Verifies a results file and makes it the venue's in the place it was opened from. */
  open(ws: Workspace | null, fileName: string, content: Buffer): VenueView {
    const results = openResultsFile(fileName, content);
    this.files.set(ws?.path ?? '', results);
    return results.view;
  }

  /** Forgets the file chosen here: a chair's workspace goes back to its own latest signed results. */
  reset(ws: Workspace | null): void {
    this.files.delete(ws?.path ?? '');
  }

  held(ws: Workspace | null): Held | null {
    const file = this.files.get(ws?.path ?? '');
    if (file) return { results: file, source: 'file' };
    const own = ws?.kind() === 'chair' ? latestChairResults(ws.db) : null;
    return own ? { results: own, source: 'chair' } : null;
  }

  /** What the venue screen shows; exports of a chair's own results go beside the workspace, others to `exportsDir`. */
  async current(ws: Workspace | null, exportsDir: string): Promise<VenueCurrent | null> {
    const held = this.held(ws);
    if (!held) return null;
    const defaultDir = held.source === 'chair' && ws ? dirname(ws.path) : exportsDir;
    return { view: held.results.view, marks: held.results.marks !== null, source: held.source, defaultDir, unprintable: await this.unprintableOf(held.results) };
  }

  /** The protocol's titles and names are the same in either language and for any members present. */
  private unprintableOf(results: VenueResults): Promise<UnprintableChar[]> {
    const digest = results.view.file.digest;
    const found = this.unprintable.get(digest) ?? unprintableIn(results, 'pdf', { lang: 'ru', present: null });
    this.unprintable.set(digest, found);
    return found;
  }

  export(ws: Workspace | null, request: z.output<typeof VenueExport>): Promise<{ path: string; bytes: number }> {
    return exportResults(this.held(ws)?.results ?? null, request);
  }
}
