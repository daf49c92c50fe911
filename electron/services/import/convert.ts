import type { z } from 'zod';
import type { Entry, Expert } from '../../../shared/domain/contest.ts';
import type { MessageKey } from '../../../shared/i18n/index.ts';
import { forbiddenCharacter } from './characters.ts';
import type { FieldSpec, Mapping } from './fields.ts';
import { FIELDS } from './fields.ts';
import { KINDS } from './kinds.ts';
import type { Draft, Kind, Problem } from './kinds.ts';
import { defaultNomination } from './placement.ts';
import type { NominationRef, PlacementDefaults } from './placement.ts';
import { cellText } from './table.ts';
import type { CellValue, ImportKind, Table, TableRow } from './table.ts';

/** Rows of a table turned into validated entries or experts, and everything that stops them. */

export interface ImportContext {
  nominations: NominationRef[];
  /** Used when no nomination/category column is mapped or its cell is empty. */
  defaults?: PlacementDefaults;
  /** Ids for the items made; called once per valid row, in row order. */
  newId(): string;
}

export interface RowError {
  /** The spreadsheet row; 0 for a problem of the mapping rather than of a row. */
  row: number;
  /** The column the value came from, e.g. 'C «Регион»'; null when the field has no column. */
  column: string | null;
  field: string;
  code: MessageKey;
  params: Record<string, string | number>;
}

export interface Converted<T> {
  items: { row: number; item: T }[];
  errors: RowError[];
  /** Rows left out because the user chose to skip them. */
  skipped: number;
}

// A valid id the schema can check rows with; real ids are drawn only for rows that pass.
const PENDING_ID = 'pending';

/** The schema's names for fields the import calls otherwise. */
const SCHEMA_FIELDS: Record<string, string> = { nominationId: 'nomination', categoryId: 'category' };

/**
 * Every row not in skipRows as an item validated by the shared schema, or as errors naming row,
 * column and reason. A row with any error yields no item; the caller imports only when there are none.
 */
export function convertRows(kind: 'entries', table: Table, mapping: Mapping, context: ImportContext, skipRows?: number[]): Converted<Entry>;
export function convertRows(kind: 'experts', table: Table, mapping: Mapping, context: ImportContext, skipRows?: number[]): Converted<Expert>;
export function convertRows(kind: ImportKind, table: Table, mapping: Mapping, context: ImportContext, skipRows: number[] = []): Converted<Entry> | Converted<Expert> {
  const skip = new Set(skipRows);
  const rows = table.rows.filter((r) => !skip.has(r.row));
  const skipped = table.rows.length - rows.length;
  const mappingErrors = checkMapping(kind, mapping, context);
  if (mappingErrors.length > 0) return { items: [], errors: mappingErrors, skipped };
  const result = kind === 'entries' ? convertAll(KINDS.entries, FIELDS.entries, table, mapping, context, rows) : convertAll(KINDS.experts, FIELDS.experts, table, mapping, context, rows);
  return { ...result, skipped };
}

/** A required field without a column is reported once, not on every row. */
function checkMapping(kind: ImportKind, mapping: Mapping, context: ImportContext): RowError[] {
  const errors: RowError[] = [];
  for (const spec of FIELDS[kind]) {
    if (spec.notMapped !== undefined && mapping[spec.field] == null) errors.push({ row: 0, column: null, field: spec.field, code: spec.notMapped, params: {} });
  }
  if (kind === 'entries' && mapping.nomination == null && defaultNomination(context.nominations, context.defaults) === undefined) {
    errors.push({ row: 0, column: null, field: 'nomination', code: 'import.notMapped.nomination', params: {} });
  }
  return errors;
}

function convertAll<T>(kind: Kind<T>, fields: FieldSpec[], table: Table, mapping: Mapping, context: ImportContext, rows: TableRow[]): Omit<Converted<T>, 'skipped'> {
  const labels = columnLabels(table, mapping);
  const firstRowOf = new Map<string, number>();
  const items: { row: number; item: T }[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const cell = (field: string) => {
      const index = mapping[field];
      return index == null ? null : (row.cells[index] ?? null);
    };
    const refused = characterProblems(fields, cell);
    const withheld = new Set(refused.map((p) => p.field));
    // A field refused for a character is read no further, so that it is reported once.
    const draft = kind.draft((field) => (withheld.has(field) ? null : cell(field)), context);
    const problems = [...refused, ...draft.problems.filter((p) => !withheld.has(p.field)), ...repeatProblems(draft, row.row, firstRowOf)];
    const parsed = kind.schema.safeParse({ ...draft.values, id: PENDING_ID });
    if (!parsed.success) problems.push(...schemaProblems(parsed.error, draft, problems));
    if (problems.length === 0 && parsed.success) items.push({ row: row.row, item: { ...parsed.data, id: context.newId() } });
    // Left to right, as the user reads the row; problems of unmapped fields first.
    problems.sort((a, b) => (mapping[a.field] ?? -1) - (mapping[b.field] ?? -1));
    errors.push(...problems.map((p) => ({ row: row.row, column: labels.get(p.field) ?? null, ...p })));
  }
  return { items, errors };
}

/** Every text cell of the row checked the same way, whatever the file's format (characters.ts). */
function characterProblems(fields: FieldSpec[], cell: (field: string) => CellValue): Problem[] {
  return fields.flatMap((spec) => {
    const value = cell(spec.field);
    const found = typeof value === 'string' ? forbiddenCharacter(cellText(value), spec.multiline === true) : null;
    return found === null ? [] : [{ field: spec.field, ...found }];
  });
}

/** 'C «Регион»' for every mapped field: how the user finds the cell. */
function columnLabels(table: Table, mapping: Mapping): Map<string, string> {
  const labels = new Map<string, string>();
  for (const [field, index] of Object.entries(mapping)) {
    if (index == null) continue;
    const column = table.columns[index];
    if (column === undefined) throw new Error(`The mapping of ${field} points at column ${index}, which the table does not have`);
    labels.set(field, column.header === '' ? column.letter : `${column.letter} «${column.header}»`);
  }
  return labels;
}

function repeatProblems(draft: Draft, row: number, firstRowOf: Map<string, number>): Problem[] {
  if (draft.duplicate === null) return [];
  const firstRow = firstRowOf.get(draft.duplicate.key);
  if (firstRow === undefined) firstRowOf.set(draft.duplicate.key, row);
  return firstRow === undefined ? [] : [draft.duplicate.problem(firstRow)];
}

/** The schema's issues in the user's terms, leaving out fields already reported. */
function schemaProblems(error: z.ZodError, draft: Draft, known: Problem[]): Problem[] {
  const reported = new Set(known.map((p) => p.field));
  return error.issues
    .map((issue) => issueProblem(issue, draft))
    .filter((p) => !reported.has(p.field));
}

function issueProblem(issue: z.core.$ZodIssue, draft: Draft): Problem {
  const key = String(issue.path[0]);
  const field = SCHEMA_FIELDS[key] ?? key;
  if (issue.code === 'too_small' && issue.origin === 'string') return { field, code: 'import.required', params: {} };
  if (issue.code === 'too_big') return { field, code: issue.origin === 'array' ? 'import.tooMany' : 'import.tooLong', params: { max: Number(issue.maximum) } };
  if (field === 'materials' && issue.code === 'custom') {
    const material = (draft.values.materials as { ref: string }[])[Number(issue.path[1])];
    return { field, code: 'import.badLink', params: { value: material?.ref ?? '' } };
  }
  return { field, code: 'import.invalid', params: { reason: issue.message } };
}
