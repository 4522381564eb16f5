import ExcelJS from 'exceljs';
import { dirname, isAbsolute, relative, sep } from 'node:path';
import type { Locale } from '../validation';
import { SEVERITY_LABELS, columnLetters } from '../validation';
import { safeText } from '../xlsx/export-safety';
import { sheetLocation } from '../xlsx/annotate-workbook';
import type { FileResult } from './format';

/**
 * =HYPERLINK("./sub/b.xlsx#'表'!D5", "表!D5"): opens the checked file at the cell. A formula rather than a
 * hyperlink record, whose file part and location Excel would read as one. The path is relative to the summary and
 * always starts with "./": a file named "\\host\share\x.xlsx" on Linux must never become a link to a host (a click
 * on Windows may send the user's credentials there); "\\", "#" and "%" within a name are escaped.
 */
export function hyperlinkFormula(relativePath: string, sheet: string, cell: string, text: string): string {
  const file = relativePath
    .split(sep)
    .map((part) => part.replace(/%/g, '%25').replace(/#/g, '%23').replace(/\\/g, '%5C'))
    .join('/');
  const target = `${isAbsolute(relativePath) ? file : `./${file}`}#${sheetLocation(sheet, cell)}`;
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `HYPERLINK(${quote(target)},${quote(text)})`;
}

/** The reviewer's summary workbook: every finding with a link to its cell, and the counts per file. */
export async function writeSummaryWorkbook(
  results: readonly FileResult[],
  path: string,
  locale: Locale,
): Promise<void> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  /** A sheet with a frozen, bold, filterable header row: [中文, English, width] per column. */
  const addList = (name: string, columns: [string, string, number][]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map(([chinese, english, width]) => ({ header: zh ? chinese : english, width }));
    sheet.autoFilter = { from: 'A1', to: `${columnLetters(columns.length - 1)}1` };
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  const findings = addList(zh ? '问题清单' : 'Findings', [
    ['文件', 'File', 40],
    ['位置', 'Location', 28],
    ['级别', 'Severity', 8],
    ['规则', 'Rule', 26],
    ['说明', 'Message', 80],
    ['相关单元格', 'Related cells', 30],
  ]);
  const base = dirname(path);
  for (const result of results) {
    for (const finding of result.report?.findings ?? []) {
      const text = safeText(`${finding.sheet}!${finding.cell}`);
      findings.addRow([
        safeText(result.file),
        {
          formula: hyperlinkFormula(relative(base, result.file), finding.sheet, finding.cell, text),
          result: text,
        } as ExcelJS.CellFormulaValue,
        SEVERITY_LABELS[locale][finding.severity],
        finding.ruleId,
        safeText(finding.message),
        safeText(finding.related.join(', ')),
      ]);
    }
  }

  const files = addList(zh ? '文件汇总' : 'Files', [
    ['文件', 'File', 50],
    ['错误', 'Errors', 8],
    ['警告', 'Warnings', 8],
    ['提示', 'Info', 8],
    ['状态', 'Status', 60],
  ]);
  for (const result of results) {
    const summary = result.report?.summary;
    const status = result.error
      ? `${zh ? '无法读取：' : 'unreadable: '}${result.error}`
      : summary!.error > 0
        ? zh
          ? '有错误'
          : 'errors'
        : zh
          ? '通过'
          : 'passed';
    files.addRow([
      safeText(result.file),
      summary?.error ?? '',
      summary?.warning ?? '',
      summary?.info ?? '',
      safeText(status),
    ]);
  }
  await workbook.xlsx.writeFile(path);
}
