/**
 * The files a run checks, from the paths the user gives: files named directly whatever their extension (rejected
 * clearly if need be), and the spreadsheets under folders, symbolic links to folders followed once (a link back to a
 * folder already listed is not walked again). A name that is not UTF-8 (a zip from Chinese Windows unpacked on Linux
 * gives GBK names) is opened by its raw bytes and shown decoded.
 */
import { readdir, realpath, stat } from 'node:fs/promises';
import { extname, sep } from 'node:path';
import type { InputFile } from './batch';
import { printable } from './format';
import { SPREADSHEET_EXTENSIONS } from '../xlsx/load-workbook';

export interface Inputs {
  files: InputFile[];
  /** The folders given, which were scanned: no output may go inside them. */
  folders: string[];
}

export async function expandInputs(paths: readonly string[]): Promise<Inputs> {
  const files: InputFile[] = [];
  const folders: string[] = [];
  const visited = new Set<string>();
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) {
      folders.push(path);
      await listWorkbooks({ name: path, path }, files, visited);
    } else files.push({ name: printable(path), path });
  }
  return { files, folders };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** A file name's bytes as text: UTF-8, else GBK (GB18030), else with the undecodable bytes written as \xNN. */
export function decodeFileName(bytes: Uint8Array): { text: string; isUtf8: boolean } {
  try {
    return { text: utf8.decode(bytes), isUtf8: true };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), isUtf8: false };
    } catch {
      const text = Array.from(bytes, (byte) =>
        byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`,
      ).join('');
      return { text, isUtf8: false };
    }
  }
}

function childOf(dir: InputFile, name: Buffer): InputFile {
  const decoded = decodeFileName(name);
  const display = `${dir.name.endsWith(sep) ? dir.name : dir.name + sep}${decoded.text}`;
  if (typeof dir.path === 'string' && decoded.isUtf8)
    return { name: display, path: `${dir.path.endsWith(sep) ? dir.path : dir.path + sep}${decoded.text}` };
  const parent = typeof dir.path === 'string' ? Buffer.from(dir.path) : dir.path;
  const separator = parent.length > 0 && parent[parent.length - 1] === sep.charCodeAt(0) ? [] : [Buffer.from(sep)];
  return { name: display, path: Buffer.concat([parent, ...separator, name]) };
}

async function listWorkbooks(dir: InputFile, files: InputFile[], visited: Set<string>): Promise<void> {
  const real = await realpath(dir.path).catch(() => undefined);
  const key = real;
  if (key !== undefined) {
    if (visited.has(key)) return;
    visited.add(key);
  }
  const entries = await readdir(dir.path, { withFileTypes: true, encoding: 'buffer' });
  const children = entries
    .map((entry) => ({ entry, child: childOf(dir, entry.name) }))
    .sort((a, b) => a.child.name.localeCompare(b.child.name));
  for (const { entry, child } of children) {
    // A symbolic link is followed to what it names: a folder is listed (once), a file is checked.
    const isDirectory = entry.isSymbolicLink()
      ? ((await stat(child.path).catch(() => undefined))?.isDirectory() ?? false)
      : entry.isDirectory();
    const fileName = decodeFileName(entry.name).text;
    if (isDirectory) await listWorkbooks(child, files, visited);
    // "~$name.xlsx" are Excel's (and WPS's) lock files, not workbooks.
    else if (
      (SPREADSHEET_EXTENSIONS as readonly string[]).includes(extname(fileName).toLowerCase()) &&
      !fileName.startsWith('~$')
    )
      files.push({ name: printable(child.name), path: child.path });
  }
}
