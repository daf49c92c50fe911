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

/** A chosen file, sent whole (both hosts get it from the page's file picker). */
export const ImportFile = z
  .object({
    kind: ImportKind,
    fileName: z.string().min(1).max(300),
    /** The file's bytes in base64; 32 MiB of file at most. */
    content: Base64.max(45_000_000),
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
