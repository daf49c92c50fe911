import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { UnprintableChar, VenueCurrent, VenueExport, VenueView } from '../../shared/domain/venue.ts';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../services/app-data.ts';
import { checkWriteTarget, makeFolderFor } from '../services/user-files.ts';
import { renderResults, unprintableIn } from '../services/reports/render.ts';
import { openMerged } from '../services/chair/merge.ts';
import { heldMarksOf, latestChairResults } from '../services/venue/chair-results.ts';
import { venueResults, type VenueResults } from '../services/venue/results-file.ts';
import type { Workspace } from '../services/workspace.ts';

/**
 * Writes one export of the venue's results to `path` (replacing a file there: exports are derived
 * from the signed results and can be made again at any time). Raw marks need the bundles, which a
 * chair's workspace holds and a lone .jbmerged file does not.
 */
export async function exportResults(results: VenueResults | null, request: z.output<typeof VenueExport>): Promise<{ path: string; bytes: number }> {
  if (!results) throw new AppError('venue.noResults');
  // The screen may show a file the venue has since left (another tab opened one, the chair signed anew).
  if (request.digest !== undefined && request.digest !== results.view.file.digest) throw new AppError('venue.changed', { file: results.view.file.name });
  if (request.format === 'marks-csv' && results.marks === null) throw new AppError('venue.noMarks');
  const path = resolve(request.path);
  // Said before the protocol is built (seconds for a large contest); the folders asked for are made.
  checkWriteTarget(path, { makeFolders: true });
  const bytes = await renderResults(results, request.format, { lang: request.lang, present: request.present });
  makeFolderFor(path);
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
 * to the workspace open at the time, for as long as it stays open (or to the start screen, when none
 * is): a file opened on the start screen never stands in for a workspace's own results, a file chosen
 * in one workspace never follows the user into another, nor into a workspace made anew where an
 * earlier one was. In a workspace, only results of its own contest are taken. Without a file of its
 * own, a chair's workspace shows its latest signed results.
 */
export class VenueDesk {
  /** Files opened for the venue, by the open workspace they were opened in (a path may hold another workspace later). */
  private readonly files = new WeakMap<Workspace, VenueResults>();
  /** The file opened on the start screen, with no workspace open. */
  private startFile: VenueResults | null = null;
  /** What the protocol of each results file (by its SHA-256) cannot print, found once: it means building the whole protocol. */
  private readonly unprintable = new Map<string, Promise<UnprintableChar[]>>();

  /** Verifies a results file and makes it the venue's in the place it was opened from; in a workspace, a file of its own contest. */
  open(ws: Workspace | null, fileName: string, content: Buffer): VenueView {
    const opened = openMerged(fileName, content);
    if (ws === null) {
      this.startFile = venueResults(opened, fileName);
      return this.startFile.view;
    }
    const ours = ws.summary().contest;
    if (opened.payload.contestId !== ours.id) throw new AppError('venue.otherContest', { file: fileName, theirs: opened.payload.contest.info.title, ours: ours.title });
    // A chair's workspace holds the bundles of the results it signed, and often of a file chosen here: its marks too.
    const results = venueResults(opened, fileName, ws.kind() === 'chair' ? heldMarksOf(ws.db, opened.payload) : null);
    this.files.set(ws, results);
    return results.view;
  }

  /** Forgets the file chosen here: a chair's workspace goes back to its own latest signed results. */
  reset(ws: Workspace | null): void {
    if (ws === null) this.startFile = null;
    else this.files.delete(ws);
  }

  held(ws: Workspace | null): Held | null {
    const file = ws === null ? this.startFile : this.files.get(ws);
    if (file) return { results: file, source: 'file' };
    const own = ws?.kind() === 'chair' ? latestChairResults(ws.db) : null;
    return own ? { results: own, source: 'chair' } : null;
  }

  /** What the venue screen shows; exports of a chair's own results go beside the workspace, others to `exportsDir`. */
  async current(ws: Workspace | null, exportsDir: string): Promise<VenueCurrent | null> {
    const held = this.held(ws);
    if (!held) return null;
    const defaultDir = held.source === 'chair' && ws ? dirname(ws.path) : exportsDir;
    const ownSigned = held.source === 'chair' || (ws?.kind() === 'chair' && latestChairResults(ws.db) !== null);
    return { view: held.results.view, marks: held.results.marks !== null, source: held.source, ownSigned, defaultDir, unprintable: await this.unprintableOf(held.results) };
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
