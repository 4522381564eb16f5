/**
 * The add-in's only contact with the workbook: every Excel.run is here. Components and the custom
 * functions call these functions; they never touch Office.js themselves.
 */
/* global Excel, Office */
import { columnLetters, parseRangeAddress } from '../../validation/address';
import type { RenderPlan } from '../../templates/plan';
import { uniqueSheetName } from '../../templates/plan';

/** Excel column widths are in points; template widths are in characters of the default font. */
const POINTS_PER_CHARACTER = 7;

/**
 * Inserts a template as a new sheet, named uniquely ("项目支出绩效目标表 (2)"): never replaces or changes an
 * existing sheet. The hidden list sheet and its names are added only when the workbook lacks them.
 * Two syncs, whatever the template: one to read the sheet and name lists, one to write everything.
 */
export async function insertTemplate(plan: RenderPlan): Promise<string> {
  // Data validation (1.8) and page layout (1.9): checked before anything is written, so an older Excel
  // never gets a half-built sheet.
  if (typeof Office !== 'undefined' && !Office.context.requirements.isSetSupported('ExcelApi', '1.9')) {
    throw new Error('此版本的 Excel 不支持插入模板（需要 ExcelApi 1.9），请升级 Excel 或使用命令行 budget-check template 生成模板文件 (this Excel lacks ExcelApi 1.9)');
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
      sheet.getRange(range).numberFormat = Array.from({ length: r.bottom - r.top + 1 }, () => Array.from({ length: r.right - r.left + 1 }, () => format));
    }
    for (const merge of plan.merges) sheet.getRange(merge).merge(false);
    plan.columnWidths.forEach((width, i) => {
      const letter = columnLetters(i);
      sheet.getRange(`${letter}:${letter}`).format.columnWidth = width * POINTS_PER_CHARACTER;
    });
    for (const row of plan.boldRows) sheet.getRange(`${row}:${row}`).format.font.bold = true;

    if (plan.lists) {
      if (!existing.includes(plan.lists.sheetName)) {
        const lists = sheets.add(plan.lists.sheetName);
        plan.lists.columns.forEach((column, c) => {
          const letter = columnLetters(c);
          lists.getRange(`${letter}1:${letter}${column.values.length + 1}`).values = [[column.header], ...column.values.map((v) => [v])];
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
      range.dataValidation.errorAlert = { showAlert: validation.strict, style: Excel.DataValidationAlertStyle.stop, title: '', message: '' };
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
