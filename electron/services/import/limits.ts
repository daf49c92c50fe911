import { IMPORT_LIMITS } from '../../../shared/domain/import.ts';
import { AppError } from '../../../shared/errors.ts';

/** The refusals of a spreadsheet over IMPORT_LIMITS, each naming the file and the limit. */

export const tooManyRows = (file: string): AppError => new AppError('import.tooManyRows', { file, limit: IMPORT_LIMITS.rows });

export const tooManyCells = (file: string): AppError => new AppError('import.tooManyCells', { file, limit: IMPORT_LIMITS.cells });

/**
 * A table's size as a reader finds it, row by row: refuses the file as soon as it has more rows, or
 * more rows × columns, than the limits allow, before the reader builds anything that large.
 */
export class TableBudget {
  private readonly file: string;
  private rows = 0;
  private width = 0;

  constructor(file: string) {
    this.file = file;
  }

  /** The row being read (spreadsheet row `row`) reaches `width` columns, empty cells included. */
  widen(row: number, width: number): void {
    if (width <= this.width) return;
    if (width > IMPORT_LIMITS.columns) throw new AppError('import.tooWide', { file: this.file, row, limit: IMPORT_LIMITS.columns });
    this.width = width;
    if ((this.rows + 1) * width > IMPORT_LIMITS.cells) throw tooManyCells(this.file);
  }

  /** The row being read is complete. */
  endRow(): void {
    this.rows += 1;
    if (this.rows > IMPORT_LIMITS.rows) throw tooManyRows(this.file);
    if (this.rows * this.width > IMPORT_LIMITS.cells) throw tooManyCells(this.file);
  }
}
