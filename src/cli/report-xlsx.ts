import ExcelJS from 'exceljs';
import { dirname, relative } from 'node:path';
import type { Locale } from '../validation';
import { SEVERITY_LABELS } from '../validation/messages';
import { safeText } from './export-safety';
import type { FileResult } from './format';


/**
 * =HYPERLINK("sub/b.xlsx#'表'!D5", "表!D5"): opens the checked file at the cell. A formula rather than a
 * hyperlink record, whose file part and location Excel would read as one; "#" and "%" in the path are escaped.
 */
export function hyperlinkFormula(path: string, sheet: string, cell: string, text: string): string {
  const file = path.split('\\').join('/').replace(/%/g, '%25').replace(/#/g, '%23');
  const target = `${file}#'${sheet.replace(/'/g, "''")}'!${cell}`;
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(target)},${quote(text)})`;
}

/** The reviewer's summary workbook: every finding with a link to its cell, and the counts per file. */
export async function writeSummaryWorkbook(results: readonly FileResult[], path: string, locale: Locale): Promise<void> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  const findings = workbook.addWorksheet(zh ? '问题清单' : 'Findings', { views: [{ state: 'frozen', ySplit: 1 }] });
  findings.columns = [
    { header: zh ? '文件' : 'File', width: 40 },
    { header: zh ? '位置' : 'Location', width: 28 },
    { header: zh ? '级别' : 'Severity', width: 8 },
    { header: zh ? '规则' : 'Rule', width: 26 },
    { header: zh ? '说明' : 'Message', width: 80 },
    { header: zh ? '相关单元格' : 'Related cells', width: 30 },
  ];
  const base = dirname(path);
  for (const result of results) {
    for (const finding of result.report?.findings ?? []) {
      const text = safeText(`${finding.sheet}!${finding.cell}`);
      findings.addRow([
        safeText(result.file),
        { formula: hyperlinkFormula(relative(base, result.file), finding.sheet, finding.cell, text), result: text } as ExcelJS.CellFormulaValue,
        SEVERITY_LABELS[locale][finding.severity],
        finding.ruleId,
        safeText(finding.message),
        safeText(finding.related.join(', ')),
      ]);
    }
  }
  findings.autoFilter = { from: 'A1', to: 'F1' };
  findings.getRow(1).font = { bold: true };

  const files = workbook.addWorksheet(zh ? '文件汇总' : 'Files', { views: [{ state: 'frozen', ySplit: 1 }] });
  files.columns = [
    { header: zh ? '文件' : 'File', width: 50 },
    { header: zh ? '错误' : 'Errors', width: 8 },
    { header: zh ? '警告' : 'Warnings', width: 8 },
    { header: zh ? '提示' : 'Info', width: 8 },
    { header: zh ? '状态' : 'Status', width: 60 },
  ];
  for (const result of results) {
    const summary = result.report?.summary;
    const status = result.error ? `${zh ? '无法读取：' : 'unreadable: '}${result.error}` : summary!.error > 0 ? (zh ? '有错误' : 'errors') : zh ? '通过' : 'passed';
    files.addRow([safeText(result.file), summary?.error ?? '', summary?.warning ?? '', summary?.info ?? '', safeText(status)]);
  }
  files.autoFilter = { from: 'A1', to: 'E1' };
  files.getRow(1).font = { bold: true };
  await workbook.xlsx.writeFile(path);
}
