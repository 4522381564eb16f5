/**
 * A workbook parsed by SheetJS (any format it reads: .xlsx/.xlsm, .xls, .et, .xlsb, .ods, .csv …) as engine grids,
 * the same grids the exceljs reader gave (worksheet-grid.ts, kept as the reference of tests/reader-properties.test.ts):
 * cached formula results, error values, merged-over cells empty, a number's format kept where it matters (a date
 * reads as its text, 95 % as 0.95 with its format). No file access: used by the CLI and by the standalone page.
 */
import type { CellObject, Range, WorkBook, WorkSheet } from '@e965/xlsx';
import { parseNumberText, type CellRange, type CellValue, type Grid } from '../validation';
import { cutSparseRows, denseRowLength, type SparseCut } from './sparse-grid';
import { excelDateText, isDateFormat, DAY_MS, UNIX_EPOCH_SERIAL } from './office-values';
import { PRECHECK_LIMITS, unescapeXml } from './workbook-precheck';

/** Merged areas of a sheet too large to keep within the sheet's budget of merged cells. */
export interface SkippedMerges {
  sheet: string;
  count: number;
  examples: string[];
}

export interface GridCallbacks {
  onCut?: (cut: SparseCut) => void;
  onMergesSkipped?: (skipped: SkippedMerges) => void;
  /**
   * SheetJS leaves XML escapes in an OpenDocument table's name ("O&apos;Brien", "收入&amp;支出"): the reader of an
   * .ods or .fods unescapes them.
   */
  unescapeSheetNames?: boolean;
}

/** Excel's error codes as BIFF and SheetJS number them. */
const ERROR_CODES: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

/** Days between the 1900 and the 1904 date systems. */
const DATE_1904_OFFSET = 1462;

/** Every worksheet of the workbook, in order (chart sheets have no cells to check and are left out). */
export function sheetjsGrids(workbook: WorkBook, callbacks: GridCallbacks = {}): Grid[] {
  const date1904 = workbook.Workbook?.WBProps?.date1904 === true;
  const grids: Grid[] = [];
  for (const name of workbook.SheetNames) {
    const sheet = workbook.Sheets[name];
    if (!sheet || sheet['!type'] === 'chart') continue;
    grids.push(sheetToGrid(callbacks.unescapeSheetNames ? unescapeXml(name) : name, sheet, date1904, callbacks));
  }
  return grids;
}

function sheetToGrid(name: string, sheet: WorkSheet, date1904: boolean, callbacks: GridCallbacks): Grid {
  const rows: CellValue[][] = [];
  const rowFormats: (string | undefined)[][] = [];
  let lastRow = -1;
  let lastColumn = -1;
  eachRow(sheet, (r, row) => {
    const values: CellValue[] = [];
    const formats: (string | undefined)[] = [];
    row.forEach((cell, c) => {
      if (!cell) return;
      const value = cellValue(cell, date1904);
      if (value === undefined) return;
      values[c] = value;
      if (c > lastColumn) lastColumn = c;
      const format = cell.z === undefined || cell.z === 'General' ? undefined : String(cell.z);
      if (
        format !== undefined &&
        (typeof value === 'number' || (typeof value === 'string' && parseNumberText(value) !== null))
      )
        formats[c] = format;
    });
    if (values.length === 0) return;
    rows[r] = values;
    rowFormats[r] = formats;
    if (r > lastRow) lastRow = r;
  });
  const merges = keptMerges(name, sheet['!merges'] ?? [], lastRow, lastColumn, callbacks);
  // Only the top-left cell of a merged area holds its value, as Excel shows it.
  for (const merge of merges) {
    for (let r = merge.top; r <= Math.min(merge.bottom, lastRow); r++) {
      const row = rows[r];
      if (!row) continue;
      forEachIndexIn(row, merge.left, merge.right, (c) => {
        if (r !== merge.top || c !== merge.left) {
          // A hole, as for a cell never written: the exceljs reader skipped merged-over cells the same way.
          // eslint-disable-next-line @typescript-eslint/no-array-delete, @typescript-eslint/no-dynamic-delete
          delete row[c];
          // eslint-disable-next-line @typescript-eslint/no-array-delete, @typescript-eslint/no-dynamic-delete
          delete rowFormats[r]![c];
        }
      });
    }
  }
  const cells: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  for (const key of rows.length > 100_000 ? Object.keys(rows) : rows.keys()) {
    const r = Number(key);
    const values = rows[r];
    if (!values) continue;
    const present = Object.keys(values).length;
    if (present === 0) continue;
    // As the exceljs reader did: a row is filled out to its last cell only when most of it is there.
    const dense = values.length <= denseRowLength(present);
    cells[r] = dense ? fillHoles(values, null) : values;
    numberFormats[r] = dense ? fillHoles(rowFormats[r]!, undefined) : rowFormats[r]!;
  }
  const grid: Grid = { sheet: name, cells: fillHoles(cells, []), merges, numberFormats: fillHoles(numberFormats, []) };
  const cut = cutSparseRows(grid);
  if (cut) callbacks.onCut?.(cut);
  return grid;
}

/** The sheet's rows with their 0-based numbers, from a dense sheet's row table or a sparse sheet's cell keys. */
function eachRow(sheet: WorkSheet, visit: (r: number, row: (CellObject | undefined)[]) => void): void {
  const data = sheet['!data'];
  if (Array.isArray(data)) {
    for (const key of data.length > 100_000 ? Object.keys(data) : data.keys()) {
      const row = data[Number(key)];
      if (Array.isArray(row)) visit(Number(key), row);
    }
    return;
  }
  // A sparse sheet (SheetJS's default; the reader asks for dense ones): cells are keyed by address.
  const byRow: (CellObject | undefined)[][] = [];
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const match = /^([A-Z]+)(\d+)$/.exec(key);
    if (!match) continue;
    let c = 0;
    for (const letter of match[1]!) c = c * 26 + letter.charCodeAt(0) - 64;
    (byRow[Number(match[2]) - 1] ??= [])[c - 1] = sheet[key] as CellObject;
  }
  byRow.forEach((row, r) => {
    visit(r, row);
  });
}

/** Calls `visit` with each index from `left` to `right` that the array holds: by its keys when that is fewer steps. */
function forEachIndexIn(array: unknown[], left: number, right: number, visit: (index: number) => void): void {
  const end = Math.min(right, array.length - 1);
  if (end - left > 64) {
    for (const key of Object.keys(array)) {
      const c = Number(key);
      if (c >= left && c <= end) visit(c);
    }
    return;
  }
  for (let c = left; c <= end; c++) if (c in array) visit(c);
}

/**
 * The sheet's merged areas within its budget of merged cells (each counted by the cells it covers among those present,
 * as the pre-check counts them); the others are said to `onMergesSkipped`, never expanded.
 */
function keptMerges(
  sheet: string,
  ranges: readonly Range[],
  lastRow: number,
  lastColumn: number,
  callbacks: GridCallbacks,
): CellRange[] {
  const kept: CellRange[] = [];
  const skipped: SkippedMerges = { sheet, count: 0, examples: [] };
  let budget = PRECHECK_LIMITS.mergedCells;
  for (const range of ranges) {
    const merge = {
      top: Math.min(range.s.r, range.e.r),
      left: Math.min(range.s.c, range.e.c),
      bottom: Math.max(range.s.r, range.e.r),
      right: Math.max(range.s.c, range.e.c),
    };
    const rows = Math.max(0, Math.min(merge.bottom, lastRow) - merge.top + 1);
    const columns = Math.max(0, Math.min(merge.right, lastColumn) - merge.left + 1);
    if (rows * columns > budget) {
      skipped.count++;
      if (skipped.examples.length < 3) skipped.examples.push(rangeAddress(merge));
      continue;
    }
    budget -= rows * columns;
    kept.push(merge);
  }
  if (skipped.count > 0) callbacks.onMergesSkipped?.(skipped);
  return kept;
}

function columnLetters(c: number): string {
  let letters = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function rangeAddress(range: CellRange): string {
  return `${columnLetters(range.left)}${range.top + 1}:${columnLetters(range.right)}${range.bottom + 1}`;
}

function fillHoles<T>(array: T[], filler: T): T[] {
  for (let i = 0; i < array.length; i++) if (!(i in array)) array[i] = filler;
  return array;
}

/**
 * A cell's value as the grid holds it; undefined for a cell with nothing in it (a stub, or a formula with no cached
 * result). A formula reads as its cached result. A number under a date format reads as the date's text, as the add-in
 * reads it (office-values.ts), unless Excel would show ######## (then the number).
 */
function cellValue(cell: CellObject, date1904: boolean): CellValue | undefined {
  switch (cell.t) {
    case 'n': {
      const value = cell.v as number;
      if (typeof value !== 'number') return undefined;
      // No cell holds NaN or infinity; a damaged record might.
      if (!Number.isFinite(value)) return { error: '#NUM!' };
      if (!isDateFormat(typeof cell.z === 'string' ? cell.z : undefined)) return value;
      const serial = date1904 ? value + DATE_1904_OFFSET : value;
      return excelDateText(Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS)) ?? value;
    }
    case 's':
      return typeof cell.v === 'string' ? cell.v : cell.v === undefined ? undefined : String(cell.v);
    case 'b':
      return cell.v === undefined ? undefined : Boolean(cell.v);
    case 'e': {
      const text = typeof cell.w === 'string' && cell.w.startsWith('#') ? cell.w : ERROR_CODES[cell.v as number];
      return { error: text ?? '#VALUE!' };
    }
    case 'd': {
      const date = cell.v instanceof Date ? cell.v : new Date(String(cell.v));
      const time = date.getTime();
      return Number.isNaN(time) ? { error: '#VALUE!' } : (excelDateText(time) ?? time / DAY_MS + UNIX_EPOCH_SERIAL);
    }
    default:
      return undefined;
  }
}
