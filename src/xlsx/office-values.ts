/**
 * Cells as Office.js hands them over (a range's `values` and `numberFormat`), as engine grid values: the same
 * values the CLI reads from the same cells of the saved file (worksheet-grid.ts). Used by the task pane's adapter
 * and by the worksheet functions. No Office.js here: plain values in, grid values out.
 */
import { asExcelErrorString, type CellValue, type Grid } from '../validation';

/** Excel's first date, serial 0 (1899-12-30), and the day after its last, 9999-12-31. */
const FIRST_EXCEL_DATE = Date.UTC(1899, 11, 30);
const AFTER_LAST_EXCEL_DATE = Date.UTC(10000, 0, 1);
export const DAY_MS = 24 * 60 * 60 * 1000;
/** The serial number of 1970-01-01, where JavaScript's time 0 is. */
export const UNIX_EPOCH_SERIAL = 25569;

/**
 * A number format that shows a date or a time: what is left after quoted text, [..] sections and single escaped
 * characters (\k, _m, *s: "0.00\ \k\m" shows 5.00 km) holds y, m, d, h, s … (exceljs's test, which keeps the escapes).
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  return /[ymdhMsb]/.test(
    format
      .replace(/\[[^\]]*]/g, '')
      .replace(/"[^"]*"/g, '')
      .replace(/[\\_*]./g, ''),
  );
}

/** "2024-02-29" for a time within Excel's dates; undefined for one Excel shows as ######## (or no time at all). */
export function excelDateText(time: number): string | undefined {
  if (!(time >= FIRST_EXCEL_DATE && time < AFTER_LAST_EXCEL_DATE)) return undefined;
  return new Date(time).toISOString().slice(0, 10);
}

/** The time of a serial number in Excel's 1900 date system, to the millisecond (as exceljs reads a saved file). */
function timeOfSerial(serial: number): number {
  return Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
}

/** A number format as the grid keeps it: "General" is no format. */
export function officeFormat(format: unknown): string | undefined {
  return format === undefined || format === null || format === '' || format === 'General' || typeof format !== 'string'
    ? undefined
    : format;
}

/**
 * One cell: empty as null, "#REF!" and the other error codes as error values, a number shown as a date as that date's
 * text ("2024-02-29", as the CLI reads it: a deadline is compared as a date, not as the number 45351).
 */
export function officeCellValue(value: unknown, format: string | undefined): CellValue {
  if (value === '' || value === null || value === undefined) return null;
  if (typeof value === 'string') {
    const error = asExcelErrorString(value);
    return error ? { error } : value;
  }
  if (typeof value === 'number')
    return (isDateFormat(format) ? excelDateText(timeOfSerial(value)) : undefined) ?? value;
  if (typeof value === 'boolean') return value;
  // Office.js gives only strings, numbers and booleans; anything else has nothing to read.
  return null;
}

/** A grid being read from Office.js: rows and their number formats, kept in step. */
export type OfficeGrid = Grid & { numberFormats: (string | undefined)[][] };

/** Empty rows down to the range's first row (0-based `top`). */
export function padRows(grid: OfficeGrid, top: number): void {
  while (grid.cells.length < top) {
    grid.cells.push([]);
    grid.numberFormats.push([]);
  }
}

/** Rows read from a range whose first column is `left` (0-based), placed at their columns, with their formats. */
export function appendOfficeRows(
  grid: OfficeGrid,
  left: number,
  values: readonly (readonly unknown[])[],
  formats?: readonly (readonly unknown[])[],
): void {
  values.forEach((row, r) => {
    const cells = new Array<CellValue>(left).fill(null);
    const rowFormats = new Array<string | undefined>(left).fill(undefined);
    row.forEach((value, c) => {
      const format = officeFormat(formats?.[r]?.[c]);
      cells.push(officeCellValue(value, format));
      rowFormats.push(format);
    });
    grid.cells.push(cells);
    grid.numberFormats.push(rowFormats);
  });
}
