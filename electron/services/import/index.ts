/** Importing entries and experts from the spreadsheets a contest office already has. */
export { readTable, MAX_FILE_BYTES } from './read.ts';
export { FIELDS, suggestMapping, normaliseHeader } from './fields.ts';
export { convertRows } from './convert.ts';
export { columnLetter, cellText } from './table.ts';
export type { FieldSpec, Mapping } from './fields.ts';
export type { Converted, ImportContext, RowError } from './convert.ts';
export type { CellValue, Column, Encoding, ImportKind, ReadOptions, Separator, Table, TableRow } from './table.ts';
