import { qualifiedAddress, rangeAddress } from '../address';
import type { Grid } from '../grid';
import type { AmountTable, RecognitionNote, Table, WorkbookModel } from '../model';
import { SheetView } from '../sheet';
import { freeTextCells } from '../text/blocks';
import { isTableStopLabel, isTitleText, withVocabulary, type VocabularyExtension } from '../vocabulary';
import { buildAmountTables } from './amounts';
import { findMoneyUnit, readFormBlock } from './form';
import { AmountHeader, Header, readHeaderAt } from './headers';
import { buildIndicatorTable } from './indicators';
import { rowHasMergedText } from './merged-rows';

/** Rows above an amount table searched for its title and "单位：万元". */
const AMOUNT_PREAMBLE_ROWS = 4;

/** The workbook's tables, notes and texts; `vocabulary` adds column names to the built-in ones. */
export function recognizeWorkbook(grids: readonly Grid[], vocabulary?: VocabularyExtension): WorkbookModel {
  return withVocabulary(vocabulary, () => recognizeGrids(grids));
}

function recognizeGrids(grids: readonly Grid[]): WorkbookModel {
  const model: WorkbookModel = { sheets: [], sheetSizes: new Map(), tables: [], notes: [], texts: [] };
  for (const grid of grids) {
    const view = new SheetView(grid);
    model.sheets.push(view.name);
    model.sheetSizes.set(view.name, { rows: view.rowCount, columns: view.columnCount });
    const { tables, covered } = recognizeSheet(view, model.notes);
    model.tables.push(...tables);
    if (tables.length === 0) noteSheetWithoutTable(view, model.notes);
    model.texts.push(...freeTextCells(view, tables));
    noteUncoveredContent(view, tables, covered, model.notes);
  }
  return model;
}

function findHeaders(view: SheetView): Header[] {
  const headers: Header[] = [];
  for (let r = 0; r < view.rowCount; r++) {
    // Header rows hold names only: rows with numbers (nearly every data row) are passed over at once.
    if (view.rowHoldsNumber(r) || (view.rowIsEmpty(r) && !rowHasMergedText(view, r))) continue;
    const header = readHeaderAt(view, r, (headers[headers.length - 1]?.bottom ?? -1) + 1);
    if (!header) continue;
    headers.push(header);
    r = header.bottom;
  }
  return headers;
}

function recognizeSheet(view: SheetView, notes: RecognitionNote[]): { tables: Table[]; covered: boolean[] } {
  const headers = findHeaders(view);
  const tables: Table[] = [];
  const covered: boolean[] = new Array<boolean>(view.rowCount).fill(false);
  let previousEnd = -1;
  // Where the last indicator table (or coded amount table) ended: an indicator table's form reaches up to it at most.
  let previousTableEnd = -1;
  for (let i = 0; i < headers.length; i++) {
    const header = headers[i]!;
    const headerRows: number[] = [];
    const bodyRows: number[] = [];
    let current = header;
    for (;;) {
      const nextTop = headers[i + 1]?.top ?? view.rowCount;
      const { rows, stopped } = collectBody(view, current, nextTop);
      for (const r of rows) bodyRows.push(r);
      const next = headers[i + 1];
      // A flat list repeats its header at every page break: the table goes on below it.
      if (!stopped && next && isRepeatedHeader(header, next)) {
        for (let r = next.top; r <= next.bottom; r++) headerRows.push(r);
        current = next;
        i++;
        continue;
      }
      break;
    }
    const tableTop =
      header.type === 'indicators'
        ? formTop(view, previousTableEnd + 1, header.top, tables)
        : firstNonEmptyRow(view, Math.max(previousEnd + 1, header.top - AMOUNT_PREAMBLE_ROWS), header.top);
    const title = findTitle(view, tableTop, header.top - 1);
    const moneyUnit = header.moneyUnit ?? findMoneyUnit(view, tableTop, header.top - 1);
    let built: Table[];
    if (header.type === 'indicators') {
      const blocks = tables.filter((t): t is AmountTable => t.kind === 'amounts' && t.block && t.range.top >= tableTop);
      // A block's header row names its columns ("项目名称 | 金额"): no label → value pair of the form.
      const blockHeaderRows = new Set(blocks.flatMap((b) => b.headerRows));
      const form = readFormBlock(view, tableTop, header.top - 1, blockHeaderRows);
      const table = buildIndicatorTable({ view, header, bodyRows, form, formTop: tableTop, title, moneyUnit, blocks });
      table.headerRows.push(...headerRows);
      built = [table];
    } else {
      built = buildAmountTables({ view, header, bodyRows, title, moneyUnit, notes });
    }
    const bottom = Math.max(header.bottom, ...built.map((t) => t.range.bottom), ...bodyRows.slice(-1));
    for (let r = Math.max(0, tableTop); r <= bottom; r++) covered[r] = true;
    for (const table of built) table.id = qualifiedAddress(view.name, rangeAddress(table.range));
    pairSides(built);
    tables.push(...built);
    previousEnd = bottom;
    if (built.some((t) => t.kind === 'indicators' || t.layout === 'code')) previousTableEnd = bottom;
  }
  return { tables, covered };
}

/**
 * The first row of an indicator table's form: the rows above its header that hang together (no two empty rows in
 * a row), from `from` at most. Amount tables of labels inside it (资金情况, 履职目标, 项目预算成本构成) are blocks
 * of the form; a coded budget table is not, and the form starts below it.
 */
function formTop(view: SheetView, from: number, headerTop: number, tables: Table[]): number {
  let top = headerTop;
  let empty = 0;
  for (let r = headerTop - 1; r >= from; r--) {
    if (view.rowIsEmpty(r) && !rowHasMergedText(view, r)) {
      if (++empty >= 2) break;
      continue;
    }
    empty = 0;
    top = r;
  }
  for (const table of tables) {
    if (table.sheet !== view.name || table.kind !== 'amounts' || table.range.bottom < top) continue;
    if (table.layout === 'labels') table.block = true;
    else top = Math.max(top, table.range.bottom + 1);
  }
  return firstNonEmptyRow(view, top, headerTop);
}

function firstNonEmptyRow(view: SheetView, from: number, to: number): number {
  for (let r = from; r < to; r++) if (!view.rowIsEmpty(r) || rowHasMergedText(view, r)) return r;
  return to;
}

function pairSides(tables: Table[]): void {
  const amountTables = tables.filter((t): t is AmountTable => t.kind === 'amounts');
  const income = amountTables.find((t) => t.side === 'income');
  const expense = amountTables.find((t) => t.side === 'expense');
  if (income && expense) {
    income.pairedWith = expense.id;
    expense.pairedWith = income.id;
  }
}

/**
 * A header repeated at a page break (flat indicator lists; budget tables converted from PDF):
 * the same columns again, with the table going on below it.
 */
function isRepeatedHeader(a: Header, b: Header): boolean {
  if (a.type === 'indicators' && b.type === 'indicators') {
    return a.columns.projectName !== undefined && JSON.stringify(a.columns) === JSON.stringify(b.columns);
  }
  if (a.type === 'amounts' && b.type === 'amounts') {
    const shape = (h: AmountHeader) =>
      JSON.stringify([h.codeColumn, h.codeParts, h.labelColumns, h.amountColumns.map((c) => [c.col, c.role])]);
    return shape(a) === shape(b);
  }
  return false;
}

/** Body rows below a header, up to the next header, a title, a footer or the next form's first label. */
function collectBody(view: SheetView, header: Header, nextTop: number): { rows: number[]; stopped: boolean } {
  const rows: number[] = [];
  const maxBlankRun = header.type === 'indicators' ? 3 : 2;
  let blankRun = 0;
  for (let r = header.bottom + 1; r < nextTop; r++) {
    if (view.rowIsEmpty(r)) {
      blankRun++;
      if (blankRun >= maxBlankRun) return { rows: trimTrailingBlank(view, rows), stopped: true };
      rows.push(r);
      continue;
    }
    blankRun = 0;
    if (isStopRow(view, r) || (header.type === 'amounts' && endsAmountBody(view, r, header))) {
      return { rows: trimTrailingBlank(view, rows), stopped: true };
    }
    rows.push(r);
  }
  return { rows: trimTrailingBlank(view, rows), stopped: false };
}

function trimTrailingBlank(view: SheetView, rows: number[]): number[] {
  let end = rows.length;
  while (end > 0 && view.rowIsEmpty(rows[end - 1]!)) end--;
  return rows.slice(0, end);
}

function isStopRow(view: SheetView, row: number): boolean {
  const first = view.firstFilledColumn(row);
  if (first < 0) return false;
  const firstKey = view.keyOf(row, first);
  if (isTableStopLabel(firstKey)) return true;
  return view.filledCount(row, 2) === 1 && isTitleText(firstKey);
}

/**
 * A row that ends an amount table's body: a text merged across the amount columns (a note, a 目标 text), or, in
 * a block of a form, a text where the block has amounts, rates or scores (the next part of the form).
 */
function endsAmountBody(view: SheetView, row: number, header: AmountHeader): boolean {
  const amountCols = header.amountColumns.map((a) => a.col);
  for (const c of view.filledColumns(row)) {
    const right = view.mergeRight(row, c);
    if (right === c || view.number(row, c) !== null) continue;
    // A text merged across columns, an amount column among them, is a paragraph or a note, not a line.
    if (amountCols.some((a) => a >= c && a <= right)) return true;
  }
  // The same paragraph where the office does not merge: a row holding only prose, written in an amount column,
  // or filled into every cell of the row where a merge was split ("拆分并填充").
  const filled = view.filledColumns(row);
  const text = filled.length > 0 ? view.text(row, filled[0]!) : '';
  if (
    filled.length > 0 &&
    filled.every((c) => view.number(row, c) === null && view.text(row, c) === text) &&
    filled.some((c) => amountCols.includes(c)) &&
    isProse(text)
  )
    return true;
  if (!header.labelsInBody) return false;
  const numeric = header.infoColumns.filter((i) => i.kind !== 'note').map((i) => i.col);
  for (const col of [...header.amountColumns.map((a) => a.col), ...numeric]) {
    if (view.isEmpty(row, col) || view.number(row, col) !== null || view.isDash(row, col)) continue;
    // A rate written as text ("95%", "100.00%") under 执行率 is the block's own figure.
    if (PERCENT_TEXT.test(view.keyOf(row, col))) continue;
    if (view.isError(row, col)) continue;
    return true;
  }
  return false;
}

const PERCENT_TEXT = /^\d+(?:\.\d+)?%$/;

/** A sentence or a numbered heading of a 说明 ("二、…情况说明", "(一)因公出国(境)费支出预算10万元，…"), not a line's label. */
function isProse(text: string): boolean {
  const compact = text.replace(/\s+/g, '');
  if (compact.length >= 20 && /[。；，,;：:]/.test(compact)) return true;
  return compact.length >= 8 && /^([一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/.test(compact);
}

function findTitle(view: SheetView, top: number, bottom: number): string | undefined {
  for (let r = bottom; r >= Math.max(0, top); r--) {
    for (const c of view.filledColumns(r)) {
      const key = view.keyOf(r, c);
      if (isTitleText(key)) return view.text(r, c);
    }
  }
  return undefined;
}

/**
 * A sheet with numbers and no table: said once for the sheet. Its range runs from the first row of the block
 * that holds the first number (its labels included) to the last number.
 */
function noteSheetWithoutTable(view: SheetView, notes: RecognitionNote[]): void {
  let numbers = 0;
  let firstNumberRow = -1;
  let lastNumberRow = -1;
  for (let r = 0; r < view.rowCount; r++) {
    if (!view.rowHoldsNumber(r)) continue;
    for (const c of view.filledColumns(r)) if (typeof view.raw(r, c) === 'number') numbers++;
    if (firstNumberRow < 0) firstNumberRow = r;
    lastNumberRow = r;
  }
  if (numbers === 0) return;
  let top = firstNumberRow;
  while (top > 0 && !view.rowIsEmpty(top - 1)) top--;
  const range = { top, left: Number.MAX_SAFE_INTEGER, bottom: lastNumberRow, right: 0 };
  for (let r = top; r <= lastNumberRow; r++) {
    for (const c of view.filledColumns(r)) {
      range.left = Math.min(range.left, c);
      range.right = Math.max(range.right, c);
    }
  }
  notes.push({ kind: 'no-table', sheet: view.name, numbers, range });
}

/**
 * Numbers outside every recognized table are reported, never silently skipped; so are Excel
 * error values anywhere on the sheet.
 */
function noteUncoveredContent(view: SheetView, tables: Table[], covered: boolean[], notes: RecognitionNote[]): void {
  let blockStart = -1;
  let blockNumbers = 0;
  let blockLeft = Number.MAX_SAFE_INTEGER;
  let blockRight = 0;
  const sheetWithoutTable = tables.length === 0 && notes.some((n) => n.kind === 'no-table' && n.sheet === view.name);
  const flush = (end: number) => {
    if (blockStart >= 0 && blockNumbers >= 2 && !sheetWithoutTable) {
      notes.push({
        kind: 'unrecognized-range',
        sheet: view.name,
        range: { top: blockStart, left: blockLeft, bottom: end, right: blockRight },
        numbers: blockNumbers,
      });
    }
    blockStart = -1;
    blockNumbers = 0;
    blockLeft = Number.MAX_SAFE_INTEGER;
    blockRight = 0;
  };
  for (let r = 0; r < view.rowCount; r++) {
    if (view.rowHasError(r)) {
      for (const c of view.filledColumns(r)) {
        const code = view.errorCode(r, c);
        if (code) {
          const inTable = tables.some(
            (t) =>
              t.sheet === view.name &&
              r >= t.range.top &&
              r <= t.range.bottom &&
              c >= t.range.left &&
              c <= t.range.right,
          );
          notes.push({ kind: 'error-value', sheet: view.name, row: r, col: c, code, inTable });
        }
      }
    }
    if (covered[r] || view.firstFilledColumn(r) < 0) {
      flush(r - 1);
      continue;
    }
    if (blockStart < 0) blockStart = r;
    for (const c of view.filledColumns(r)) {
      if (view.number(r, c) !== null) blockNumbers++;
      blockLeft = Math.min(blockLeft, c);
      blockRight = Math.max(blockRight, c);
    }
  }
  flush(view.rowCount - 1);
}
