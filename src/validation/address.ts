import type { CellRange } from './grid';

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnLetters(col: number): string {
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`invalid column index ${col}`);
  let n = col + 1;
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "A" → 0, "AA" → 26. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) throw new RangeError(`invalid column letters "${letters}"`);
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0, 0) → "A1". */
export function cellAddress(row: number, col: number): string {
  if (!Number.isInteger(row) || row < 0) throw new RangeError(`invalid row index ${row}`);
  return `${columnLetters(col)}${row + 1}`;
}

/** "B7" or "$B$7" → { row: 6, col: 1 }. */
export function parseCellAddress(a1: string): { row: number; col: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a1.trim());
  if (!match) throw new RangeError(`invalid cell address "${a1}"`);
  const row = Number(match[2]) - 1;
  if (row < 0) throw new RangeError(`invalid cell address "${a1}"`);
  return { row, col: columnIndex(match[1]!) };
}

/** "A1:C3" (or a single cell "B2") → range. */
export function parseRangeAddress(a1: string): CellRange {
  const [first, second] = a1.split(':');
  const start = parseCellAddress(first!);
  const end = second === undefined ? start : parseCellAddress(second);
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.col, end.col),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.col, end.col),
  };
}

export function rangeAddress(range: CellRange): string {
  const start = cellAddress(range.top, range.left);
  if (range.top === range.bottom && range.left === range.right) return start;
  return `${start}:${cellAddress(range.bottom, range.right)}`;
}

/** Sheet name as Excel writes it in a reference: quoted when it is not a plain identifier. */
export function quoteSheetName(sheet: string): string {
  if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) && !/^[A-Za-z]{1,3}\d+$/.test(sheet)) return sheet;
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "'My Sheet'!B3:C4" → the sheet ("My Sheet", unquoted) and the reference ("B3:C4"); no "!" → no sheet. */
export function splitSheetRef(address: string): { sheet?: string; ref: string } {
  const bang = address.lastIndexOf('!');
  if (bang < 0) return { ref: address };
  const sheetPart = address.slice(0, bang);
  const sheet = sheetPart.startsWith("'") ? sheetPart.slice(1, -1).replace(/''/g, "'") : sheetPart;
  return { sheet, ref: address.slice(bang + 1) };
}

export function qualifiedAddress(sheet: string, a1: string): string {
  return `${quoteSheetName(sheet)}!${a1}`;
}

/**
 * Compacts a list of cells into ranges: runs of consecutive rows in one column become "K5:K12".
 * Order of first appearance is kept; duplicates are dropped.
 */
export function compactCells(cells: readonly { row: number; col: number }[]): string[] {
  const seen = new Set<string>();
  const unique: { row: number; col: number }[] = [];
  for (const cell of cells) {
    const key = `${cell.row},${cell.col}`;
    if (!seen.has(key)) {
      seen.add(key);
      unique.push(cell);
    }
  }
  const byColumn = new Map<number, number[]>();
  for (const cell of unique) {
    const rows = byColumn.get(cell.col) ?? [];
    rows.push(cell.row);
    byColumn.set(cell.col, rows);
  }
  const out: string[] = [];
  for (const [col, rows] of byColumn) {
    rows.sort((a, b) => a - b);
    let start = rows[0]!;
    let prev = start;
    for (let i = 1; i <= rows.length; i++) {
      const row = rows[i];
      if (row !== undefined && row === prev + 1) {
        prev = row;
        continue;
      }
      out.push(rangeAddress({ top: start, left: col, bottom: prev, right: col }));
      if (row !== undefined) {
        start = row;
        prev = row;
      }
    }
  }
  return out;
}
