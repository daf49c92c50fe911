import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors.ts';
import type { ImportCheck, ImportPreview } from '../../shared/domain/import.ts';
import type { z } from 'zod';
import type { ImportFile, ImportRequest as ImportRequestSchema } from '../../shared/domain/import.ts';
import { cellText, convertRows, FIELDS, readTable, suggestMapping, type Table } from '../services/import/index.ts';
import type { Workspace } from '../services/workspace.ts';

const PREVIEW_ROWS = 50;

/**
 * The spreadsheet being imported: read once when chosen, then checked and committed against the
 * open workspace. Only the latest file is kept; a commit imports every chosen row or none.
 */
export class ImportDesk {
  private held: { id: string; kind: 'entries' | 'experts'; table: Table } | null = null;

  async preview(input: z.output<typeof ImportFile>): Promise<ImportPreview> {
    const { sheet, encoding, separator } = input.options;
    const table = await readTable(input.fileName, Buffer.from(input.content, 'base64'), { ...(sheet ? { sheet } : {}), encoding, separator });
    const id = randomUUID();
    this.held = { id, kind: input.kind, table };
    return {
      importId: id,
      kind: input.kind,
      fileName: table.fileName,
      format: table.format,
      sheets: table.sheets,
      sheet: table.sheet,
      encoding: table.encoding,
      separator: table.separator,
      columns: table.columns,
      rows: table.rows.slice(0, PREVIEW_ROWS).map((r) => ({ row: r.row, cells: table.columns.map((c) => cellText(r.cells[c.index])) })),
      rowCount: table.rows.length,
      fields: FIELDS[input.kind].map((f) => ({ field: f.field, required: f.required, label: f.label })),
      mapping: suggestMapping(input.kind, table.columns),
    };
  }

  private convert(ws: Workspace, request: z.output<typeof ImportRequestSchema>) {
    if (!this.held || this.held.id !== request.importId) throw new AppError('import.expired');
    const { kind, table } = this.held;
    const taken = new Set<string>();
    const context = {
      nominations: ws.editor.overview().nominations,
      defaults: request.defaults,
      newId: () => {
        let id = ws.editor.idFor(kind);
        while (taken.has(id)) id = ws.editor.idFor(kind);
        taken.add(id);
        return id;
      },
    };
    const converted = kind === 'entries' ? convertRows('entries', table, request.mapping, context, request.skipRows) : convertRows('experts', table, request.mapping, context, request.skipRows);
    return { kind, table, converted };
  }

  check(ws: Workspace, request: z.output<typeof ImportRequestSchema>): ImportCheck {
    const { table, converted } = this.convert(ws, request);
    return { total: table.rows.length, valid: converted.items.length, skipped: converted.skipped, errors: converted.errors };
  }

  /** Imports every chosen row, or refuses (nothing written) while any has a problem. */
  commit(ws: Workspace, request: z.output<typeof ImportRequestSchema>): { imported: number } {
    const { kind, converted } = this.convert(ws, request);
    if (converted.errors.length > 0) throw new AppError('import.notClean', { count: new Set(converted.errors.map((e) => e.row)).size });
    const imported = ws.editor.importItems(kind, converted.items.map((i) => i.item));
    this.held = null;
    return { imported };
  }
}

