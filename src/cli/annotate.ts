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
    annotateWorkbook(workbook, result.report!.findings, locale);
    mkdirSync(dirname(target), { recursive: true });
    await workbook.xlsx.writeFile(target);
    written.push(target);
  }
  return written;
}
