import type { Locale, Report } from '../validation';
import { SEVERITY_LABELS } from '../validation';

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

/** Linter-style text: one line per finding, then a summary line. */
export function formatText(results: readonly FileResult[], locale: Locale): string {
  const lines: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, unreadable: 0 };
  for (const result of results) {
    if (result.error) {
      // Already said on stderr, once, with the reason.
      totals.unreadable++;
      continue;
    }
    for (const finding of result.report!.findings) {
      totals[finding.severity]++;
      const where = cellRef(finding.sheet, finding.cell);
      const related = finding.related.length > 0 ? `  [${finding.related.join(', ')}]` : '';
      lines.push(
        printable(
          `${result.file}  ${where}  ${SEVERITY_LABELS[locale][finding.severity]}  ${finding.ruleId}  ${finding.message}${related}`,
        ),
      );
    }
  }
  const files = results.length - totals.unreadable;
  lines.push(
    locale === 'zh-CN'
      ? `共检查 ${files} 个文件：${totals.error} 个错误，${totals.warning} 个警告，${totals.info} 个提示${totals.unreadable ? `；另有 ${totals.unreadable} 个文件无法读取` : ''}`
      : `${files} file${files === 1 ? '' : 's'} checked: ${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info${totals.unreadable ? `; ${totals.unreadable} file${totals.unreadable === 1 ? '' : 's'} unreadable` : ''}`,
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
