import ExcelJS from 'exceljs';
import { parseRangeAddress } from '../validation/address';
import type { RenderPlan } from '../templates/plan';
import { uniqueSheetName } from '../templates/plan';

/**
 * Writes a template's plan into an exceljs workbook, as a new sheet (never replacing one), with the
 * hidden list sheet and the names its dropdowns use.
 */
export function renderPlan(workbook: ExcelJS.Workbook, plan: RenderPlan): ExcelJS.Worksheet {
  const existing = workbook.worksheets.map((ws) => ws.name);
  const sheet = workbook.addWorksheet(uniqueSheetName(plan.sheetName, existing));
  for (const cell of plan.cells) {
    sheet.getCell(cell.address).value =
      cell.formula !== undefined ? ({ formula: cell.formula } as ExcelJS.CellFormulaValue) : (cell.value ?? null);
  }
  for (const range of plan.merges) sheet.mergeCells(range);
  plan.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const { range, format } of plan.numberFormats) forEachCell(sheet, range, (cell) => (cell.numFmt = format));
  // exceljs has worksheet.dataValidations at run time; its type declarations leave it out.
  const validations = (
    sheet as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }
  ).dataValidations;
  for (const validation of plan.validations) {
    validations.add(validation.range, {
      type: 'list',
      allowBlank: true,
      formulae: [validation.source.replace(/^=/, '')],
      showErrorMessage: validation.strict,
      errorStyle: 'stop',
      showInputMessage: validation.prompt !== undefined,
      prompt: validation.prompt,
    });
  }
  for (const row of plan.boldRows) sheet.getRow(row).font = { bold: true };
  const firstRow = sheet.getRow(1);
  firstRow.font = { bold: true, size: 14 };
  firstRow.alignment = { horizontal: 'center' };
  if (plan.freezeRows > 0) sheet.views = [{ state: 'frozen', ySplit: plan.freezeRows }];
  sheet.pageSetup = {
    paperSize: 9, // A4
    orientation: plan.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(plan.printTitleRows ? { printTitlesRow: plan.printTitleRows } : {}),
  } as Partial<ExcelJS.PageSetup>;
  if (plan.lists && !workbook.getWorksheet(plan.lists.sheetName)) {
    const lists = workbook.addWorksheet(plan.lists.sheetName, { state: 'hidden' });
    plan.lists.columns.forEach((column, c) => {
      lists.getCell(1, c + 1).value = column.header;
      column.values.forEach((value, r) => (lists.getCell(r + 2, c + 1).value = value));
    });
    for (const { name, range } of plan.lists.names) workbook.definedNames.add(range, name);
  }
  return sheet;
}

function forEachCell(sheet: ExcelJS.Worksheet, a1: string, apply: (cell: ExcelJS.Cell) => void): void {
  const range = parseRangeAddress(a1);
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) apply(sheet.getCell(r + 1, c + 1));
}
