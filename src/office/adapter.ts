/**
 * The add-in's only contact with the workbook: every Excel.run is here. Components and the custom
 * functions call these functions; they never touch Office.js themselves.
 */
/* global Excel, Office */
import {
  columnLetters,
  compactCells,
  parseCellAddress,
  parseRangeAddress,
  splitSheetRef,
  SEVERITY_FILLS,
  type CellRange,
  type Grid,
} from '../validation';
import { appendOfficeRows, padRows, type OfficeGrid } from '../xlsx/office-values';
import type { RenderPlan } from '../templates/plan';
import { uniqueSheetName } from '../templates/plan';
import { POINTS_PER_WIDTH } from '../templates/look';
import { applyTemplateLook } from './template-look';
import { z } from 'zod';

/**
 * Inserts a template as a new sheet, named uniquely ("项目支出绩效目标表 (2)"): never replaces or changes an
 * existing sheet. The hidden list sheet and its names are added only when the workbook lacks them.
 * Two syncs, whatever the template: one to read the sheet and name lists, one to write everything.
 */
export async function insertTemplate(plan: RenderPlan): Promise<string> {
  // Data validation (1.8) and page layout (1.9): checked before anything is written, so an older Excel
  // never gets a half-built sheet.
  if (typeof Office !== 'undefined' && !Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    throw new Error(
      '此版本的 Excel 不支持插入模板（需要 ExcelApi 1.9），请升级 Excel 或使用命令行 budget-check template 生成模板文件 (this Excel lacks ExcelApi 1.9)',
    );
  }
  return Excel.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const names = context.workbook.names;
    sheets.load('items');
    names.load('items');
    await context.sync();

    const existing = sheets.items.map((sheet) => sheet.name);
    const sheetName = uniqueSheetName(plan.sheetName, existing);
    const sheet = sheets.add(sheetName);
    for (const cell of plan.cells) {
      const range = sheet.getRange(cell.address);
      if (cell.formula !== undefined) range.formulas = [[`=${cell.formula}`]];
      else range.values = [[cell.value ?? '']];
    }
    for (const { range, format } of plan.numberFormats) {
      const r = parseRangeAddress(range);
      sheet.getRange(range).numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () =>
        Array.from({ length: r.right - r.left + 1 }, () => format),
      );
    }
    for (const merge of plan.merges) sheet.getRange(merge).merge(false);
    plan.columnWidths.forEach((width, i) => {
      const letter = columnLetters(i);
      // Office.js widths are in points; template widths are in characters of the default font's digits.
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_WIDTH;
    });
    applyTemplateLook(sheet, plan);

    if (plan.lists) {
      if (!existing.includes(plan.lists.sheetName)) {
        const lists = sheets.add(plan.lists.sheetName);
        plan.lists.columns.forEach((column, c) => {
          const letter = columnLetters(c);
          lists.getRange(`${letter}1:${letter}${column.values.length + 1}`).values = [
            [column.header],
            ...column.values.map((v) => [v]),
          ];
        });
        lists.visibility = Excel.SheetVisibility.hidden;
      }
      // Each missing name is added (a workbook may hold the list sheet but not every name). The reference
      // needs its "=": without it Excel stores the name as text, not as a range (office-js issue 2283).
      const known = new Set(names.items.map((n) => n.name));
      for (const { name, range } of plan.lists.names) {
        if (!known.has(name)) names.add(name, `=${range}`);
      }
    }
    for (const validation of plan.validations) {
      const range = sheet.getRange(validation.range);
      range.dataValidation.rule = { list: { inCellDropDown: true, source: validation.source } };
      range.dataValidation.errorAlert = {
        showAlert: validation.strict,
        style: Excel.DataValidationAlertStyle.stop,
        title: '',
        message: '',
      };
      if (validation.prompt) range.dataValidation.prompt = { showPrompt: true, title: '', message: validation.prompt };
    }
    if (plan.freezeRows > 0) sheet.freezePanes.freezeRows(plan.freezeRows);
    sheet.pageLayout.paperSize = Excel.PaperType.a4;
    sheet.pageLayout.orientation = plan.landscape ? Excel.PageOrientation.landscape : Excel.PageOrientation.portrait;
    sheet.pageLayout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    if (plan.printTitleRows) sheet.pageLayout.setPrintTitleRows(`$${plan.printTitleRows.replace(':', ':$')}`);
    sheet.activate();
    await context.sync();
    return sheetName;
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the workbook for the engine.

/**
 * Cells per read: Excel on the web caps a response at 5 MB; 50,000 cells of values and number formats
 * stay well under it. One sync per block, never one per row or cell.
 */
export const BLOCK_CELLS = 50_000;

export type ReadScope = 'sheet' | 'selection' | 'workbook';

/** The sheet, the selection or every sheet as engine grids: values, merged areas and number formats. */
export async function readGrids(scope: ReadScope, onProgress?: (done: number, total: number) => void): Promise<Grid[]> {
  return Excel.run(async (context) => {
    const sources: { sheet: Excel.Worksheet; range: Excel.Range; merges: Excel.RangeAreas }[] = [];
    const add = (sheet: Excel.Worksheet, range: Excel.Range) => {
      range.load('rowIndex,columnIndex,rowCount,columnCount,isNullObject');
      const merges = range.getMergedAreasOrNullObject();
      merges.load('address,isNullObject');
      sheet.load('name');
      sources.push({ sheet, range, merges });
    };
    if (scope === 'selection') {
      // A select-all selection is 1,048,576 × 16,384 cells: only its used part is read.
      const selected = context.workbook.getSelectedRange();
      add(selected.worksheet, selected.getUsedRangeOrNullObject(true));
    } else if (scope === 'sheet') {
      const sheet = context.workbook.worksheets.getActiveWorksheet();
      add(sheet, sheet.getUsedRangeOrNullObject(true));
    } else {
      const sheets = context.workbook.worksheets;
      sheets.load('items');
      await context.sync();
      for (const sheet of sheets.items) add(sheet, sheet.getUsedRangeOrNullObject(true));
    }
    await context.sync();

    const blocks = sources.map(({ range }) =>
      range.isNullObject ? 0 : Math.ceil(range.rowCount / rowsPerBlock(range)),
    );
    const total = blocks.reduce((a, b) => a + b, 0);
    let done = 0;
    const grids: Grid[] = [];
    for (const { sheet, range, merges } of sources) {
      const grid: OfficeGrid = { sheet: sheet.name, cells: [], merges: [], numberFormats: [] };
      grids.push(grid);
      if (range.isNullObject) continue;
      padRows(grid, range.rowIndex);
      const blockRows = rowsPerBlock(range);
      for (let start = 0; start < range.rowCount; start += blockRows) {
        const rows = Math.min(blockRows, range.rowCount - start);
        const block = sheet.getRangeByIndexes(range.rowIndex + start, range.columnIndex, rows, range.columnCount);
        block.load('values,numberFormat');
        await context.sync();
        appendOfficeRows(grid, range.columnIndex, block.values, block.numberFormat);
        block.untrack();
        onProgress?.(++done, total);
      }
      if (!merges.isNullObject) grid.merges = parseAreas(merges.address);
    }
    return grids;
  });
}

/** Whole rows per block read, so that a block stays under BLOCK_CELLS cells. */
function rowsPerBlock(range: { columnCount: number }): number {
  return Math.max(1, Math.floor(BLOCK_CELLS / range.columnCount));
}

/** "Sheet1!A1:B2,Sheet1!C3:D4" → ranges. */
export function parseAreas(address: string): CellRange[] {
  return address
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map((part) => parseRangeAddress(part.slice(part.lastIndexOf('!') + 1).replace(/\$/g, '')));
}

// ---------------------------------------------------------------------------------------------
// Highlighting findings in place, reversibly.

export const HIGHLIGHT_COLORS = {
  error: `#${SEVERITY_FILLS.error}`,
  warning: `#${SEVERITY_FILLS.warning}`,
  info: `#${SEVERITY_FILLS.info}`,
} as const;
/** getRanges takes an address string of at most 8,192 characters. */
export const ADDRESS_LIMIT = 8192;
const SETTINGS_KEY = 'budgetCheck.highlights';

export interface HighlightTarget {
  sheet: string;
  cell: string;
  severity: keyof typeof HIGHLIGHT_COLORS;
}

/** Address lists for getRanges: "A1,B2:B9,…", each under the limit. */
export function addressChunks(addresses: readonly string[], limit = ADDRESS_LIMIT - 1): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const address of addresses) {
    const next = current === '' ? address : `${current},${address}`;
    if (next.length > limit && current !== '') {
      chunks.push(current);
      current = address;
    } else current = next;
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/**
 * The formula of our highlights' conditional formats: always TRUE, and ours alone, so that clearHighlights finds
 * exactly them on any sheet (a renamed or copied one, after the record was lost) and never a user's own rule.
 * ConditionalFormat.id is a priority, not a stable id: it cannot tell ours from a rule the user added later.
 */
export const HIGHLIGHT_FORMULA = '=N("budgetCheck.highlight")=0';

/** Whether a rule's formula is ours, however Excel spells it back (case, spaces, "=" or not). */
export function isHighlightFormula(formula: unknown): boolean {
  return (
    typeof formula === 'string' && formula.replace(/\s+/g, '').toLowerCase().includes('n("budgetcheck.highlight")')
  );
}

/** What the workbook's settings remember of the last highlights: the worksheet ids (stable across renames) and counts. */
const HighlightRecord = z.object({
  version: z.literal(2),
  sheets: z.record(z.string(), z.number().int().nonnegative()),
});

/** The record in the settings, as a prototype-free map; undefined when absent, of an older version or corrupt. */
export function parseHighlightRecord(value: unknown): Map<string, number> | undefined {
  let json: unknown;
  try {
    json = typeof value === 'string' ? JSON.parse(value) : value;
  } catch {
    return undefined;
  }
  const parsed = HighlightRecord.safeParse(json);
  return parsed.success ? new Map(Object.entries(parsed.data.sheets)) : undefined;
}

export interface HighlightResult {
  /** Conditional formats added. */
  added: number;
  /** Sheets named by findings that are no longer in the workbook (deleted or renamed since the check). */
  missingSheets: string[];
}

/**
 * Colours the findings' cells by severity with conditional formats of our own formula, which leave every cell's own
 * format untouched; the sheets are recorded by worksheet id in the workbook's settings. Earlier highlights are
 * replaced; findings on a sheet deleted or renamed since the check are skipped and named. Three syncs, whatever the
 * count.
 */
export async function highlightFindings(targets: readonly HighlightTarget[]): Promise<HighlightResult> {
  return Excel.run(async (context) => {
    const { sheets } = await deleteOurs(context);

    const byName = new Map(sheets.map((sheet) => [sheet.name, sheet]));
    const groups = new Map<
      string,
      { sheet: Excel.Worksheet; severity: HighlightTarget['severity']; cells: { row: number; col: number }[] }
    >();
    const missing = new Set<string>();
    for (const target of targets) {
      const sheet = byName.get(target.sheet);
      if (!sheet) {
        missing.add(target.sheet);
        continue;
      }
      const key = `${sheet.id}\u0000${target.severity}`;
      const group = groups.get(key) ?? { sheet, severity: target.severity, cells: [] };
      group.cells.push(parseCellAddress(target.cell));
      groups.set(key, group);
    }
    const record = new Map<string, number>();
    let added = 0;
    for (const group of groups.values()) {
      for (const chunk of addressChunks(compactCells(group.cells))) {
        const format = group.sheet.getRanges(chunk).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = HIGHLIGHT_FORMULA;
        format.custom.format.fill.color = HIGHLIGHT_COLORS[group.severity];
        record.set(group.sheet.id, (record.get(group.sheet.id) ?? 0) + 1);
        added++;
      }
    }
    context.workbook.settings.add(
      SETTINGS_KEY,
      JSON.stringify({ version: 2, sheets: Object.fromEntries(record) } satisfies z.infer<typeof HighlightRecord>),
    );
    await context.sync();
    return { added, missingSheets: [...missing] };
  });
}

/**
 * Removes exactly our conditional formats, recognized by their formula on every sheet, whatever the record says
 * (renamed sheets, a lost or corrupt setting); a user's own rules stay. Three syncs.
 */
export async function clearHighlights(): Promise<number> {
  return Excel.run(async (context) => {
    const { setting, removed } = await deleteOurs(context);
    if (!setting.isNullObject) setting.delete();
    await context.sync();
    return removed;
  });
}

/**
 * Deletes our conditional formats on every sheet (queued; the caller's next sync carries it out). Two syncs: the sheets
 * and the record, then every sheet's conditional formats with their types and formulas.
 */
async function deleteOurs(
  context: Excel.RequestContext,
): Promise<{ sheets: Excel.Worksheet[]; setting: Excel.Setting; removed: number }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items');
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value');
  await context.sync();
  const collections = worksheets.items.map((sheet) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load('items/type,items/customOrNullObject/rule/formula');
    return formats;
  });
  await context.sync();
  let removed = 0;
  for (const formats of collections) {
    for (const format of formats.items) {
      if (format.type !== Excel.ConditionalFormatType.custom) continue;
      const custom = format.customOrNullObject;
      if (custom.isNullObject || !isHighlightFormula(custom.rule.formula)) continue;
      format.delete();
      removed++;
    }
  }
  return { sheets: worksheets.items, setting, removed };
}

/** Activates the finding's sheet and selects its cell: one sync. */
export async function selectCell(sheetName: string, cell: string): Promise<void> {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getItem(sheetName);
    sheet.activate();
    sheet.getRange(cell).select();
    await context.sync();
  });
}

/**
 * Number formats of a range ("Sheet1!A1:L60"), for the worksheet functions: Excel hands a function raw
 * values, so "95%" arrives as 0.95 and only its format says it is a percentage. One sync.
 */
/** Whether the Excel API is there (the shared runtime, not a bare custom-functions runtime or a test). */
export function hasExcelApi(): boolean {
  return typeof Excel !== 'undefined';
}

export async function readNumberFormats(address: string): Promise<string[][]> {
  return Excel.run(async (context) => {
    const { sheet, ref } = splitSheetRef(address);
    // Excel always names the sheet in a parameter's address; without one the caller checks the values alone.
    if (sheet === undefined) throw new Error(`no sheet in "${address}"`);
    const range = context.workbook.worksheets.getItem(sheet).getRange(ref);
    range.load('numberFormat');
    await context.sync();
    return range.numberFormat.map((row) => row.map((format) => String(format)));
  });
}
