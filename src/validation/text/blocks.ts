import type { CellRange } from '../grid';
import type { Table, TextCell } from '../model';
import type { SheetView } from '../sheet';

/** A cell worth reading as prose: some Chinese text, not a lone label of one or two words. */
const PROSE = /[\u4e00-\u9fff]/;
const MIN_LENGTH = 6;

/**
 * The text cells of a sheet that lie outside every recognized table: 情况说明 paragraphs, notes under tables
 * ("注：…", "说明：…"), titles. The text rules read these; cells inside a table are the table's own
 * (indicator forms keep theirs in `formTexts`).
 */
export function freeTextCells(view: SheetView, tables: readonly Table[]): TextCell[] {
  // The table ranges over each row, built once: one pass over the tables' rows, not the tables per row.
  const byRow = new Array<CellRange[] | undefined>(view.rowCount);
  for (const table of tables) {
    if (table.sheet !== view.name) continue;
    const r = table.range;
    for (let row = Math.max(0, r.top); row <= Math.min(r.bottom, view.rowCount - 1); row++) (byRow[row] ??= []).push(r);
  }
  const out: TextCell[] = [];
  for (let row = 0; row < view.rowCount; row++) {
    const inRow = byRow[row];
    if (inRow?.some((r) => r.left <= 0 && r.right >= view.columnCount - 1)) continue;
    let previous: string | undefined;
    for (const col of view.filledColumns(row)) {
      const raw = view.raw(row, col);
      if (typeof raw !== 'string') continue;
      if (inRow?.some((r) => col >= r.left && col <= r.right)) continue;
      const text = view.text(row, col);
      // A merged paragraph unmerged with its text filled into every cell ("拆分并填充") is read once.
      const repeated = text === previous;
      previous = text;
      if (repeated || text.length < MIN_LENGTH || !PROSE.test(text)) continue;
      out.push({ sheet: view.name, row, col, text, raw });
    }
  }
  return out;
}
