import Decimal from 'decimal.js';
import { decimalOfCellNumber } from './decimal';
import { CellRange, CellValue, Grid, isExcelError } from './grid';
import { isDashText, keyOfNormalized, normalizeText, parseNumberText } from './normalize';

/**
 * A normalized, read-only view of one grid: cell text normalized once, numbers parsed on demand,
 * and for every cell inside a merged range the range's top-left cell (the only one holding a value).
 *
 * Kept lean for sheets of 10⁵ rows: a row whose strings need no normalizing is used as it is (no copy), and
 * a number's text is made only when asked for.
 */
export class SheetView {
  readonly name: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly merges: readonly CellRange[];
  private readonly values: CellValue[][];
  /** The values with every string normalized: the grid's own row where nothing changed. */
  private readonly cells: CellValue[][];
  private readonly mergeOrigin = new Map<number, number>();
  /** Per row: ROW_HAS_NUMBER | ROW_HAS_ERROR, found while normalizing. */
  private readonly rowFlags: Uint8Array;
  /** Numbers parsed from text cells, by cell key. */
  private readonly textNumbers = new Map<number, Decimal | null>();
  private readonly mergeAt = new Map<number, CellRange>();
  private readonly formats: (string | null | undefined)[][];

  constructor(grid: Grid) {
    this.name = grid.sheet;
    // Tolerate holes and non-array rows from callers: they are empty rows.
    this.values = rowsOf(grid.cells);
    this.rowCount = this.values.length;
    let columns = 0;
    for (const row of this.values) if (row.length > columns) columns = row.length;
    this.columnCount = columns;
    this.rowFlags = new Uint8Array(this.rowCount);
    this.cells = this.values.map((row, r) => {
      let flags = 0;
      for (let c = 0; c < row.length; c++) {
        const value = row[c];
        if (typeof value === 'number') flags |= ROW_HAS_NUMBER;
        else if (value !== null && typeof value === 'object' && isExcelError(value)) flags |= ROW_HAS_ERROR;
      }
      this.rowFlags[r] = flags;
      return normalizedRow(row);
    });
    this.formats = rowsOf(grid.numberFormats);
    this.merges = (grid.merges ?? []).filter(
      (m) => m.top >= 0 && m.left >= 0 && m.bottom >= m.top && m.right >= m.left,
    );
    for (const merge of this.merges) {
      const origin = this.key(merge.top, merge.left);
      this.mergeAt.set(origin, merge);
      const bottom = Math.min(merge.bottom, this.rowCount - 1);
      const right = Math.min(merge.right, this.columnCount - 1);
      for (let r = merge.top; r <= bottom; r++) {
        for (let c = merge.left; c <= right; c++) {
          if (r !== merge.top || c !== merge.left) this.mergeOrigin.set(this.key(r, c), origin);
        }
      }
    }
  }

  private key(row: number, col: number): number {
    return row * (this.columnCount + 1) + col;
  }

  raw(row: number, col: number): CellValue {
    return this.values[row]?.[col] ?? null;
  }

  /** Normalized text of the cell itself ("" when empty or inside a merge but not its top-left). */
  text(row: number, col: number): string {
    const value = this.cells[row]?.[col];
    if (typeof value === 'string') return value;
    return value === null || value === undefined ? '' : cellText(value);
  }

  /** Normalized text of the cell, or of its merged range's top-left cell. */
  filledText(row: number, col: number): string {
    if (this.mergeOrigin.size === 0) return this.text(row, col);
    const origin = this.mergeOrigin.get(this.key(row, col));
    if (origin === undefined) return this.text(row, col);
    const width = this.columnCount + 1;
    return this.text(Math.floor(origin / width), origin % width);
  }

  /** The top-left cell of the merge holding (row, col), or the cell itself. */
  origin(row: number, col: number): { row: number; col: number } {
    const origin = this.mergeOrigin.get(this.key(row, col));
    if (origin === undefined) return { row, col };
    const width = this.columnCount + 1;
    return { row: Math.floor(origin / width), col: origin % width };
  }

  /** The last column of the merged range whose top-left cell is (row, col), or col itself. */
  mergeRight(row: number, col: number): number {
    return this.mergeAt.get(this.key(row, col))?.right ?? col;
  }

  isMergedContinuation(row: number, col: number): boolean {
    return this.mergeOrigin.has(this.key(row, col));
  }

  /** Header/label form of the cell: filled from merges, white space removed. */
  labelKey(row: number, col: number): string {
    return keyOfNormalized(this.filledText(row, col));
  }

  isEmpty(row: number, col: number): boolean {
    return isBlank(this.cells[row]?.[col]);
  }

  isError(row: number, col: number): boolean {
    return isExcelError(this.raw(row, col));
  }

  errorCode(row: number, col: number): string | undefined {
    const value = this.raw(row, col);
    return isExcelError(value) ? value.error : undefined;
  }

  /** The cell as a number: numeric cells and numbers written as text; null otherwise. */
  number(row: number, col: number): Decimal | null {
    const value = this.raw(row, col);
    if (typeof value === 'number') return Number.isFinite(value) ? decimalOfCellNumber(value) : null;
    if (typeof value !== 'string') return null;
    const key = this.key(row, col);
    let parsed = this.textNumbers.get(key);
    if (parsed === undefined) {
      parsed = parseNumberText(value);
      this.textNumbers.set(key, parsed);
    }
    return parsed;
  }

  /** Whether the row holds a number-typed cell (a quick test: header rows hold none). */
  rowHoldsNumber(row: number): boolean {
    return ((this.rowFlags[row] ?? 0) & ROW_HAS_NUMBER) !== 0;
  }

  /** Whether the row holds an Excel error value (#REF!, #DIV/0! …). */
  rowHasError(row: number): boolean {
    return ((this.rowFlags[row] ?? 0) & ROW_HAS_ERROR) !== 0;
  }

  /** Whether the cell is shown as a percentage (number format "0%", "0.00%"). */
  isPercentFormat(row: number, col: number): boolean {
    const format = this.formats[row]?.[col];
    return typeof format === 'string' && /%/.test(format.replace(/"[^"]*"|\\./g, ''));
  }

  /** Digits after the point the cell's number format shows ("0.00%" → 2, "#,##0.0" → 1); undefined for General. */
  formatDecimals(row: number, col: number): number | undefined {
    const format = this.formats[row]?.[col];
    if (typeof format !== 'string') return undefined;
    const section = format.split(';')[0]!.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
    if (!/[0#?]/.test(section)) return undefined;
    const fraction = /\.([0#?]+)/.exec(section);
    return fraction ? fraction[1]!.length : 0;
  }

  isDash(row: number, col: number): boolean {
    return isDashText(this.text(row, col));
  }

  rowIsEmpty(row: number): boolean {
    return this.firstFilledColumn(row) < 0;
  }

  /** The first column of the row holding text, or −1. */
  firstFilledColumn(row: number): number {
    const cells = this.cells[row];
    if (cells === undefined) return -1;
    for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) return c;
    return -1;
  }

  /** How many cells of the row hold text, counting no further than `limit`. */
  filledCount(row: number, limit = Number.MAX_SAFE_INTEGER): number {
    const cells = this.cells[row];
    if (cells === undefined) return 0;
    let count = 0;
    for (let c = 0; c < cells.length && count < limit; c++) if (!isBlank(cells[c])) count++;
    return count;
  }

  /** Columns of the row that hold text (not merge continuations), left to right. */
  filledColumns(row: number): number[] {
    const cols: number[] = [];
    const cells = this.cells[row] ?? [];
    for (let c = 0; c < cells.length; c++) if (!isBlank(cells[c])) cols.push(c);
    return cols;
  }

  keyOf(row: number, col: number): string {
    return keyOfNormalized(this.text(row, col));
  }
}

/** The rows as arrays, a hole or a non-array row as an empty row. An index loop: Array.from's iterator is measurable on 10⁵ rows. */
function rowsOf<T>(rows: readonly T[][] | undefined): T[][] {
  const source: readonly unknown[] = Array.isArray(rows) ? rows : Array.from(rows ?? []);
  const out: T[][] = [];
  for (let r = 0; r < source.length; r++) {
    const row = source[r];
    out.push(Array.isArray(row) ? (row as T[]) : []);
  }
  return out;
}

const ROW_HAS_NUMBER = 1;
const ROW_HAS_ERROR = 2;

/** The row with its strings normalized; the row itself when none changes. */
function normalizedRow(row: CellValue[]): CellValue[] {
  let out: CellValue[] | undefined;
  for (let c = 0; c < row.length; c++) {
    const value = row[c];
    if (typeof value !== 'string') continue;
    const normalized = normalizeText(value);
    if (normalized !== value) (out ??= row.slice())[c] = normalized;
  }
  return out ?? row;
}

/** Whether the value shows as an empty cell (cellText is ""), with no string made for a number. */
function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined || value === '') return true;
  const type = typeof value;
  if (type === 'string' || type === 'boolean') return false;
  if (type === 'number') return !Number.isFinite(value);
  return !isExcelError(value) || value.error === '';
}

function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (isExcelError(value)) return value.error;
  return '';
}
