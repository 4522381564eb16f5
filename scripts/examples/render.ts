import ExcelJS from 'exceljs';
import type { CellInput, WorkbookSpec } from './types';

/** Renders a WorkbookSpec into an exceljs workbook (values, merges, widths, number formats). */
export function renderWorkbook(spec: WorkbookSpec): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'budget-check examples';
  // Fixed dates keep regenerated files stable.
  workbook.created = new Date(Date.UTC(2023, 6, 14));
  workbook.modified = new Date(Date.UTC(2023, 6, 14));
  for (const sheetSpec of spec.sheets) {
    const sheet = workbook.addWorksheet(sheetSpec.name);
    sheetSpec.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        sheet.getCell(r + 1, c + 1).value = toExcelValue(value);
      });
    });
    for (const range of sheetSpec.merges ?? []) sheet.mergeCells(range);
    (sheetSpec.columnWidths ?? []).forEach((width, c) => {
      sheet.getColumn(c + 1).width = width;
    });
    for (const { range, format } of sheetSpec.numberFormats ?? []) {
      const [start, end] = range.split(':');
      const from = sheet.getCell(start!);
      const to = sheet.getCell(end ?? start!);
      for (let r = Number(from.row); r <= Number(to.row); r++) {
        for (let c = Number(from.col); c <= Number(to.col); c++) {
          const cell = sheet.getCell(r, c);
          if (typeof cell.value === 'number') cell.numFmt = format;
        }
      }
    }
  }
  return workbook;
}

function toExcelValue(value: Exclude<CellInput, null>): ExcelJS.CellValue {
  if (typeof value === 'object') {
    if ('formula' in value) return { formula: value.formula, result: value.result };
    return { error: value.error };
  }
  return value;
}

export async function writeWorkbook(spec: WorkbookSpec, path: string): Promise<void> {
  await renderWorkbook(spec).xlsx.writeFile(path);
}
