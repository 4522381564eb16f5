/** An exceljs worksheet as an engine grid. No file access: used by the CLI (Node) and the standalone pane (browser). */
import type ExcelJS from 'exceljs';
import { parseRangeAddress, parseNumberText, type CellValue, type Grid } from '../validation';
import { cutSparseRows, denseRowLength, type SparseCut } from './sparse-grid';
import { DAY_MS, UNIX_EPOCH_SERIAL, excelDateText, isDateFormat } from './office-values';

/**
 * Every worksheet of a loaded workbook, in order. Cells scattered far to the right of a sheet whose rows would
 * otherwise cost far more than its cells (sparse-grid.ts) are left out, and said to `onCut`.
 */
export function workbookGrids(workbook: ExcelJS.Workbook, onCut?: (cut: SparseCut) => void): Grid[] {
  const grids: Grid[] = [];
  workbook.eachSheet((worksheet) => grids.push(worksheetToGrid(worksheet, onCut)));
  return grids;
}

/**
 * A row's cells with their column numbers. exceljs's eachCell walks every index up to the row's last cell: a row
 * holding only XFD1 costs 16,384 steps. A long row is walked by the cells it holds instead.
 */
function eachCellPresent(row: ExcelJS.Row, visit: (cell: ExcelJS.Cell, colNumber: number) => void): void {
  const own = (row as unknown as { _cells?: (ExcelJS.Cell | undefined)[] })._cells;
  if (!Array.isArray(own) || own.length <= 1024) {
    row.eachCell({ includeEmpty: false }, visit);
    return;
  }
  for (const key of Object.keys(own)) {
    const cell = own[Number(key)];
    // exceljs is imported for its types only here; 0 is ValueType.Null.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-comparison
    if (cell && cell.type !== 0) visit(cell, Number(key) + 1);
  }
}

/**
 * The worksheet's rows with their numbers. exceljs's eachRow asks each row whether it holds a value by walking all
 * its cells, up to 16,384 per row: rows are taken from the sheet's own table here, and empty ones skipped by the caller.
 */
function eachRowPresent(worksheet: ExcelJS.Worksheet, visit: (row: ExcelJS.Row, rowNumber: number) => void): void {
  const own = (worksheet as unknown as { _rows?: (ExcelJS.Row | undefined)[] })._rows;
  if (!Array.isArray(own)) {
    worksheet.eachRow({ includeEmpty: false }, visit);
    return;
  }
  for (const key of own.length > 100_000 ? Object.keys(own) : own.keys()) {
    const row = own[Number(key)];
    if (row) visit(row, Number(key) + 1);
  }
}

export function worksheetToGrid(worksheet: ExcelJS.Worksheet, onCut?: (cut: SparseCut) => void): Grid {
  const cells: CellValue[][] = [];
  const numberFormats: (string | undefined)[][] = [];
  eachRowPresent(worksheet, (row, rowNumber) => {
    const values: CellValue[] = [];
    const formats: (string | undefined)[] = [];
    let present = 0;
    eachCellPresent(row, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return;
      const value = cellValueOf(cell);
      values[colNumber - 1] = value;
      present++;
      // Only the format of a number (or of a number written as text) matters to the checker: 0.95 shown as
      // 95 %. Styles are costly to read, so other cells' are not.
      if (
        (typeof value === 'number' || (typeof value === 'string' && parseNumberText(value) !== null)) &&
        cell.numFmt
      ) {
        formats[colNumber - 1] = cell.numFmt;
      }
    });
    if (present === 0) return;
    // A row is filled out to its last cell only when most of it is there: a row holding A1 and XFD1 stays two
    // cells (a sparse array), so that memory follows the cells present, not their coordinates.
    const dense = values.length <= denseRowLength(present);
    cells[rowNumber - 1] = dense ? fillHoles(values, null) : values;
    numberFormats[rowNumber - 1] = dense ? fillHoles(formats, undefined) : formats;
  });
  const merges = mergedRanges(worksheet).map((range) => parseRangeAddress(range));
  const grid = {
    sheet: worksheet.name,
    cells: fillHoles(cells, []),
    merges,
    numberFormats: fillHoles(numberFormats, []),
  };
  const cut = cutSparseRows(grid);
  if (cut) onCut?.(cut);
  return grid;
}

/**
 * The sheet's merged ranges ("A1:C1"). `worksheet.model.merges` has them too, but that getter first builds the
 * model of every row (a sixth of the read time of a large sheet): the worksheet's own merge table is read when
 * it is there.
 */
function mergedRanges(worksheet: ExcelJS.Worksheet): string[] {
  const own = (worksheet as unknown as { _merges?: Record<string, { range?: unknown } | undefined> })._merges;
  if (typeof own !== 'object') return worksheet.model.merges;
  const ranges: string[] = [];
  for (const merge of Object.values(own)) {
    if (merge && typeof merge.range === 'string') ranges.push(merge.range);
  }
  return ranges;
}

function fillHoles<T>(array: T[], filler: T): T[] {
  for (let i = 0; i < array.length; i++) if (!(i in array)) array[i] = filler;
  return array;
}

/** A formula reads as its cached result, taken from the cell: exceljs's formula value object leaves out a result of 0, false or "". */
function cellValueOf(cell: ExcelJS.Cell): CellValue {
  const value = cell.value;
  const isFormula = value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value);
  return toCellValue(isFormula ? cell.result : value, cell);
}

/** The cell's format is read only for a date: styles are costly to read on every cell. */
function toCellValue(value: ExcelJS.CellValue, cell: ExcelJS.Cell): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateValue(value, cell.numFmt);
  if (typeof value === 'object') {
    if ('error' in value) return { error: value.error };
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    // A link's text is the cell's own value: a number, a date, rich text, a formula's result or nothing.
    if ('text' in value && 'hyperlink' in value) return toCellValue(value.text, cell);
  }
  // Any other object (a formula exceljs left without a result): nothing to read.
  return null;
}

/**
 * exceljs reads every number in a date-formatted cell as a Date. It reads as the date's text where Excel shows a
 * date (as the add-in reads it, office-values.ts); otherwise as the number Excel stores, to the 10⁻⁸ day exceljs
 * keeps: a number Excel shows as ######## (negative, past 9999), or one under a format exceljs takes for a date by
 * its letters alone ("0.00\ \k\m" shows 5.00 km). A Date that is no date at all (a number too large for one, or a
 * formula's text or error result, which exceljs loses) reads as #VALUE!, so that the checker names the cell rather
 * than the whole file failing.
 */
function dateValue(date: Date, format: string | undefined): CellValue {
  const time = date.getTime();
  if (Number.isNaN(time)) return { error: '#VALUE!' };
  const text = isDateFormat(format) ? excelDateText(time) : undefined;
  return text ?? Number((time / DAY_MS + UNIX_EPOCH_SERIAL).toFixed(8));
}
