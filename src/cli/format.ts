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
  /** ANSI colours (a terminal that wants them: not NO_COLOR, not --no-color, not a pipe). */
  color?: boolean;
}

/** A group of the same finding (one rule, one message, one table) this large is printed once with its cells. */
const GROUP_LINE_AT = 4;

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;

/**
 * Linter-style text, grouped by file: a header line (the file, how many tables were checked, the counts), then
 * `cell  severity  rule name  message` for each finding, indented; a run of the same finding in one table is one
 * line with its cells; then a summary line.
 */
export function formatText(results: readonly FileResult[], locale: Locale, options: TextOptions = {}): string {
  const zh = locale === 'zh-CN';
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const SEVERITY_STYLE = { error: 'red', warning: 'yellow', info: 'cyan' } as const;
  const blocks: string[] = [];
  const totals = { error: 0, warning: 0, info: 0, unreadable: 0, unchecked: 0 };
  for (const result of results) {
    if (result.error) {
      // Already said on stderr, once, with the reason.
      totals.unreadable++;
      continue;
    }
    const report = result.report!;
    const lines: string[] = [];
    const counts = { error: 0, warning: 0, info: 0 };
    for (const finding of report.findings) counts[finding.severity]++;
    totals.error += counts.error;
    totals.warning += counts.warning;
    totals.info += counts.info;
    const checked = checkedSomething(report);
    if (!checked) totals.unchecked++;
    lines.push(`${paint('underline', printable(result.file))}  ${printable(fileLine(report, counts, zh))}`);
    const printedGroups = new Set<string>();
    for (const finding of report.findings) {
      const group = finding.group && finding.group.count >= GROUP_LINE_AT ? finding.group : undefined;
      if (group && printedGroups.has(group.key)) continue;
      // Cell text reaches the terminal only through printable(); the colours are added around it.
      const where = printable(cellRef(finding.sheet, finding.cell));
      const related = finding.related.length > 0 ? printable(`  [${finding.related.join(', ')}]`) : '';
      const severity = paint(SEVERITY_STYLE[finding.severity], SEVERITY_LABELS[locale][finding.severity]);
      const name = paint('gray', printable(finding.ruleName ?? finding.ruleId));
      lines.push(`  ${where}  ${severity}  ${name}  ${printable(finding.message)}${related}`);
      for (const folded of finding.folded ?? []) {
        if (folded.ruleId === finding.ruleId) continue;
        const foldedName = paint('gray', printable(folded.ruleName ?? folded.ruleId));
        lines.push(`      ↳ ${printable(folded.cell)}  ${foldedName}  ${printable(folded.message)}`);
      }
      if (group) {
        printedGroups.add(group.key);
        const cells = report.findings.filter((f) => f.group?.key === group.key).map((f) => f.cell);
        lines.push(
          printable(
            zh
              ? `      同类 ${group.count} 处：${cells.join('、')}`
              : `      the same at ${group.count} cells: ${cells.join(', ')}`,
          ),
        );
      }
    }
    blocks.push(lines.join('\n'));
  }
  const files = results.length - totals.unreadable;
  const unchecked = totals.unchecked;
  const summary = zh
    ? `共检查 ${files} 个文件：${totals.error} 个错误，${totals.warning} 个警告，${totals.info} 个提示${unchecked ? `；其中 ${unchecked} 个文件未识别到可检查的表格` : ''}${totals.unreadable ? `；另有 ${totals.unreadable} 个文件无法读取` : ''}`
    : `${files} file${files === 1 ? '' : 's'} checked: ${totals.error} error${totals.error === 1 ? '' : 's'}, ${totals.warning} warning${totals.warning === 1 ? '' : 's'}, ${totals.info} info${unchecked ? `; in ${unchecked} file${unchecked === 1 ? '' : 's'} no table was recognized` : ''}${totals.unreadable ? `; ${totals.unreadable} file${totals.unreadable === 1 ? '' : 's'} unreadable` : ''}`;
  blocks.push(paint('bold', summary));
  return blocks.join('\n\n') + '\n';
}

/** "未识别到可检查的表格（工作表：封面、目录），未作检查" when nothing in the file could be checked; else undefined. */
export function nothingCheckedLine(report: Report, zh: boolean): string | undefined {
  if (checkedSomething(report)) return undefined;
  const skipped = report.sheets.map((s) => s.sheet);
  return zh
    ? `未识别到可检查的表格（工作表：${skipped.join('、')}），未作检查`
    : `no table recognized (sheets: ${skipped.join(', ')}): nothing was checked`;
}

/**
 * What was checked in a file and what was found: "检查了 12 个表格、3 段说明文字：25 个错误，12 个警告"; when nothing
 * was, "未识别到可检查的表格（工作表：封面、目录）", never "no problems".
 */
export function fileLine(report: Report, counts: Record<Severity3, number>, zh: boolean): string {
  const tables = report.sheets.reduce((n, s) => n + s.tables, 0);
  const statements = report.sheets.reduce((n, s) => n + (s.statements ?? 0), 0);
  const nothing = nothingCheckedLine(report, zh);
  if (nothing) return nothing;
  const skipped = report.sheets.filter((s) => s.tables === 0 && (s.statements ?? 0) === 0).map((s) => s.sheet);
  const what = zh
    ? [tables ? `${tables} 个表格` : '', statements ? `${statements} 段说明文字` : ''].filter(Boolean).join('、')
    : [
        tables ? `${tables} table${tables === 1 ? '' : 's'}` : '',
        statements ? `${statements} statement${statements === 1 ? '' : 's'} of text` : '',
      ]
        .filter(Boolean)
        .join(' and ');
  const found =
    counts.error + counts.warning + counts.info === 0
      ? zh
        ? '未发现问题'
        : 'no problems found'
      : zh
        ? [
            counts.error ? `${counts.error} 个错误` : '',
            counts.warning ? `${counts.warning} 个警告` : '',
            counts.info ? `${counts.info} 个提示` : '',
          ]
            .filter(Boolean)
            .join('，')
        : [
            counts.error ? `${counts.error} error${counts.error === 1 ? '' : 's'}` : '',
            counts.warning ? `${counts.warning} warning${counts.warning === 1 ? '' : 's'}` : '',
            counts.info ? `${counts.info} info` : '',
          ]
            .filter(Boolean)
            .join(', ');
  const rest =
    skipped.length > 0
      ? zh
        ? `；未识别到表格的工作表：${skipped.join('、')}`
        : `; no table on sheet${skipped.length === 1 ? '' : 's'} ${skipped.join(', ')}`
      : '';
  return zh ? `检查了 ${what}：${found}${rest}` : `checked ${what}: ${found}${rest}`;
}

type Severity3 = 'error' | 'warning' | 'info';

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
