/**
 * Data format for the example workbooks in examples/ (transcribed from ../shared/seeds) and for
 * the fixture workbooks the tests generate. `scripts/build-examples.ts` renders it with exceljs.
 */
export type CellInput =
  | string
  | number
  | boolean
  | null
  | { formula: string; result?: number | string }
  | { error: '#REF!' | '#VALUE!' | '#DIV/0!' | '#N/A' | '#NAME?' | '#NUM!' | '#NULL!' };

export interface SheetSpec {
  /** Sheet tab name (≤ 31 characters, no []:*?/\). */
  name: string;
  /** Row 1 first; each row starts at column A. Use null for an empty cell. */
  rows: CellInput[][];
  /** Merged ranges in A1 notation, e.g. "A1:H1". Only the top-left cell of a merge holds a value. */
  merges?: string[];
  /** Column widths in characters, column A first. */
  columnWidths?: number[];
  /** Number formats, e.g. { range: "C5:E30", format: "#,##0.00" }. */
  numberFormats?: { range: string; format: string }[];
}

export interface WorkbookSpec {
  /** File name written into examples/, e.g. "004-重庆石柱-部门预算公开.xlsx". */
  file: string;
  /** Which seed document this transcribes, and anything a reader should know. */
  description: string;
  sheets: SheetSpec[];
}
