/**
 * The checker walks each row up to its last cell. 20,000 rows holding one cell each in column XFD would cost 16,384
 * steps per row and per pass: when a sheet's rows are far longer in all than its cells are many, each sparse row is
 * cut after the cells that sit together at its start, and the cells left out are named in a note, never dropped
 * silently. What is checked then costs in proportion to the cells
 * present, whatever their coordinates. Reader-independent: works on any grid with sparse rows.
 */
import { cellAddress, type CellValue, type Grid } from '../validation';

/** The length up to which a row holding `present` cells is dense enough to be filled out (and checked whole). */
export function denseRowLength(present: number): number {
  return 4 * present + 512;
}

export interface SparseCut {
  sheet: string;
  /** How many cells were left out, and the first few addresses. */
  count: number;
  examples: string[];
}

/** Steps the checker may take along the rows of one sheet, beyond 8 per cell present. */
export const ROW_STEP_BUDGET = 4_000_000;

/**
 * Fills out the sparse rows of a grid in place when the sheet's rows are short enough in all, and otherwise cuts
 * them; returns what was left out, if anything.
 */
export function cutSparseRows(grid: Grid): SparseCut | undefined {
  let steps = 0;
  let present = 0;
  const sparse: number[] = [];
  grid.cells.forEach((row, r) => {
    if (!Array.isArray(row) || row.length === 0) return;
    steps += row.length;
    const count = Object.keys(row).length;
    present += count;
    if (row.length > denseRowLength(count)) sparse.push(r);
  });
  if (sparse.length === 0) return undefined;
  if (steps <= Math.max(ROW_STEP_BUDGET, 8 * present)) {
    for (const r of sparse) {
      grid.cells[r] = Array.from(grid.cells[r]!, (value) => value ?? null);
      const formats = grid.numberFormats?.[r];
      if (formats) grid.numberFormats![r] = Array.from(formats);
    }
    return undefined;
  }
  const cut: SparseCut = { sheet: grid.sheet, count: 0, examples: [] };
  for (const r of sparse) {
    const row = grid.cells[r]!;
    const columns = Object.keys(row).map(Number);
    // Keep the longest start of the row that is dense enough; everything right of it is left out.
    let keep = 0;
    columns.forEach((column, i) => {
      if (column + 1 <= denseRowLength(i + 1)) keep = column + 1;
    });
    const kept: CellValue[] = new Array<CellValue>(keep).fill(null);
    for (const column of columns) {
      if (column < keep) kept[column] = row[column] ?? null;
      else if (row[column] !== null && row[column] !== undefined) {
        cut.count++;
        if (cut.examples.length < 3) cut.examples.push(cellAddress(r, column));
      }
    }
    grid.cells[r] = kept;
    const formats = grid.numberFormats?.[r];
    if (formats) grid.numberFormats![r] = Array.from({ length: keep }, (_, c) => formats[c]);
  }
  return cut.count > 0 ? cut : undefined;
}
