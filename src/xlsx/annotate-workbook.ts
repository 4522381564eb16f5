/** Marks findings in an exceljs workbook: fills and notes on the cells, and a findings sheet. No file access. */
import type ExcelJS from 'exceljs';
import type { Finding, Locale } from '../validation';
import { safeText } from './export-safety';
import { SEVERITY_FILLS, SEVERITY_LABELS } from '../validation';

/** ARGB, opaque. */
export const FINDING_FILLS: Record<Finding['severity'], string> = {
  error: `FF${SEVERITY_FILLS.error}`,
  warning: `FF${SEVERITY_FILLS.warning}`,
  info: `FF${SEVERITY_FILLS.info}`,
};

/** Fills each finding's cell by severity, adds the message as a note, and appends a findings sheet with links. */
export function annotateWorkbook(workbook: ExcelJS.Workbook, findings: readonly Finding[], locale: Locale): void {
  for (const finding of findings) {
    const sheet = workbook.getWorksheet(finding.sheet);
    if (!sheet) continue;
    const cell = sheet.getCell(finding.cell);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FINDING_FILLS[finding.severity] } };
    const previous = typeof cell.note === 'string' ? `${cell.note}\n` : '';
    cell.note = `${previous}[${finding.ruleId}] ${finding.message}`;
  }
  const name = uniqueName(workbook, locale === 'zh-CN' ? '检查结果' : 'Findings');
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: locale === 'zh-CN' ? '位置' : 'Location', width: 28 },
    { header: locale === 'zh-CN' ? '级别' : 'Severity', width: 8 },
    { header: locale === 'zh-CN' ? '规则' : 'Rule', width: 26 },
    { header: locale === 'zh-CN' ? '说明' : 'Message', width: 90 },
  ];
  for (const finding of findings) {
    sheet.addRow([
      {
        text: safeText(`${finding.sheet}!${finding.cell}`),
        hyperlink: `#${sheetLocation(finding.sheet, finding.cell)}`,
      },
      SEVERITY_LABELS[locale][finding.severity],
      finding.ruleId,
      safeText(finding.message),
    ]);
  }
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
