import type { ExportFormat, UnprintableChar } from '../../../shared/domain/venue.ts';
import { AppError } from '../../../shared/errors.ts';
import type { Lang } from '../../../shared/i18n/index.ts';
import type { VenueResults } from '../venue/results-file.ts';
import { marksCsv, resultsCsv } from './csv.ts';

export interface RenderOptions {
  lang: Lang;
  /** Expert ids of the commission members present (signature lines); null: every expert counted and the chair. */
  present: string[] | null;
}

/**
 * The bytes of one export of the venue's results (docs/venue.md): the protocol as PDF, the results
 * as XLSX or CSV, or the experts' raw marks as CSV (which needs `results.marks`).
 */
/**
 * The characters of the results that the export will write as codes because no embedded font
 * holds them (docs/venue.md): only the protocol (PDF) has fonts; the spreadsheets keep every character.
 */
export async function unprintableIn(results: VenueResults, format: ExportFormat, options: RenderOptions): Promise<UnprintableChar[]> {
  if (format !== 'pdf') return [];
  const [{ protocolUnprintable }, { codeOf }] = await Promise.all([import('./protocol.ts'), import('./fonts.ts')]);
  return protocolUnprintable(results, options).map((char) => ({ char, code: codeOf(char) }));
}

export async function renderResults(results: VenueResults, format: ExportFormat, options: RenderOptions): Promise<Buffer> {
  // pdfmake and exceljs take a fifth of a second to load: only an export that needs them pays it,
  // not every start of the app or the CLI.
  switch (format) {
    case 'pdf':
      return (await import('./protocol.ts')).renderProtocol(results, options);
    case 'xlsx':
      return (await import('./spreadsheet.ts')).renderSpreadsheet(results, options);
    case 'csv':
      return resultsCsv(results, options);
    case 'marks-csv':
      if (results.marks === null) throw new AppError('venue.noMarks');
      return marksCsv(results.marks, options);
  }
}
