/**
 * Spreadsheet bytes → engine grids, through one reader for every format (SheetJS: .xlsx/.xlsm, .xls and WPS .et,
 * .xlsb, .ods/.fods, SpreadsheetML 2003, .csv), after the byte-level pre-check (workbook-precheck.ts), so that the
 * parser never expands what the pre-check found too large. exceljs only writes: for an annotated copy of an .xlsx it
 * loads the original (to keep its formatting), leaving out data validations and, on a sheet with too many or too
 * large merged areas, the merges; a copy of any other format is written from the grids.
 * No Node APIs: used by the CLI and by the standalone page.
 */
import * as XLSX from '@e965/xlsx';
import { read, SSF, type ParsingOptions, type WorkBook } from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { type Grid } from '../validation';
import { sheetjsGrids } from './sheetjs-grid';
import {
  PRECHECK_LIMITS,
  WorkbookProblemError,
  extensionOf,
  precheckSpreadsheet,
  readContainer,
  type InflateRaw,
  type SpreadsheetFormat,
  type WorkbookScan,
} from './workbook-precheck';

/** The extensions of the files read (a folder's files are picked by them; the standalone page's picker lists them). */
export const SPREADSHEET_EXTENSIONS = ['.xlsx', '.xlsm', '.xls', '.et', '.xlsb', '.ods', '.csv'] as const;

/** Something the reader left out or changed, said once for the file (never silently). */
export interface ReaderNote {
  kind:
    | 'merges-skipped'
    | 'sparse-cells-skipped'
    | 'validations-not-copied'
    | 'merges-not-copied'
    | 'macros-not-copied'
    | 'formatting-not-copied';
  message: string;
}

export interface LoadedWorkbook {
  format: SpreadsheetFormat;
  /** Every worksheet, in order, as the engine reads it. */
  grids: Grid[];
  notes: ReaderNote[];
  /** With `forCopy`: the workbook to mark and save as the annotated .xlsx copy. */
  copy?: ExcelJS.Workbook;
}

export interface LoadOptions {
  /** The workbook will be written back as an annotated copy: keep what the copy should carry, where affordable. */
  forCopy?: boolean;
  /** A faster raw-deflate decoder for the pre-check (Node's zlib); fflate's is used without one. */
  inflateRaw?: InflateRaw;
  /**
   * The file's name: its extension says whether text may be read as a table (.csv), names the format in messages,
   * and a .csv's name is its sheet's name (as Excel names it).
   */
  fileName?: string;
}

/**
 * Excel's built-in number formats 27–36 and 50–58 are defined per culture; a file that uses one does not spell it out.
 * Chinese Excel saves its 年/月/日 date formats under those numbers: their zh-CN codes are taught to SheetJS, which
 * would otherwise read such a date as a plain number where the add-in reads a date.
 */
const CHINESE_BUILT_IN_FORMATS: Record<number, string> = {
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'h"时"mm"分"',
  33: 'h"时"mm"分"ss"秒"',
  34: '上午/下午 h"时"mm"分"',
  35: '上午/下午 h"时"mm"分"ss"秒"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  55: '上午/下午 h"时"mm"分"',
  56: '上午/下午 h"时"mm"分"ss"秒"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};
const CHINESE_FORMAT_IDS = new RegExp(`numFmtId="(${Object.keys(CHINESE_BUILT_IN_FORMATS).join('|')})"`, 'g');

/**
 * An .xlsx's styles part with the zh-CN codes of the locale built-in formats it uses spelled out: SheetJS resets its
 * table of formats for each .xlsx, and reads a cell under such a format as having none.
 */
function withChineseFormats(styles: string): string {
  const used = new Set(Array.from(styles.matchAll(CHINESE_FORMAT_IDS), (match) => match[1]!));
  const defined = new Set(
    Array.from(styles.matchAll(/<(?:\w+:)?numFmt\s[^>]*numFmtId="(\d+)"/g), (match) => match[1]!),
  );
  const missing = [...used].filter((id) => !defined.has(id));
  if (missing.length === 0) return styles;
  const formats = missing
    .map(
      (id) =>
        `<numFmt numFmtId="${id}" formatCode="${CHINESE_BUILT_IN_FORMATS[Number(id)]!.replace(/"/g, '&quot;')}"/>`,
    )
    .join('');
  if (/<\/(?:\w+:)?numFmts>/.test(styles)) return styles.replace(/<\/(?:\w+:)?numFmts>/, (end) => formats + end);
  return styles.replace(/<(?:\w+:)?styleSheet\b[^>]*>/, (start) => `${start}<numFmts>${formats}</numFmts>`);
}

/** An .xlsx/.xlsm read by SheetJS, its styles part given the Chinese built-in formats first. */
function readXlsx(bytes: Uint8Array): WorkBook {
  const zip = readContainer(bytes, 'buffer');
  zip.FileIndex.forEach((file, i) => {
    if (!/(^|\/)styles\.xml$/i.test(zip.FullPaths[i] ?? '') || !file.content) return;
    const styles = new TextDecoder().decode(file.content);
    const patched = withChineseFormats(styles);
    if (patched !== styles) file.content = toBytes(new TextEncoder().encode(patched));
  });
  // parse_zip is what read() calls on a zip; SheetJS exports it, its type declarations leave it out.
  const parseZip = (XLSX as unknown as { parse_zip: (zip: unknown, options: ParsingOptions) => WorkBook }).parse_zip;
  return parseZip(zip, { ...READ_OPTIONS, type: isNodeBuffer(bytes) ? 'buffer' : 'array' });
}

/** Bytes as SheetJS takes them in Node (a Buffer), or as they are in the browser. */
function toBytes(bytes: Uint8Array): Uint8Array {
  const buffer = (globalThis as { Buffer?: { from(value: Uint8Array): Uint8Array } }).Buffer;
  return buffer ? buffer.from(bytes) : bytes;
}

/** Before an .xls is read: SheetJS reads a BIFF file's formats into the table of built-in formats as it stands. */
function loadChineseFormats(): void {
  const ssf = SSF as {
    load: (format: string, id: number) => void;
    get_table: () => Record<number, string | undefined>;
  };
  const table = ssf.get_table();
  for (const [id, format] of Object.entries(CHINESE_BUILT_IN_FORMATS))
    if (table[Number(id)] === undefined) ssf.load(format, Number(id));
}

/** What SheetJS is asked for: values, cached results and number formats; no formulas, formatted text or styles. */
const READ_OPTIONS: ParsingOptions = {
  dense: true,
  cellNF: true,
  cellText: false,
  cellFormula: false,
  cellHTML: false,
  cellStyles: false,
  sheetStubs: false,
  bookVBA: false,
};

/** A .csv's sheet is named after the file, as Excel names it (at most 31 characters, none of :\/?*[]). */
function csvSheetName(fileName: string | undefined): string {
  const base = (fileName ?? '').replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');
  return base.replace(/[:\\/?*[\]]/g, '_').slice(0, 31) || 'Sheet1';
}

/** Checks the bytes, then reads them. Throws WorkbookProblemError for a file that must not or cannot be read. */
export async function loadWorkbook(bytes: Uint8Array, options: LoadOptions = {}): Promise<LoadedWorkbook> {
  const checked = precheckSpreadsheet(bytes, { inflateRaw: options.inflateRaw, fileName: options.fileName });
  const notes: ReaderNote[] = [];
  let workbook: WorkBook;
  try {
    if (checked.format === 'xls') loadChineseFormats();
    workbook =
      checked.format === 'xlsx'
        ? readXlsx(bytes)
        : checked.text === undefined
          ? read(bytes, { ...READ_OPTIONS, type: isNodeBuffer(bytes) ? 'buffer' : 'array' })
          : read(checked.text, {
              ...READ_OPTIONS,
              type: 'string',
              ...(checked.format === 'csv' ? { sheet: csvSheetName(options.fileName) } : {}),
            });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    if (/password-protected|encrypt/i.test(detail)) throw new WorkbookProblemError({ kind: 'encrypted' });
    throw new WorkbookProblemError({ kind: 'corrupt', detail, format: extensionOf(options.fileName) });
  }
  const grids = sheetjsGrids(workbook, {
    unescapeSheetNames: checked.format === 'ods' || checked.format === 'xml',
    onCut: (cut) =>
      notes.push({
        kind: 'sparse-cells-skipped',
        message: `工作表“${cut.sheet}”有 ${cut.count} 个单元格零散分布在很远的列（如 ${cut.examples.join('、')}），未检查 (${cut.count} cells scattered far to the right, not checked)`,
      }),
    onMergesSkipped: (skipped) =>
      notes.push({
        kind: 'merges-skipped',
        message: `工作表“${skipped.sheet}”有 ${skipped.count} 个合并区域过大，未读取（${skipped.examples.join('、')}）(merged areas too large, ignored)`,
      }),
  });
  if (grids.length === 0) throw new WorkbookProblemError({ kind: 'not-workbook' });
  const loaded: LoadedWorkbook = { format: checked.format, grids, notes };
  if (options.forCopy) {
    if (checked.format === 'xlsx' && checked.scan) loaded.copy = await loadCopy(bytes, checked.scan, notes);
    else {
      loaded.copy = gridsWorkbook(grids);
      notes.push({
        kind: 'formatting-not-copied',
        message:
          '标注副本保存为 .xlsx，只含原文件的值和合并单元格，未保留格式 (the annotated copy is an .xlsx with the values and merges only: formatting was not carried over)',
      });
    }
  }
  return loaded;
}

function isNodeBuffer(bytes: Uint8Array): boolean {
  const buffer = (globalThis as { Buffer?: { isBuffer(value: unknown): boolean } }).Buffer;
  return buffer?.isBuffer(bytes) === true;
}

/** The original .xlsx loaded by exceljs, to be marked and written: its formatting, formulas and notes kept. */
async function loadCopy(bytes: Uint8Array, scan: WorkbookScan, notes: ReaderNote[]): Promise<ExcelJS.Workbook> {
  const mergesFromScan = scan.sheets.some(
    (sheet) => sheet.skippedMerges.count > 0 || sheet.merges.length > PRECHECK_LIMITS.readerMerges,
  );
  const validationCells = scan.sheets.reduce((sum, sheet) => sum + sheet.validationCells, 0);
  const keepValidations = validationCells <= PRECHECK_LIMITS.validationCells;
  const ignoreNodes: string[] = [];
  if (!keepValidations) {
    ignoreNodes.push('dataValidations');
    notes.push({
      kind: 'validations-not-copied',
      message: `数据有效性范围过大（${validationCells} 个单元格），标注副本中未保留 (data validations too large, not carried into the annotated copy)`,
    });
  }
  if (mergesFromScan) {
    // exceljs merges cell by cell, in time quadratic in the number of merges: the copy goes without them.
    ignoreNodes.push('mergeCells');
    notes.push({
      kind: 'merges-not-copied',
      message:
        '合并单元格过多或过大，标注副本中未保留合并 (too many or too large merged areas, not carried into the annotated copy)',
    });
  }
  if (scan.hasMacros)
    notes.push({
      kind: 'macros-not-copied',
      message: '标注副本保存为 .xlsx，未保留宏 (the annotated copy is an .xlsx: macros were not carried over)',
    });
  const workbook = new ExcelJS.Workbook();
  try {
    // ignoreNodes is an option of exceljs's reader that its type declarations leave out.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes });
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    throw new WorkbookProblemError({ kind: 'corrupt', detail });
  }
  return workbook;
}

/**
 * A new workbook holding the grids' values, number formats and merges: the copy of a file exceljs cannot open (.xls,
 * .ods …). A date is written as the text the checker read.
 */
export function gridsWorkbook(grids: readonly Grid[]): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const grid of grids) {
    const sheet = workbook.addWorksheet(grid.sheet);
    grid.cells.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null) return;
        const cell = sheet.getCell(r + 1, c + 1);
        cell.value = typeof value === 'object' ? { error: value.error as ExcelJS.CellErrorValue['error'] } : value;
        const format = grid.numberFormats?.[r]?.[c];
        if (typeof format === 'string') cell.numFmt = format;
      });
    });
    for (const merge of grid.merges ?? [])
      sheet.mergeCells(merge.top + 1, merge.left + 1, merge.bottom + 1, merge.right + 1);
  }
  return workbook;
}

/** The loaded workbook's sheets as grids. */
export function loadedGrids(loaded: LoadedWorkbook): Grid[] {
  return loaded.grids;
}

/** One line for the user, zh-CN then en-US, for each problem the pre-check or the reader found. */
export function problemMessage(error: WorkbookProblemError): string {
  const problem = error.problem;
  const MB = 1024 * 1024;
  switch (problem.kind) {
    case 'encrypted':
      return '文件已加密（设有打开密码），请另存为未加密的文件 (password-protected; save a copy without a password)';
    case 'not-xlsx': {
      const extension = problem.extension ?? '.xlsx';
      return `不是 ${extension} 文件 (not an ${extension} file)`;
    }
    case 'not-workbook':
      return '不是 Excel 工作簿：文件中没有工作表 (not an Excel workbook: no worksheet in the file)';
    case 'corrupt': {
      const format = problem.format ?? '.xlsx';
      return `${format} 文件已损坏，无法读取 (corrupt ${format}: ${problem.detail})`;
    }
    case 'out-of-range':
      return `.xlsx 文件已损坏：工作表“${problem.sheet}”的 ${problem.ref} 超出 Excel 的范围（1,048,576 行、XFD 列）(corrupt .xlsx: reference beyond Excel's grid)`;
    case 'too-large': {
      const size = problem.declared
        ? `${Math.round(problem.uncompressedBytes / MB)} MB，上限 ${PRECHECK_LIMITS.uncompressedBytes / MB} MB`
        : `超过 ${PRECHECK_LIMITS.uncompressedBytes / MB} MB 上限`;
      return `文件过大或超时：解压后内容过大（${size}），未读取；请拆分工作簿 (too large: uncompressed size over the limit, file not read)`;
    }
    case 'too-many-cells':
      return `文件过大或超时：重复的单元格展开后超过 ${PRECHECK_LIMITS.expandedCells.toLocaleString('en-US')} 个，未读取；请拆分工作簿 (too large: repeated cells expand to over ${PRECHECK_LIMITS.expandedCells.toLocaleString('en-US')} cells, file not read)`;
  }
}
