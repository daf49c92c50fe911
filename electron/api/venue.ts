import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { z } from 'zod';
import type { VenueExport } from '../../shared/domain/venue.ts';
import { AppError } from '../../shared/errors.ts';
import { writeFileAtomic } from '../services/app-data.ts';
import { renderResults } from '../services/reports/render.ts';
import type { VenueResults } from '../services/venue/results-file.ts';

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
