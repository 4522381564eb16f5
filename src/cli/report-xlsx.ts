import ExcelJS from 'exceljs';
import { basename, dirname, isAbsolute, relative, sep } from 'node:path';
import type { Finding, Locale } from '../validation';
import { SEVERITY_FILLS, SEVERITY_LABELS, checkedSomething, columnLetters } from '../validation';
import { safeText } from '../xlsx/export-safety';
import { LANDSCAPE_A4, sheetLocation, wrappedHeight } from '../xlsx/annotate-workbook';
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

const LINK_FONT: Partial<ExcelJS.Font> = { color: { argb: 'FF0563C1' }, underline: true };

const fillOf = (rgb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } });

/**
 * The reviewer's summary workbook: 文件汇总 first (per file: tables checked, counts, a status that never says "通过"
 * for a file in which nothing was checked, and a link to the file's findings), then 问题清单 (every finding, the
 * worst first, with a link to its cell and the rule's name). Both print on A4 landscape, one page wide.
 */
export async function writeSummaryWorkbook(
  results: readonly FileResult[],
  path: string,
  locale: Locale,
): Promise<void> {
  const zh = locale === 'zh-CN';
  const workbook = new ExcelJS.Workbook();
  /** A sheet with a frozen, bold, filterable header row: [中文, English, width] per column. */
  const addList = (name: string, columns: [string, string, number][]) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: LANDSCAPE_A4 });
    sheet.columns = columns.map(([chinese, english, width]) => ({ header: zh ? chinese : english, width }));
    sheet.autoFilter = { from: 'A1', to: `${columnLetters(columns.length - 1)}1` };
    const header = sheet.getRow(1);
    header.font = { bold: true };
    header.fill = fillOf('F2F2F2');
    header.alignment = { vertical: 'middle' };
    return sheet;
  };
  const findingsName = zh ? '问题清单' : 'Findings';
  const files = addList(zh ? '文件汇总' : 'Files', [
    ['文件', 'File', 48],
    ['检查的表格', 'Tables checked', 11],
    ['错误', 'Errors', 7],
    ['警告', 'Warnings', 9],
    ['提示', 'Info', 7],
    ['状态', 'Status', 44],
    ['问题清单', 'Findings', 14],
  ]);
  const findings = addList(findingsName, [
    ['文件', 'File', 30],
    ['位置', 'Location', 22],
    ['级别', 'Severity', 7],
    ['规则', 'Rule', 20],
    ['说明', 'Message', 70],
    ['相关单元格', 'Related cells', 20],
  ]);
  const base = dirname(path);
  const firstRowOf = new Map<FileResult, number>();
  for (const result of results) {
    for (const finding of result.report?.findings ?? []) {
      const text = safeText(`${finding.sheet}!${finding.cell}`);
      const row = findings.addRow([
        safeText(basename(result.file)),
        {
          formula: hyperlinkFormula(relative(base, result.file), finding.sheet, finding.cell, text),
          result: text,
        } as ExcelJS.CellFormulaValue,
        SEVERITY_LABELS[locale][finding.severity],
        safeText(finding.ruleName ?? finding.ruleId),
        safeText(messageWithFolded(finding, zh)),
        safeText(finding.related.join(', ')),
      ]);
      if (!firstRowOf.has(result)) firstRowOf.set(result, row.number);
      row.getCell(1).note = safeText(result.file);
      row.getCell(2).font = LINK_FONT;
      row.getCell(3).fill = fillOf(SEVERITY_FILLS[finding.severity]);
      row.getCell(5).alignment = { wrapText: true, vertical: 'top' };
      row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
      for (const c of [1, 2, 3, 4]) row.getCell(c).alignment = { vertical: 'top' };
      row.height = wrappedHeight([
        [messageWithFolded(finding, zh), 70],
        [finding.related.join(', '), 20],
      ]);
    }
  }

  for (const result of results) {
    const report = result.report;
    const summary = report?.summary;
    const tables = report ? report.sheets.reduce((n, s) => n + s.tables, 0) : undefined;
    const row = files.addRow([
      safeText(result.file),
      tables ?? '',
      summary?.error ?? '',
      summary?.warning ?? '',
      summary?.info ?? '',
      safeText(statusOf(result, zh)),
      '',
    ]);
    const first = firstRowOf.get(result);
    if (first !== undefined) {
      const count = report!.findings.length;
      row.getCell(7).value = {
        text: zh ? `查看 ${count} 处` : `${count} finding${count === 1 ? '' : 's'}`,
        hyperlink: `#${sheetLocation(findingsName, `A${first}`)}`,
      };
      row.getCell(7).font = LINK_FONT;
    }
    const worst = result.error || (report && !checkedSomething(report)) ? 'error' : worstOf(summary);
    if (worst) row.getCell(6).fill = fillOf(SEVERITY_FILLS[worst]);
    row.getCell(6).alignment = { wrapText: true, vertical: 'top' };
    row.height = wrappedHeight([[statusOf(result, zh), 44]]);
  }
  await workbook.xlsx.writeFile(path);
}

/** What a reviewer needs to know of a file at a glance; "通过" only for a file that was checked. */
function statusOf(result: FileResult, zh: boolean): string {
  if (result.error) return `${zh ? '无法读取：' : 'unreadable: '}${result.error}`;
  const report = result.report!;
  if (!checkedSomething(report)) {
    const sheets = report.sheets.map((s) => s.sheet).join(zh ? '、' : ', ');
    return zh
      ? `未识别到可检查的表格（工作表：${sheets}），未作检查`
      : `no table recognized (sheets: ${sheets}): not checked`;
  }
  if (report.summary.error > 0) return zh ? '有错误' : 'errors';
  if (report.summary.warning > 0) return zh ? '有警告，无错误' : 'warnings, no errors';
  return zh ? '通过' : 'passed';
}

function worstOf(summary: { error: number; warning: number; info: number } | undefined) {
  if (!summary) return undefined;
  return summary.error > 0 ? 'error' : summary.warning > 0 ? 'warning' : undefined;
}

/** The message, and what was folded into it, one per line. */
function messageWithFolded(finding: Finding, zh: boolean): string {
  const folded = (finding.folded ?? []).filter((f) => f.ruleId !== finding.ruleId);
  if (folded.length === 0) return finding.message;
  return [finding.message, ...folded.map((f) => `${zh ? '另：' : 'Also: '}${f.cell} ${f.message}`)].join('\n');
}
