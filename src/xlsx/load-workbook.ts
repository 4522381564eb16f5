/**
 * Workbook bytes → an exceljs workbook and engine grids, after the byte-level pre-check (workbook-precheck.ts), so
 * that the parser never expands what the pre-check found too large: data validations (never needed for checking)
 * and, on a sheet with too many or too large merged areas, the merges, which then come from the pre-check's scan.
 * No Node APIs: used by the CLI and by the standalone page.
 */
import ExcelJS from 'exceljs';
import { type Grid } from '../validation';
import {
  PRECHECK_LIMITS,
  WorkbookProblemError,
  precheckWorkbook,
  type InflateRaw,
  type WorkbookScan,
} from './workbook-precheck';
import { workbookGrids } from './worksheet-grid';

/** Something the reader left out or changed, said once for the file (never silently). */
export interface ReaderNote {
  kind:
    'merges-skipped' | 'sparse-cells-skipped' | 'validations-not-copied' | 'merges-not-copied' | 'macros-not-copied';
  message: string;
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  scan: WorkbookScan;
  /** Whether exceljs was told to skip the merges (they are then taken from the scan). */
  mergesFromScan: boolean;
  notes: ReaderNote[];
}

export interface LoadOptions {
  /** The workbook will be written back as an annotated copy: keep what the copy should carry, where affordable. */
  forCopy?: boolean;
  /** A faster raw-deflate decoder for the pre-check (Node's zlib); fflate's is used without one. */
  inflateRaw?: InflateRaw;
}

/** Checks the bytes, then loads them with exceljs. Throws WorkbookProblemError for a file that must not be read. */
export async function loadWorkbook(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const scan = precheckWorkbook(bytes, { inflateRaw: options.inflateRaw });
  const notes: ReaderNote[] = [];
  for (const sheet of scan.sheets) {
    if (sheet.skippedMerges.count === 0) continue;
    notes.push({
      kind: 'merges-skipped',
      message: `工作表“${sheet.name}”有 ${sheet.skippedMerges.count} 个合并区域过大，未读取（${sheet.skippedMerges.examples.join('、')}）(merged areas too large, ignored)`,
    });
  }
  const mergesFromScan = scan.sheets.some(
    (sheet) => sheet.skippedMerges.count > 0 || sheet.merges.length > PRECHECK_LIMITS.readerMerges,
  );
  const validationCells = scan.sheets.reduce((sum, sheet) => sum + sheet.validationCells, 0);
  const keepValidations = options.forCopy === true && validationCells <= PRECHECK_LIMITS.validationCells;
  const ignoreNodes: string[] = [];
  if (!keepValidations) ignoreNodes.push('dataValidations');
  if (mergesFromScan) ignoreNodes.push('mergeCells');
  if (options.forCopy) {
    if (!keepValidations && validationCells > 0)
      notes.push({
        kind: 'validations-not-copied',
        message: `数据有效性范围过大（${validationCells} 个单元格），标注副本中未保留 (data validations too large, not carried into the annotated copy)`,
      });
    if (mergesFromScan)
      notes.push({
        kind: 'merges-not-copied',
        message:
          '合并单元格过多或过大，标注副本中未保留合并 (too many or too large merged areas, not carried into the annotated copy)',
      });
    if (scan.hasMacros)
      notes.push({
        kind: 'macros-not-copied',
        message: '标注副本保存为 .xlsx，未保留宏 (the annotated copy is an .xlsx: macros were not carried over)',
      });
  }
  const workbook = new ExcelJS.Workbook();
  try {
    // ignoreNodes is an option of exceljs's reader that its type declarations leave out.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new WorkbookProblemError({ kind: 'corrupt', detail });
  }
  if (workbook.worksheets.length === 0) throw new WorkbookProblemError({ kind: 'not-workbook' });
  return { workbook, scan, mergesFromScan, notes };
}

/** The loaded workbook's sheets as grids; merges from the scan where exceljs was told to skip them. */
export function loadedGrids(loaded: LoadedWorkbook): Grid[] {
  const grids = workbookGrids(loaded.workbook, (cut) =>
    loaded.notes.push({
      kind: 'sparse-cells-skipped',
      message: `工作表“${cut.sheet}”有 ${cut.count} 个单元格零散分布在很远的列（如 ${cut.examples.join('、')}），未检查 (${cut.count} cells scattered far to the right, not checked)`,
    }),
  );
  if (!loaded.mergesFromScan) return grids;
  const scans = new Map(loaded.scan.sheets.map((sheet) => [sheet.name, sheet]));
  for (const grid of grids) {
    const merges = scans.get(grid.sheet)?.merges ?? [];
    grid.merges = merges;
    // exceljs reads a merged-over cell's own value when it does not know the merge: only the top-left cell counts.
    for (const merge of merges) {
      for (let r = merge.top; r <= merge.bottom && r < grid.cells.length; r++) {
        const row = grid.cells[r]!;
        for (let c = merge.left; c <= merge.right && c < row.length; c++)
          if ((r !== merge.top || c !== merge.left) && row[c] !== undefined) row[c] = null;
      }
    }
  }
  return grids;
}

/** One line for the user, zh-CN then en-US, for each problem the pre-check or the reader found. */
export function problemMessage(error: WorkbookProblemError): string {
  const problem = error.problem;
  const MB = 1024 * 1024;
  switch (problem.kind) {
    case 'encrypted-or-legacy':
      return '文件已加密或为旧版 .xls 格式，请另存为未加密的 .xlsx (password-protected or legacy .xls; save as an unprotected .xlsx)';
    case 'not-xlsx':
      return '不是 .xlsx 文件 (not an .xlsx file)';
    case 'not-workbook':
      return '不是 Excel 工作簿：文件中没有工作表 (not an Excel workbook: no worksheet in the file)';
    case 'corrupt':
      return `.xlsx 文件已损坏，无法读取 (corrupt .xlsx: ${problem.detail})`;
    case 'out-of-range':
      return `.xlsx 文件已损坏：工作表“${problem.sheet}”的 ${problem.ref} 超出 Excel 的范围（1,048,576 行、XFD 列）(corrupt .xlsx: reference beyond Excel's grid)`;
    case 'too-large': {
      const size = problem.declared
        ? `${Math.round(problem.uncompressedBytes / MB)} MB，上限 ${PRECHECK_LIMITS.uncompressedBytes / MB} MB`
        : `超过 ${PRECHECK_LIMITS.uncompressedBytes / MB} MB 上限`;
      return `文件过大或超时：解压后内容过大（${size}），未读取；请拆分工作簿 (too large: uncompressed size over the limit, file not read)`;
    }
  }
}
