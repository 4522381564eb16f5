import ExcelJS from 'exceljs';
import { parseRangeAddress } from '../validation';
import { CHINESE_CHARSET, FOOTER, LOOKS, MARGINS, type CellLook } from '../templates/look';
import type { RenderPlan } from '../templates/plan';
import { cellRoles, uniqueSheetName } from '../templates/plan';

const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };

/**
 * Writes a template's plan into an exceljs workbook, as a new sheet (never replacing one), with the
 * hidden list sheet and the names its dropdowns use.
 */
export function renderPlan(workbook: ExcelJS.Workbook, plan: RenderPlan): ExcelJS.Worksheet {
  const existing = workbook.worksheets.map((ws) => ws.name);
  const sheet = workbook.addWorksheet(uniqueSheetName(plan.sheetName, existing), {
    views: [
      plan.freezeRows > 0
        ? { state: 'frozen', ySplit: plan.freezeRows, showGridLines: false }
        : { state: 'normal', showGridLines: false },
    ],
  });
  for (const cell of plan.cells) {
    sheet.getCell(cell.address).value =
      cell.formula !== undefined
        ? {
            formula: cell.formula,
            ...(cell.result !== undefined ? { result: cell.result } : {}),
          }
        : (cell.value ?? null);
  }
  plan.columnWidths.forEach((width, i) => {
    sheet.getColumn(i + 1).width = width;
  });
  for (const { row, height } of plan.rowHeights) sheet.getRow(row).height = height;
  for (const [address, role] of cellRoles(plan)) styleCell(sheet.getCell(address), LOOKS[role]);
  for (const { range, format } of plan.numberFormats) forEachCell(sheet, range, (cell) => (cell.numFmt = format));
  // exceljs gives the cells of a merge the style of its first cell: borders all round, as the roles say.
  for (const range of plan.merges) sheet.mergeCells(range);
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
  sheet.pageSetup = {
    // exceljs types PaperSize as an enum it does not export at run time; 9 is A4 in the OOXML numbering.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
    paperSize: 9,
    orientation: plan.landscape ? 'landscape' : 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: MARGINS,
    // exceljs writes "$" + this before the column letters only ("$A1:$H29", a moving row Calc ignores): the
    // rows' "$" are ours, so the file holds "$A$1:$H$29".
    printArea: plan.printArea.replace(/([A-Z]+)(\d+)/g, '$1$$$2'),
    ...(plan.printTitleRows ? { printTitlesRow: plan.printTitleRows } : {}),
  };
  sheet.headerFooter = { oddFooter: FOOTER };
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

function styleCell(cell: ExcelJS.Cell, look: CellLook): void {
  cell.font = {
    name: look.font.name,
    size: look.font.size,
    bold: look.font.bold,
    charset: CHINESE_CHARSET,
    ...(look.font.color ? { color: { argb: look.font.color } } : {}),
  };
  cell.alignment = {
    horizontal: look.horizontal,
    vertical: 'middle',
    wrapText: look.wrap,
    ...(look.indent > 0 ? { indent: look.indent } : {}),
  };
  if (look.border) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

function forEachCell(sheet: ExcelJS.Worksheet, a1: string, apply: (cell: ExcelJS.Cell) => void): void {
  const range = parseRangeAddress(a1);
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) apply(sheet.getCell(r + 1, c + 1));
}
