import { z } from 'zod';
import { Base64 } from '../formats/dsse.ts';
import { Id } from './contest.ts';

/** The organiser's spreadsheet import: what the UI sends and what it is shown at each step. */

export const ImportKind = z.enum(['entries', 'experts']);
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportOptions = z
  .object({
    sheet: z.string().max(300).nullable().default(null),
    encoding: z.enum(['auto', 'utf-8', 'windows-1251']).default('auto'),
    separator: z.enum(['auto', ',', ';', '\t']).default('auto'),
  })
  .strict();
export type ImportOptions = z.infer<typeof ImportOptions>;

/**
 * How much a spreadsheet may hold; every reader checks these before it builds anything of that size
 * (docs/formats.md, "Spreadsheets the organiser imports"). Rows and cells count what the file
 * stores, on every sheet.
 */
export const IMPORT_LIMITS = {
  /** The file as chosen, checked before it is read. */
  fileBytes: 32 * 1024 * 1024,
  /** XLSX: all parts of the workbook once unpacked, checked against the ZIP's claims and while inflating. */
  expandedBytes: 64 * 1024 * 1024,
  /** The largest list a contest holds (100,000 entries); national contests have about 10,000. */
  rows: 100_000,
  /** Cells stored, and rows × columns of the table; exceljs spends about 0.7 KB on each cell it holds. */
  cells: 500_000,
  /** Excel's own width (A to XFD). */
  columns: 16_384,
  /** XLSX: the parts of the ZIP, and the relationships a workbook may list (one part each at most). A workbook Excel writes has a few dozen. */
  parts: 10_000,
  /** XLSX: worksheets, and sheets the workbook lists; exceljs took 13 s over 9,990 empty ones (2.4 s over 5,000). */
  sheets: 1_000,
  /** XLSX: XML elements of the parts exceljs reads, each an object or more to it; a cell takes 2–6 (a value, a formula, a text and its runs). */
  elements: 4_000_000,
  /** XLSX: merged ranges on every sheet; exceljs checks each one against every other (40,000 took minutes). */
  merges: 2_000,
  /** XLSX: cell formats, and number formats, in the styles part; Excel's own limit on cell formats. */
  styles: 65_490,
} as const;

const MiB = 1024 * 1024;

/**
 * The parameters of 'import.tooLarge' for a file of `size` bytes: mebibytes to a tenth, rounded up
 * so that a file just over the limit does not read as being at it. The screen refuses such a file
 * before reading it, the reader again whoever sends it.
 */
export function tooLargeParams(file: string, size: number): { file: string; size: number; limit: number } {
  return { file, size: Math.ceil((size / MiB) * 10) / 10, limit: IMPORT_LIMITS.fileBytes / MiB };
}

/** A chosen file, sent whole (both hosts get it from the page's file picker). */
export const ImportFile = z
  .object({
    kind: ImportKind,
    fileName: z.string().min(1).max(300),
    // Base64 of a file just over the cap still arrives, so the reader names the file and its size.
    content: Base64.max(Math.ceil((IMPORT_LIMITS.fileBytes * 1.05) / 3) * 4),
    options: ImportOptions.default({ sheet: null, encoding: 'auto', separator: 'auto' }),
  })
  .strict();

export const Mapping = z.record(z.string().max(40), z.number().int().min(0).max(16_383).nullable());

export const ImportPreview = z.object({
  importId: z.string(),
  kind: ImportKind,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  sheets: z.array(z.string()),
  sheet: z.string().nullable(),
  encoding: z.enum(['utf-8', 'windows-1251']).nullable(),
  separator: z.enum([',', ';', '\t']).nullable(),
  columns: z.array(z.object({ index: z.number().int(), letter: z.string(), header: z.string() })),
  /** The first rows, as text, for the preview table. */
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
  rowCount: z.number().int(),
  fields: z.array(z.object({ field: z.string(), required: z.boolean(), label: z.string() })),
  mapping: Mapping,
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportRequest = z
  .object({
    importId: z.string().min(1).max(100),
    mapping: Mapping,
    /** Spreadsheet row numbers the organiser chose to leave out. */
    skipRows: z.array(z.number().int().min(1)).max(1_000_000).default([]),
    defaults: z.object({ nominationId: Id.nullable(), categoryId: Id.nullable() }).strict().default({ nominationId: null, categoryId: null }),
  })
  .strict();
export type ImportRequest = z.input<typeof ImportRequest>;

export const RowProblem = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  field: z.string(),
  code: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type RowProblem = z.infer<typeof RowProblem>;

export const ImportCheck = z.object({
  total: z.number().int(),
  valid: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(RowProblem),
});
export type ImportCheck = z.infer<typeof ImportCheck>;
