import ExcelJS from 'exceljs';
import { readFile, stat } from 'node:fs/promises';
import type { Grid } from '../validation/grid';
import { workbookGrids } from '../xlsx/worksheet-grid';
import { MAX_UNCOMPRESSED_BYTES, workbookBytesProblem } from '../xlsx/workbook-bytes';

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
export async function readWorkbookGrids(file: string): Promise<Grid[]> {
  return workbookGrids(await readWorkbook(file));
}

/** Loads an .xlsx file with exceljs, after the checks that keep unreadable and dangerous files out. */
export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const info = await stat(file).catch(() => undefined);
  if (!info) throw new UnreadableWorkbookError(file, '文件不存在 file not found');
  if (!info.isFile()) throw new UnreadableWorkbookError(file, '不是文件 not a regular file');
  const bytes = await readFile(file);
  const problem = workbookBytesProblem(bytes);
  if (problem?.kind === 'encrypted-or-legacy') {
    throw new UnreadableWorkbookError(
      file,
      '文件已加密或为旧版 .xls 格式，请另存为未加密的 .xlsx (password-protected or legacy .xls; save as an unprotected .xlsx)',
    );
  }
  if (problem?.kind === 'not-xlsx') throw new UnreadableWorkbookError(file, '不是 .xlsx 文件 (not an .xlsx file)');
  if (problem?.kind === 'too-large') {
    throw new UnreadableWorkbookError(
      file,
      `解压后内容过大（${Math.round(problem.uncompressedBytes / 1024 / 1024)} MB，上限 ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB），未读取；请拆分工作簿 (uncompressed size too large, file not read)`,
    );
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UnreadableWorkbookError(file, `.xlsx 文件已损坏，无法读取 (corrupt .xlsx: ${detail})`);
  }
  return workbook;
}
