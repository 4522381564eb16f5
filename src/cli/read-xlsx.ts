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

/**
 * exceljs knows Excel's built-in number formats 27–36 and 50–58 only per culture, and gives a cell under one of them
 * no format when it reads a file (exceljs/exceljs#2893): the 年/月/日 date formats Chinese Excel saves under those
 * numbers would read as plain numbers, where the add-in reads dates. Their zh-CN codes are filled in here, for reading.
 * exceljs builds its table for writing when it loads, before this runs: the files we write keep their own formats.
 */
function knowChineseBuiltInFormats(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const builtIn = require('exceljs/lib/xlsx/defaultnumformats') as Record<string, { f?: string; 'zh-cn'?: string }>;
  for (const format of Object.values(builtIn))
    if (format.f === undefined && format['zh-cn'] !== undefined) format.f = format['zh-cn'];
}
knowChineseBuiltInFormats();

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

/** Reads every worksheet of an .xlsx file into engine grids. */
export async function readWorkbookGrids(file: string | Uint8Array): Promise<Grid[]> {
  return loadedGrids(await readWorkbook(file));
}

/**
 * Loads a workbook file (a path, or a file name's raw bytes on a disk whose names are not UTF-8) with exceljs, after
 * the byte-level checks that keep unreadable, corrupt and hostile files out.
 */
export async function readWorkbook(file: string | Uint8Array, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const name = typeof file === 'string' ? file : Buffer.from(file).toString('latin1');
  const path = typeof file === 'string' ? file : Buffer.from(file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new UnreadableWorkbookError(name, '文件不存在 file not found');
  if (!info.isFile()) throw new UnreadableWorkbookError(name, '不是文件 not a regular file');
  const bytes = await readFile(path);
  try {
    return await loadWorkbook(bytes, { inflateRaw, ...options });
  } catch (error) {
    if (error instanceof WorkbookProblemError) throw new UnreadableWorkbookError(name, problemMessage(error));
    throw error;
  }
}
