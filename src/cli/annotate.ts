import type ExcelJS from 'exceljs';
import { statSync } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import type { Finding, Locale } from '../validation';
import { annotateWorkbook } from '../xlsx/annotate-workbook';

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
 * Where each file's copy is written, by position in `files`: the inputs' layout under `dir` (readable or not),
 * computed once and used both to look for conflicts and to write, so that a copy can never land somewhere that
 * was not checked. An input listed twice gets its copy once, two workers must never write the same file at the same
 * time: listed as a folder and as a file in it, or spelled in two cases ("In/a.xlsx", "in/a.xlsx") on a disk that
 * ignores case, where both copies would be one file (the same input file, copies whose paths differ only in case).
 */
export function annotatedCopyPaths(files: readonly string[], dir: string): (string | undefined)[] {
  const targets = annotatedPaths(files, dir);
  const taken = new Set<string>();
  return files.map((file) => {
    let target = targets.get(file)!;
    // We write .xlsx: a macro-enabled name on a file without macros would not open, nor would an .xls name on an
    // .xlsx. "a.xlsm" (or a.xls, a.et, a.xlsb, a.ods, a.csv) → "a.xlsx", or "a.xlsm.xlsx" when a.xlsx is also checked.
    if (!/\.xlsx$/i.test(target)) {
      const plain = /\.[^./\\]+$/.test(target) ? target.replace(/\.[^./\\]+$/, '.xlsx') : `${target}.xlsx`;
      target =
        targets.has(plain) || taken.has(plain) || [...targets.values()].includes(plain) ? `${target}.xlsx` : plain;
    }
    const sameFileAgain = `${fileId(file) ?? resolve(file)}|${target.toLowerCase()}`;
    if (taken.has(target) || taken.has(sameFileAgain)) return undefined;
    taken.add(target);
    taken.add(sameFileAgain);
    return target;
  });
}

/**
 * Inputs whose annotated copy (from `annotatedCopyPaths`) would land on an input (the same file on disk by
 * device and inode, so that "IN/a.xlsx" and "in/a.xlsx" match on case-insensitive systems): checked before
 * anything is written. Each path is stat'ed once, so that a folder of 1,000 inputs is not 10⁶ stat calls.
 */
export function annotationConflicts(files: readonly string[], copies: readonly (string | undefined)[]): string[] {
  const inputIds = new Set<string>();
  const inputPaths = new Set<string>();
  const unstatedInputPaths = new Set<string>();
  for (const input of files) {
    const id = fileId(input);
    inputPaths.add(resolve(input));
    if (id === undefined) unstatedInputPaths.add(resolve(input));
    else inputIds.add(id);
  }
  return files.filter((_, i) => {
    const target = copies[i];
    if (target === undefined) return false;
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

/** Writes a highlighted copy of a checked workbook (fill by severity, the message as the cell's note) with a findings sheet. */
export async function writeAnnotatedCopy(
  workbook: ExcelJS.Workbook,
  findings: readonly Finding[],
  locale: Locale,
  target: string,
): Promise<void> {
  annotateWorkbook(workbook, findings, locale);
  await writeFileAtomically(target, (temporary) => workbook.xlsx.writeFile(temporary));
}

/** Where a file is written before it is renamed into place: beside it, so that the rename never crosses disks. */
export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.budget-check.tmp`);
}

/**
 * Writes a file through a temporary file renamed into place: a write that fails midway leaves the target as it was
 * (no 0-byte or half-written workbook) and removes the temporary file.
 */
export async function writeFileAtomically(target: string, write: (temporary: string) => Promise<void>): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  const temporary = temporaryPathFor(target);
  try {
    await write(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
