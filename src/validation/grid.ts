/**
 * The engine's input: one sheet as a 2-D array of cell values, its merged ranges and (optionally) its
 * number formats. Produced by the CLI (exceljs) and by the task pane (the Office JavaScript API); nothing here knows
 * where it came from.
 */

export const EXCEL_ERROR_CODES = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
] as const;

export interface ExcelErrorValue {
  error: string;
}

export type CellValue = number | string | boolean | ExcelErrorValue | null;

/** A rectangle of cells, 0-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface Grid {
  sheet: string;
  /** cells[row][col], row 0 = sheet row 1. Rows may have different lengths; missing cells are empty. */
  cells: CellValue[][];
  merges?: CellRange[];
  /** numberFormats[row][col], same shape as cells where known. */
  numberFormats?: (string | null | undefined)[][];
}

export function isExcelError(value: CellValue | undefined): value is ExcelErrorValue {
  return typeof value === 'object' && value !== null && typeof value.error === 'string';
}

/** "#REF!" and friends, as the Office JavaScript API returns them in `values` (a plain string). */
export function asExcelErrorString(value: string): string | undefined {
  return (EXCEL_ERROR_CODES as readonly string[]).includes(value) ? value : undefined;
}
