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
} from '../../validation/address';
import type { CellRange, Grid } from '../../validation/grid';
import { appendOfficeRows, padRows, type OfficeGrid } from '../../xlsx/office-values';
import type { RenderPlan } from '../../templates/plan';
import { uniqueSheetName } from '../../templates/plan';
import { POINTS_PER_WIDTH } from '../../templates/look';
import { applyTemplateLook } from './template-look';
import { SEVERITY_FILLS } from '../../validation/messages';

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
      const range = context.workbook.getSelectedRange();
      add(range.worksheet, range);
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
 * Colours the findings' cells by severity with conditional formats ("=TRUE"), which leave every cell's own
 * format untouched; their ids are kept in the workbook's settings so that clearHighlights removes exactly
 * them, even after the workbook was closed. Earlier highlights are replaced. Four syncs, whatever the count.
 */
export async function highlightFindings(targets: readonly HighlightTarget[]): Promise<number> {
  return Excel.run(async (context) => {
    await deleteRecorded(context);

    const groups = new Map<
      string,
      { sheet: string; severity: HighlightTarget['severity']; cells: { row: number; col: number }[] }
    >();
    for (const target of targets) {
      const key = `${target.sheet}\u0000${target.severity}`;
      const group = groups.get(key) ?? { sheet: target.sheet, severity: target.severity, cells: [] };
      group.cells.push(parseCellAddress(target.cell));
      groups.set(key, group);
    }
    const added: { sheet: string; format: Excel.ConditionalFormat }[] = [];
    for (const group of groups.values()) {
      const sheet = context.workbook.worksheets.getItem(group.sheet);
      for (const chunk of addressChunks(compactCells(group.cells))) {
        const format = sheet.getRanges(chunk).conditionalFormats.add(Excel.ConditionalFormatType.custom);
        format.custom.rule.formula = '=TRUE';
        format.custom.format.fill.color = HIGHLIGHT_COLORS[group.severity];
        format.load('id');
        added.push({ sheet: group.sheet, format });
      }
    }
    await context.sync();
    const record: Record<string, string[]> = {};
    for (const { sheet, format } of added) (record[sheet] ??= []).push(format.id);
    context.workbook.settings.add(SETTINGS_KEY, JSON.stringify(record));
    await context.sync();
    return added.length;
  });
}

/** Removes exactly the conditional formats highlightFindings added; nothing else on the sheets changes. Three syncs. */
export async function clearHighlights(): Promise<number> {
  return Excel.run(async (context) => {
    const { setting, removed } = await deleteRecorded(context);
    if (!setting) return 0;
    setting.delete();
    await context.sync();
    return removed;
  });
}

/**
 * Deletes the conditional formats the last highlightFindings recorded, those that still exist (the user may
 * have removed a sheet or a format meanwhile). Two syncs, or one when nothing is recorded.
 */
async function deleteRecorded(context: Excel.RequestContext): Promise<{ setting?: Excel.Setting; removed: number }> {
  const setting = context.workbook.settings.getItemOrNullObject(SETTINGS_KEY);
  setting.load('value,isNullObject');
  await context.sync();
  if (setting.isNullObject) return { removed: 0 };
  const recorded = lookupRecorded(context, JSON.parse(String(setting.value)) as Record<string, string[]>);
  await context.sync();
  return { setting, removed: deleteExisting(recorded) };
}

/** Looks up recorded conditional formats (sheets or formats the user removed meanwhile come back as null objects). */
function lookupRecorded(context: Excel.RequestContext, record: Record<string, string[]>): Excel.ConditionalFormat[] {
  const formats: Excel.ConditionalFormat[] = [];
  for (const [sheetName, ids] of Object.entries(record)) {
    const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
    for (const id of ids) {
      const format = sheet.getRange().conditionalFormats.getItemOrNullObject(id);
      format.load('isNullObject');
      formats.push(format);
    }
  }
  return formats;
}

/** Deletes the looked-up formats that still exist; returns how many. */
function deleteExisting(formats: Excel.ConditionalFormat[]): number {
  const existing = formats.filter((format) => !format.isNullObject);
  for (const format of existing) format.delete();
  return existing.length;
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
