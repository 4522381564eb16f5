import ExcelJS from 'exceljs';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Locale } from '../validation';
import { annotateWorkbook } from '../xlsx/annotate-workbook';
import type { FileResult } from './format';

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

/**
 * Inputs whose annotated copy would land on an input (the same file on disk by device and inode, so that
 * "IN/a.xlsx" and "in/a.xlsx" match on case-insensitive systems): checked before anything is written.
 * Each path is stat'ed once, so that a folder of 1,000 inputs is not 10⁶ stat calls.
 */
export function annotationConflicts(files: readonly string[], dir: string): string[] {
  const targets = annotatedPaths(files, dir);
  const inputIds = new Set<string>();
  const inputPaths = new Set<string>();
  const unstatedInputPaths = new Set<string>();
  for (const input of files) {
    const id = fileId(input);
    inputPaths.add(resolve(input));
    if (id === undefined) unstatedInputPaths.add(resolve(input));
    else inputIds.add(id);
  }
  return files.filter((file) => {
    const target = targets.get(file)!;
    const id = fileId(target);
    // A path that cannot be stat'ed is compared by its resolved name.
    if (id === undefined) return inputPaths.has(resolve(target));
    return inputIds.has(id) || unstatedInputPaths.has(resolve(target));
  });
}

function fileId(path: string): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

/**
 * Writes highlighted copies (fill by severity, the message as the cell's note) with a findings sheet, at the
 * paths `annotationConflicts` checked: the layout of all inputs, readable or not, so that a copy can never
 * land somewhere that was not checked.
 */
export async function writeAnnotatedCopies(results: readonly FileResult[], dir: string, locale: Locale): Promise<string[]> {
  const targets = annotatedPaths(
    results.map((r) => r.file),
    dir,
  );
  const written: string[] = [];
  for (const result of results) {
    if (!result.report) continue;
    const target = targets.get(result.file)!;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(result.file);
    annotateWorkbook(workbook, result.report.findings, locale);
    mkdirSync(dirname(target), { recursive: true });
    await workbook.xlsx.writeFile(target);
    written.push(target);
  }
  return written;
}
