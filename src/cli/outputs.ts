/**
 * What a run writes never touches what it reads. A --report or --annotate target is refused when it is an input
 * (the same path, or the same file on disk by device and inode), when it lies inside a folder being checked, or when
 * it would replace an existing file without --force (and an input never, even with --force). Everything is checked
 * against all the inputs before anything is read or written.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { InputFile } from './batch';
import { printable } from './format';

export interface OutputPlan {
  inputs: readonly InputFile[];
  folders: readonly string[];
  report?: string;
  annotate?: string;
  annotatedCopies?: readonly (string | undefined)[];
  force: boolean;
}

/** The path with every existing part resolved through symbolic links (the rest, not yet created, kept as written). */
function realPathOf(path: string): string {
  const absolute = resolve(path);
  let existing = absolute;
  const rest: string[] = [];
  while (!existsSync(existing)) {
    const parent = dirname(existing);
    if (parent === existing) return absolute;
    rest.unshift(basename(existing));
    existing = parent;
  }
  try {
    return join(realpathSync(existing), ...rest);
  } catch {
    return absolute;
  }
}

function identity(path: string | Buffer): string | undefined {
  try {
    const info = statSync(path);
    return `${info.dev}:${info.ino}`;
  } catch {
    return undefined;
  }
}

const isInside = (path: string, folder: string) =>
  path === folder || path.startsWith(folder.endsWith(sep) ? folder : folder + sep);

/** The one-line reason to refuse the run's outputs, or undefined when they are safe to write. */
export function outputProblem(plan: OutputPlan): string | undefined {
  const inputPaths = new Map<string, string>();
  const inputIds = new Map<string, string>();
  for (const input of plan.inputs) {
    if (typeof input.path === 'string') {
      inputPaths.set(resolve(input.path), input.name);
      inputPaths.set(realPathOf(input.path), input.name);
    }
    const id = identity(input.path);
    if (id !== undefined) inputIds.set(id, input.name);
  }
  const inputAt = (target: string): string | undefined => {
    const id = identity(target);
    return inputPaths.get(resolve(target)) ?? inputPaths.get(realPathOf(target)) ?? (id ? inputIds.get(id) : undefined);
  };
  const folders = plan.folders.flatMap((folder) => [resolve(folder), realPathOf(folder)]);
  const folderHolding = (target: string): string | undefined => {
    const paths = [resolve(target), realPathOf(target)];
    const index = folders.findIndex((folder) => paths.some((path) => isInside(path, folder)));
    return index < 0 ? undefined : plan.folders[Math.floor(index / 2)];
  };

  if (plan.report !== undefined) {
    const report = printable(plan.report);
    const input = inputAt(plan.report);
    if (input !== undefined)
      return `--report ${report} 是被检查的文件 ${input}，不能覆盖 (--report would overwrite the input ${input})`;
    const folder = folderHolding(plan.report);
    if (folder !== undefined)
      return `--report ${report} 位于被检查的文件夹 ${printable(folder)} 中，请另选位置 (--report lies inside the checked folder: choose another place)`;
    if (existsSync(plan.report) && statSync(plan.report).isDirectory())
      return `--report ${report} 是文件夹 (--report names a folder, not a file)`;
    if (existsSync(plan.report) && !plan.force)
      return `--report ${report} 已存在，未覆盖；要替换它请加 --force (${report} already exists and was left as it is; add --force to replace it)`;
  }
  if (plan.annotate !== undefined) {
    const folder = folderHolding(plan.annotate);
    if (folder !== undefined)
      return `--annotate ${printable(plan.annotate)} 位于被检查的文件夹 ${printable(folder)} 中，请另选文件夹 (--annotate lies inside the checked folder: choose another folder)`;
    if (existsSync(plan.annotate) && !statSync(plan.annotate).isDirectory())
      return `--annotate ${printable(plan.annotate)} 是文件，不是文件夹 (--annotate names a file, not a folder)`;
    const copies = (plan.annotatedCopies ?? []).filter((copy): copy is string => copy !== undefined);
    for (const copy of copies) {
      const input = inputAt(copy);
      if (input !== undefined)
        return `--annotate 会覆盖被检查的文件 ${input}，请另选文件夹 (--annotate would overwrite the input ${input}: choose another folder)`;
      if (plan.report !== undefined && resolve(copy) === resolve(plan.report))
        return `--annotate 的副本 ${printable(copy)} 与 --report 是同一文件 (an annotated copy and --report are the same file)`;
    }
    const existing = copies.filter((copy) => existsSync(copy));
    if (existing.length > 0 && !plan.force)
      return `--annotate 的 ${existing.length} 个副本已存在（如 ${printable(existing[0]!)}），未写入；要替换请加 --force (${existing.length === 1 ? '1 annotated copy already exists and was left as it is; add --force to replace it' : `${existing.length} annotated copies already exist and were left as they are; add --force to replace them`})`;
  }
  return undefined;
}
