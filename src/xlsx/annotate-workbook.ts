/** Marks findings in an exceljs workbook: fills and notes on the cells, and a findings sheet. No file access. */
import type ExcelJS from 'exceljs';
import type { Finding, Locale } from '../validation';
import { safeText } from './export-safety';
import { SEVERITY_FILLS, SEVERITY_LABELS, cellAddress, parseRangeAddress, splitSheetRef } from '../validation';

/** ARGB, opaque. */
export const FINDING_FILLS: Record<Finding['severity'], string> = {
  error: `FF${SEVERITY_FILLS.error}`,
  warning: `FF${SEVERITY_FILLS.warning}`,
  info: `FF${SEVERITY_FILLS.info}`,
};

/** ARGB, opaque: the cells a finding relates to (a total's addends), lighter than the finding's own cell. */
export const RELATED_FILLS: Record<Finding['severity'], string> = {
  error: 'FFFDECEE',
  warning: 'FFFFF7DD',
  info: 'FFEEF5FB',
};

/** More related cells than this on one finding are not filled (a whole column says nothing a list does not). */
const MAX_RELATED_FILLED = 60;

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

/**
 * Fills each finding's cell by severity and adds a note (its severity, rule name and message); fills the cells it
 * relates to (a total's addends) lighter, never over a finding's own cell; puts a findings sheet with links first,
 * its header frozen and filterable, and opens the copy on it.
 */
export function annotateWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[], locale: Locale): void {
  const zh = locale === 'zh-CN';
  const marked = new Set(findings.map((f) => `${f.sheet}!${f.cell}`));
  for (const finding of findings) {
    const sheet = workbook.getWorksheet(finding.sheet);
    if (!sheet) continue;
    const cell = sheet.getCell(finding.cell);
    fillCell(cell, FINDING_FILLS[finding.severity]);
    const previous = typeof cell.note === 'string' ? `${cell.note}\n` : '';
    const label = `${SEVERITY_LABELS[locale][finding.severity]} · ${finding.ruleName ?? finding.ruleId}`;
    cell.note = `${previous}${zh ? `【${label}】` : `[${label}] `}${finding.message}`;
    for (const address of relatedCells(finding)) {
      if (marked.has(`${finding.sheet}!${address}`)) continue;
      const related = sheet.getCell(address);
      fillCell(related, RELATED_FILLS[finding.severity]);
    }
  }
  const name = uniqueName(workbook, zh ? '检查结果' : 'Findings');
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: LANDSCAPE_A4 });
  sheet.columns = [
    { header: zh ? '位置' : 'Location', width: 28 },
    { header: zh ? '级别' : 'Severity', width: 8 },
    { header: zh ? '规则' : 'Rule', width: 24 },
    { header: zh ? '说明' : 'Message', width: 90 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.autoFilter = { from: 'A1', to: 'D1' };
  for (const finding of findings) {
    const row = sheet.addRow([
      {
        text: safeText(`${finding.sheet}!${finding.cell}`),
        hyperlink: `#${sheetLocation(finding.sheet, finding.cell)}`,
      },
      SEVERITY_LABELS[locale][finding.severity],
      safeText(finding.ruleName ?? finding.ruleId),
      safeText(finding.message),
    ]);
    row.getCell(1).font = LINK_FONT;
    row.getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FINDING_FILLS[finding.severity] } };
    row.getCell(4).alignment = { wrapText: true, vertical: 'top' };
    row.height = wrappedHeight([[finding.message, 90]]);
  }
  moveFirst(workbook, sheet);
}

/**
 * Fills one cell. exceljs shares one style object among the cells a file gave the same format (a whole column,
 * often): setting `cell.fill` would paint them all, so the cell gets a style of its own first.
 */
function fillCell(cell: ExcelJS.Cell, argb: string): void {
  cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } };
}

/** A4 landscape, every column on one page width, the header row repeated on each page. */
export const LANDSCAPE_A4: Partial<ExcelJS.PageSetup> = {
  // exceljs types PaperSize as an enum it does not export at run time; 9 is A4 in the OOXML numbering.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  printTitlesRow: '1:1',
  margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
};

/**
 * The height of a row whose texts wrap in columns of the given widths: spreadsheets do not grow a row for wrapped
 * text written by a program, so the lines are counted here (a Chinese character is two width units).
 */
export function wrappedHeight(texts: readonly [string, number][]): number {
  let lines = 1;
  for (const [text, width] of texts) {
    let count = 0;
    for (const paragraph of text.split('\n')) {
      let units = 0;
      for (const ch of paragraph) units += ch.codePointAt(0)! > 0xff ? 2 : 1;
      count += Math.max(1, Math.ceil(units / Math.max(1, width - 2)));
    }
    lines = Math.max(lines, count);
  }
  return 15 * lines;
}

/** Puts the sheet first in the tab order and opens the workbook on it. */
function moveFirst(workbook: ExcelJS.Workbook, first: ExcelJS.Worksheet): void {
  // exceljs orders the sheets it writes by orderNo (its typings do not declare it).
  const order = (s: ExcelJS.Worksheet) => s as unknown as { orderNo: number };
  const others = workbook.worksheets.filter((s) => s !== first);
  order(first).orderNo = 0;
  others.forEach((s, i) => (order(s).orderNo = i + 1));
  // A sheet read from a file may have no views at all, whatever the typings say.
  for (const s of others) {
    const views = s.views as Partial<ExcelJS.WorksheetView>[] | undefined;
    for (const view of views ?? []) (view as { tabSelected?: boolean }).tabSelected = false;
  }
  const views = workbook.views as ExcelJS.WorkbookView[] | undefined;
  workbook.views = [{ ...(views?.[0] ?? {}), activeTab: 0, firstSheet: 0 } as ExcelJS.WorkbookView];
}

/** A finding's related cells on its own sheet, one by one; none when there are too many to mean anything. */
function relatedCells(finding: Finding): string[] {
  const cells: string[] = [];
  for (const address of finding.related) {
    const { sheet, ref } = splitSheetRef(address);
    if (sheet !== undefined && sheet !== finding.sheet) continue;
    let range;
    try {
      range = parseRangeAddress(ref);
    } catch {
      continue;
    }
    for (let row = range.top; row <= range.bottom; row++) {
      for (let col = range.left; col <= range.right; col++) {
        cells.push(cellAddress(row, col));
        if (cells.length > MAX_RELATED_FILLED) return [];
      }
    }
  }
  return cells;
}

/** 'Sheet'!B7, the sheet always quoted: the location part of a link into a workbook. */
export function sheetLocation(sheet: string, cell: string): string {
  return `'${sheet.replace(/'/g, "''")}'!${cell}`;
}

function uniqueName(workbook: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; workbook.getWorksheet(name); i++) name = `${base} (${i})`;
  return name;
}
