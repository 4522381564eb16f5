import { readFile, stat } from 'node:fs/promises';
import { type Grid } from '../validation';
import {
  loadWorkbook,
  loadedGrids,
  problemMessage,
  type LoadOptions,
  type LoadedWorkbook,
} from '../xlsx/load-workbook';
import { WorkbookProblemError, type InflateRaw } from '../xlsx/workbook-precheck';
import { inflateRawSync } from 'node:zlib';

/** Node's zlib, stopped at `maxOutput` bytes (a RangeError past it). */
const inflateRaw: InflateRaw = (input, maxOutput) => inflateRawSync(input, { maxOutputLength: maxOutput });

/** A file the CLI cannot read, with a one-line reason for the user. */
export class UnreadableWorkbookError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'UnreadableWorkbookError';
  }
}

/** Reads every worksheet of a spreadsheet file (.xlsx, .xls, .et, .xlsb, .ods, .csv …) into engine grids. */
export async function readWorkbookGrids(file: string | Uint8Array): Promise<Grid[]> {
  return loadedGrids(await readWorkbook(file));
}

/**
 * Reads a spreadsheet file (a path, or a file name's raw bytes on a disk whose names are not UTF-8), after the
 * byte-level checks that keep unreadable, corrupt and hostile files out. The file is only read, never written.
 */
export async function readWorkbook(file: string | Uint8Array, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const name = typeof file === 'string' ? file : Buffer.from(file).toString('latin1');
  const path = typeof file === 'string' ? file : Buffer.from(file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UnreadableWorkbookError(name, '文件不存在 file not found');
  if (!info.isFile()) throw new UnreadableWorkbookError(name, '不是文件 not a regular file');
  const bytes = await readFile(path);
  try {
    return await loadWorkbook(bytes, { inflateRaw, fileName: name, ...options });
  } catch (error) {
    if (error instanceof WorkbookProblemError) throw new UnreadableWorkbookError(name, problemMessage(error));
    throw error;
  }
}
