import type { SheetView } from '../sheet';

const MERGED_TEXT_ROWS = new WeakMap<SheetView, Uint8Array>();

/**
 * Whether an empty row gets text from a merged area reaching down into it (a label merged over several rows). Found
 * once per sheet from the merges themselves: walking every column of every empty row costs 1,048,576 × 16,384 reads
 * on a sheet with cells at A1 and XFD1048576. Same answer as reading filledText across the row.
 */
export function rowHasMergedText(view: SheetView, row: number): boolean {
  let rows = MERGED_TEXT_ROWS.get(view);
  if (!rows) {
    rows = new Uint8Array(view.rowCount);
    for (const merge of view.merges) {
      if (merge.left >= view.columnCount || view.text(merge.top, merge.left) === '') continue;
      for (let r = merge.top + 1, last = Math.min(merge.bottom, view.rowCount - 1); r <= last; r++) rows[r] = 1;
    }
    MERGED_TEXT_ROWS.set(view, rows);
  }
  return rows[row] === 1;
}
