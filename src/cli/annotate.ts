import ExcelJS from 'exceljs';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Finding, Locale } from '../validation';
import { safeText } from './export-safety';
import type { FileResult } from './format';

const FILL: Record<Finding['severity'], string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** Where the annotated copy of each input goes: the inputs' relative layout under `dir`. */
export function annotatedPaths(files: readonly string[], dir: string): Map<string, string> {
  const absolute = files.map((f) => resolve(f));
  const root = commonDirectory(absolute.map((f) => dirname(f)));
  const out = new Map<string, string>();
  absolute.forEach((file, i) => out.set(files[i]!, join(resolve(dir), relative(root, file))));
  return out;
}

function commonDirectory(dirs: string[]): string {
  if (dirs.length === 0) return process.cwd();
  const parts = dirs.map((d) => d.split(sep));
  const common: string[] = [];
  for (let i = 0; ; i++) {
    const part = parts[0]![i];
    if (part === undefined || !parts.every((p) => p[i] === part)) break;
    common.push(part);
  }
  return common.join(sep) || sep;
}

/** Same file on disk (device and inode), so "IN/a.xlsx" and "in/a.xlsx" match on case-insensitive systems. */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

/** Inputs whose annotated copy would land on an input: checked before anything is written. */
export function annotationConflicts(files: readonly string[], dir: string): string[] {
  const targets = annotatedPaths(files, dir);
  return files.filter((file) => files.some((input) => sameFile(targets.get(file)!, input)));
}

/**
 * Writes highlighted copies (fill by severity, the message as the cell's note) with a findings sheet.
 * The input is only read: a copy that would land on an input's own path is refused.
 */
export async function writeAnnotatedCopies(results: readonly FileResult[], dir: string, locale: Locale): Promise<string[]> {
  const readable = results.filter((r) => r.report);
  const targets = annotatedPaths(
    readable.map((r) => r.file),
    dir,
  );
  const conflicts = annotationConflicts(
    results.map((r) => r.file),
    dir,
  );
  if (conflicts.length > 0) throw new Error(`--annotate would overwrite the input ${conflicts[0]}: choose another folder`);
  const written: string[] = [];
  for (const result of readable) {
    const target = targets.get(result.file)!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.file);
    for (const finding of result.report!.findings) {
      const sheet = workbook.getWorksheet(finding.sheet);
      if (!sheet) continue;
      const cell = sheet.getCell(finding.cell);
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[finding.severity] } };
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
    for (const finding of result.report!.findings) {
      sheet.addRow([
        { text: safeText(`${finding.sheet}!${finding.cell}`), hyperlink: `#'${finding.sheet.replace(/'/g, "''")}'!${finding.cell}` },
        finding.severity,
        finding.ruleId,
        safeText(finding.message),
      ]);
    }
    mkdirSync(dirname(target), { recursive: true });
    await workbook.xlsx.writeFile(target);
    written.push(target);
  }
  return written;
}

function uniqueName(workbook: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; workbook.getWorksheet(name); i++) name = `${base} (${i})`;
  return name;
}


