import type { Locale, Report } from '../validation';
import { SEVERITY_LABELS, checkedSomething } from '../validation';

export interface FileResult {
  file: string;
  report?: Report;
  /** Set when the file could not be read. */
  error?: string;
  /** Set when the file was checked but its annotated copy (--annotate) could not be written. */
  annotationError?: string;
  /** What the reader left out (merged areas too large, macros not carried into the copy …), one line each. */
  notes?: string[];
}

/**
 * Text from a file name or a sheet as it may be printed to a terminal: control characters (escape sequences, a
 * carriage return that hides the line) and bidirectional overrides are removed.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

export interface TextOptions {
  /** ANSI colours (a terminal that asked for them). */
  color?: boolean;
  /** Errors only: warnings and notes are counted, not listed. */
  quiet?: boolean;
}

const COLORS = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m', dim: '\u001b[2m', bold: '\u001b[1m' };
const RESET = '\u001b[0m';

/** Whether a file had anything checked: a table, or a statement of its text; else it must not read as "no problems". */
export function nothingChecked(result: FileResult): boolean {
  return result.report !== undefined && !checkedSomething(result.report);
}

/**
 * Text for a terminal: a header per file (how many tables it had checked), its findings under it, worst first, each
 * with its cell, severity, the rule's Chinese name and the message; then one summary line.
 */
export function formatText(results: readonly FileResult[], locale: Locale, options: TextOptions = {}): string {
  const paint = (color: keyof typeof COLORS, text: string) =>
    options.color ? `${COLORS[color]}${text}${RESET}` : text;
  const zh = locale === 'zh-CN';
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, unreadable: 0, unchecked: 0 };
  for (const result of results) {
    if (result.error) {
      // Already said on stderr, once, with the reason.
      totals.unreadable++;
      continue;
    }
    const report = result.report!;
    for (const severity of ['error', 'warning', 'info'] as const) totals[severity] += report.summary[severity];
    const tables = report.sheets.reduce((n, s) => n + s.tables, 0);
    const statements = report.sheets.reduce((n, s) => n + (s.statements ?? 0), 0);
    let status: string;
    if (nothingChecked(result)) {
      totals.unchecked++;
      const skipped = report.sheets.map((s) => s.sheet).join('、');
      status = paint(
        'warning',
        zh
          ? `未识别到可检查的表格，未作检查（工作表：${skipped}）`
          : `no table recognized: nothing was checked (sheets: ${skipped})`,
      );
    } else {
      const what = zh
        ? `已检查 ${tables} 个表格${statements > 0 ? `、${statements} 处说明文字` : ''}`
        : `${tables} table${tables === 1 ? '' : 's'}${statements > 0 ? ` and ${statements} text statement${statements === 1 ? '' : 's'}` : ''} checked`;
      const counts = zh
        ? `${report.summary.error} 个错误，${report.summary.warning} 个警告，${report.summary.info} 个提示`
        : `${report.summary.error} errors, ${report.summary.warning} warnings, ${report.summary.info} info`;
      status = zh ? `${what}：${counts}` : `${what}: ${counts}`;
    }
    if (lines.length > 0) lines.push('');
    lines.push(printable(`${paint('bold', result.file)}  ${status}`));
    for (const finding of report.findings) {
      if (options.quiet && finding.severity !== 'error') continue;
      const where = cellRef(finding.sheet, finding.cell);
      const related = finding.related.length > 0 ? paint('dim', `  [${finding.related.join(', ')}]`) : '';
      const label = paint(finding.severity, SEVERITY_LABELS[locale][finding.severity]);
      const name = finding.ruleName ?? finding.ruleId;
      lines.push(printable(`  ${where}  ${label}  ${name}：${finding.message}${related}`));
    }
  }
  const files = results.length - totals.unreadable - totals.unchecked;
  const extra: string[] = [];
  if (totals.unchecked)
    extra.push(
      zh ? `${totals.unchecked} 个文件未识别到可检查的表格` : `${totals.unchecked} with nothing recognized to check`,
    );
  if (totals.unreadable) extra.push(zh ? `${totals.unreadable} 个文件无法读取` : `${totals.unreadable} unreadable`);
  lines.push('');
  lines.push(
    zh
      ? `共检查 ${files} 个文件：${totals.error} 个错误，${totals.warning} 个警告，${totals.info} 个提示${extra.length ? `；另有 ${extra.join('，')}` : ''}`
      : `${files} file${files === 1 ? '' : 's'} checked: ${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info${extra.length ? `; ${extra.join(', ')}` : ''}`,
  );
  return lines.join('\n') + '\n';
}

/**
 * {"version":1,"files":[{"file","tables","findings"}]}; unreadable files carry "error" instead, a copy --annotate
 * could not write "annotationError", what the reader left out "notes".
 */
export function formatJson(results: readonly FileResult[]): string {
  return (
    JSON.stringify(
      {
        version: 1,
        files: results.map((result) =>
          result.error
            ? { file: result.file, error: result.error, tables: [], findings: [] }
            : {
                file: result.file,
                ...(result.annotationError ? { annotationError: result.annotationError } : {}),
                ...(result.notes ? { notes: result.notes } : {}),
                sheets: result.report!.sheets,
                tables: result.report!.tables,
                findings: result.report!.findings,
                summary: result.report!.summary,
              },
        ),
      },
      null,
      2,
    ) + '\n'
  );
}

/** "Sheet!B7" as the CLI prints it: the sheet quoted when it has white space, "!" or quotes. */
export function cellRef(sheet: string, a1: string): string {
  return `${/[\s!'"]/.test(sheet) ? `'${sheet.replace(/'/g, "''")}'` : sheet}!${a1}`;
}
