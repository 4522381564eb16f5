/**
 * Properties of the readers: workbooks of arbitrary cells, number formats, merges and sheets are written with exceljs,
 * round-tripped through real .xlsx bytes and read back, by the exceljs reader the CLI used before (workbookGrids,
 * kept as the reference) and by the SheetJS reader it uses now (loadWorkbook). Every expected value is derived from
 * what the test wrote, never from a reader; where the two readers differ, each difference is listed and justified
 * (DIFFERENCES). The same workbooks saved as .xls and .ods by SheetJS read back to the same grid, again with every
 * difference listed.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { ReportSchema, checkGrids, type CellRange, type CellValue, type Finding, type Grid } from '../src/validation';
import { cellAddress, parseRangeAddress } from '../src/validation/address';
import { EXCEL_ERROR_CODES } from '../src/validation/grid';
import { workbookGrids } from '../src/xlsx/worksheet-grid';
import { loadWorkbook } from '../src/xlsx/load-workbook';
import { read as readWithSheetjs, write as writeWithSheetjs } from '@e965/xlsx';
import { addHyperlinks } from './xlsx-links';

// ---------------------------------------------------------------------------------------------
// What the test writes.

/** A text, and whether it is a number written as text ("1,234.50", "５８２．０３", "\u300070"): the reader keeps its format. */
interface Text {
  text: string;
  numeric: boolean;
}

interface Format {
  code: string;
  /** exceljs reads a number in a cell with a date format as a Date. */
  isDate: boolean;
}

type FormulaResult = number | Text | boolean | { error: string } | Date;

type Content =
  | { kind: 'text'; text: Text }
  | { kind: 'number'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'date'; value: Date }
  | { kind: 'error'; code: string }
  | { kind: 'formula'; formula: string; result?: FormulaResult }
  | { kind: 'rich-text'; text: Text; splitAt: number }
  | { kind: 'hyperlink'; text: Text; rich: boolean }
  | { kind: 'empty' };

interface CellSpec {
  row: number;
  col: number;
  content: Content;
  format?: Format;
  /** A hyperlink on a cell exceljs cannot write one on (a number, a formula, an error, an empty styled cell), added to the bytes. */
  linked: boolean;
}

/** One shared formula down a column: the first cell holds the formula, the others share it. */
interface SharedRun {
  row: number;
  col: number;
  results: (FormulaResult | undefined)[];
}

interface SheetSpec {
  name: string;
  cells: CellSpec[];
  sharedRun?: SharedRun;
  merges: CellRange[];
}

interface WorkbookSpec {
  sheets: SheetSpec[];
  /** A sheet added then removed before writing, so the sheet ids have a gap. */
  removedSheetAt?: number;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const NUMERIC_TEXTS = [
  '0.2',
  '05',
  '1,234.50',
  '５８２．０３',
  '　70',
  ' 12 ',
  '-3',
  '+.5',
  '100',
  '0',
  '201',
  '2010301',
  '201 03 01',
];
const OTHER_TEXTS = [
  '项目名称',
  '单位名称',
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '权重',
  '分值',
  '预算数',
  '产出指标',
  '效益指标',
  '满意度指标',
  '数量指标',
  '质量指标',
  '成本指标(20分)',
  '≥98%',
  '≥90%',
  '≤5万元',
  '合计',
  '总计',
  '小计',
  '科目编码',
  '科目名称',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '收入合计',
  '支出合计',
  '一、本年收入',
  '资金总额：582.03万元',
  '……',
  '—',
  '天',
  '',
  ' ',
  '　',
  '\t',
  '\n',
  ' a ',
  '😀',
  '👨‍👩‍👧',
  '95%',
  '1e5',
  '1.2.3',
  '12元',
  'TRUE',
  'FALSE',
  '#REF!',
  '#N/A',
  '#DIV/0!',
  '＃ＲＥＦ！',
  '2024-01-01',
  '=1+1',
  'Infinity',
  'NaN',
  '１２３ｘ',
  '长'.repeat(32767),
];
const TEXT_CHARACTERS = [
  'a',
  'Z',
  '0',
  '7',
  '.',
  ',',
  '-',
  '%',
  ' ',
  '　',
  '\n',
  '\t',
  '项',
  '目',
  '预',
  '算',
  '万',
  '元',
  '１',
  '５',
  '．',
  '，',
  '％',
  '😀',
  '👍🏽',
  '"',
  "'",
  '&',
  '<',
  '>',
  '#',
  '!',
  '¥',
  '€',
  'é',
  'Ω',
  '\u200b',
];

/** Texts that are not numbers: the first character is a letter, which no number text starts with. */
const wordArb: fc.Arbitrary<Text> = fc
  .tuple(fc.constantFrom('x', '项', '注'), fc.string({ unit: fc.constantFrom(...TEXT_CHARACTERS), maxLength: 30 }))
  .map(([first, rest]) => ({ text: first + rest, numeric: false }));

const textArb: fc.Arbitrary<Text> = fc.oneof(
  fc.constantFrom(...NUMERIC_TEXTS).map((text) => ({ text, numeric: true })),
  fc.constantFrom(...OTHER_TEXTS).map((text) => ({ text, numeric: false })),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => ({ text: String(n), numeric: true })),
  fc.integer({ min: -10_000_000, max: 10_000_000 }).map((n) => ({ text: (n / 100).toFixed(2), numeric: true })),
  wordArb,
);

const numberArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    1e-7,
    1e15,
    -1e15,
    0.1,
    1 / 3,
    582.03,
    -582.03,
    0.95,
    100,
    45000,
    2958465,
    2958466,
    1e8,
    123456789,
    Number.MAX_SAFE_INTEGER,
  ),
  fc.integer({ min: -10_000_000, max: 10_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const dateArb = fc.date({
  min: new Date(Date.UTC(1900, 2, 1)),
  max: new Date(Date.UTC(9999, 11, 31, 23, 59, 59, 999)),
  noInvalidDate: true,
});
const errorArb = fc.constantFrom(...EXCEL_ERROR_CODES).map((error) => ({ error }));

const formulaResultArb: fc.Arbitrary<FormulaResult> = fc.oneof(numberArb, textArb, fc.boolean(), errorArb, dateArb);
const FORMULAS = ['SUM(A1:A3)', 'A1*2', '1/0', 'VLOOKUP(A1,表!A:B,2,FALSE)', '"x"&A1', 'TODAY()', 'IF(A1>0,"是","否")'];

const contentArb: fc.Arbitrary<Content> = fc.oneof(
  { weight: 4, arbitrary: textArb.map((text) => ({ kind: 'text' as const, text })) },
  { weight: 4, arbitrary: numberArb.map((value) => ({ kind: 'number' as const, value })) },
  { weight: 1, arbitrary: fc.boolean().map((value) => ({ kind: 'boolean' as const, value })) },
  { weight: 1, arbitrary: dateArb.map((value) => ({ kind: 'date' as const, value })) },
  { weight: 1, arbitrary: errorArb.map(({ error }) => ({ kind: 'error' as const, code: error })) },
  {
    weight: 3,
    arbitrary: fc
      .record({ formula: fc.constantFrom(...FORMULAS), result: fc.option(formulaResultArb, { nil: undefined }) })
      .map(({ formula, result }) => ({
        kind: 'formula' as const,
        formula,
        ...(result === undefined ? {} : { result }),
      })),
  },
  {
    weight: 1,
    arbitrary: fc.record({ text: textArb, splitAt: fc.nat(40) }).map((r) => ({ kind: 'rich-text' as const, ...r })),
  },
  // exceljs cannot write a hyperlink without text.
  {
    weight: 1,
    arbitrary: fc
      .record({ text: textArb.filter((t) => t.text !== ''), rich: fc.boolean() })
      .map((r) => ({ kind: 'hyperlink' as const, ...r })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'empty' as const }) },
);

const FORMATS: Format[] = [
  { code: '0%', isDate: false },
  { code: '0.00%', isDate: false },
  { code: '#,##0.00', isDate: false },
  { code: '"¥"#,##0.00', isDate: false },
  { code: '[$¥-804]#,##0.00;[Red]-[$¥-804]#,##0.00', isDate: false },
  { code: '#,##0.00"万元"', isDate: false },
  { code: '@', isDate: false },
  { code: '0.00_ ', isDate: false },
  { code: 'yyyy-mm-dd', isDate: true },
  { code: 'yyyy"年"m"月"d"日"', isDate: true },
  { code: 'm/d/yy', isDate: true },
  { code: '[$-F800]dddd, mmmm dd, yyyy', isDate: true },
];

/** Mostly near the top-left corner, sometimes far from it: sparse rows and columns. */
const rowArb = fc.oneof(fc.nat(8), fc.nat(39));
const colArb = fc.oneof(fc.nat(5), fc.nat(29));

const cellArb: fc.Arbitrary<CellSpec> = fc
  .record({
    row: rowArb,
    col: colArb,
    content: contentArb,
    format: fc.option(fc.constantFrom(...FORMATS), { nil: undefined }),
    linked: fc.nat(4).map((n) => n === 0),
  })
  .map((cell) => ({ ...cell, format: compatibleFormat(cell.content, cell.format) }));

/**
 * A date keeps a date format (with another format Excel shows its serial number, which is a number cell). A formula whose
 * cached result is a boolean or a text JavaScript reads as a number ("0.00", " 12 ") gets no date format: exceljs subtracts
 * such a result from a serial number and reads TRUE as 1899-12-31, "0.00" as 1899-12-30, a loss no reader can undo
 * (reported, not encoded here).
 */
function compatibleFormat(content: Content, format: Format | undefined): Format | undefined {
  if (format === undefined) return undefined;
  if (isDateContent(content) && !format.isDate) return undefined;
  if (content.kind === 'formula' && format.isDate && resultJavaScriptReadsAsNumber(content.result)) return undefined;
  return format;
}

function resultJavaScriptReadsAsNumber(result: FormulaResult | undefined): boolean {
  if (typeof result === 'boolean') return true;
  return result !== undefined && typeof result === 'object' && 'text' in result && Number.isFinite(Number(result.text));
}

function isDateContent(content: Content): boolean {
  return content.kind === 'date' || (content.kind === 'formula' && content.result instanceof Date);
}

const sharedRunArb: fc.Arbitrary<SharedRun> = fc.record({
  row: fc.nat(8),
  col: fc.nat(5),
  results: fc.array(fc.option(fc.oneof(numberArb, textArb, errorArb), { nil: undefined }), {
    minLength: 2,
    maxLength: 4,
  }),
});

/** An amount as budget tables hold them: a number, a formula's result (often 0), a number written as text, sometimes an error. */
const amountArb: fc.Arbitrary<Content> = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map((value) => ({ kind: 'number' as const, value })),
  fc.integer({ min: -100_000, max: 100_000 }).map((n) => ({ kind: 'number' as const, value: n / 100 })),
  fc
    .oneof(fc.constant(0), fc.integer({ min: 0, max: 1000 }))
    .map((value) => ({ kind: 'formula' as const, formula: 'SUM(C3:C4)', result: value })),
  fc.integer({ min: 0, max: 1000 }).map((n) => ({ kind: 'text' as const, text: { text: String(n), numeric: true } })),
  fc.constant({ kind: 'empty' as const }),
  errorArb.map(({ error }) => ({ kind: 'error' as const, code: error })),
);

/** Labels of a budget table and of a performance-indicator table; null where an amount goes. */
const TEMPLATES: (string | null)[][][] = [
  [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['合计', '', null, null, null],
    ['201', '一般公共服务支出', null, null, null],
    ['2010301', '行政运行', null, null, null],
    ['2010350', '事业运行', null, null, null],
  ],
  [
    ['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ['培训项目', '产出指标', '数量指标', '培训人次', '≥100人次', null],
    ['', '成本指标', '经济成本指标', '培训成本', '≤5万元', null],
    ['', '效益指标', '社会效益指标', '群众知晓率', '≥90%', null],
    ['', '满意度指标', '服务对象满意度指标', '满意度', '≥90%', null],
  ],
];

/** A table the engine recognizes, at the top-left corner, with arbitrary amounts: random cells are written over it. */
const templateArb: fc.Arbitrary<CellSpec[]> = fc
  .record({
    labels: fc.constantFrom(...TEMPLATES),
    amounts: fc.array(amountArb, { minLength: 20, maxLength: 20 }),
    amountFormat: fc.option(fc.constantFrom(...FORMATS.filter((f) => !f.isDate)), { nil: undefined }),
  })
  .map(({ labels, amounts, amountFormat }) =>
    labels.flatMap((cells, row) =>
      cells.map((label, col): CellSpec => {
        if (label !== null)
          return {
            row,
            col,
            content: { kind: 'text', text: { text: label, numeric: /^\d+$/.test(label) } },
            linked: false,
          };
        return {
          row,
          col,
          content: amounts[(row * cells.length + col) % amounts.length]!,
          format: amountFormat,
          linked: false,
        };
      }),
    ),
  );

const SHEET_NAMES = [
  "O'Brien",
  '表 一',
  '😀预算',
  '基本支出表',
  'Sheet1',
  'sheet2',
  '2024年(2)',
  'A1',
  '&<>"%',
  "It's ok",
  ' 前后空格 ',
  '收入支出决算总表（公开01表）',
  'R1C1',
  '#REF!',
  'Лист1',
  '预算',
];

const mergeArb = fc.record({
  top: rowArb,
  left: colArb,
  height: fc.integer({ min: 1, max: 3 }),
  width: fc.integer({ min: 1, max: 3 }),
});

/** A filled sheet, or sometimes an empty one. */
const sheetArb = (name: string): fc.Arbitrary<SheetSpec> =>
  fc.oneof(
    { weight: 1, arbitrary: fc.constant<SheetSpec>({ name, cells: [], merges: [] }) },
    { weight: 5, arbitrary: filledSheetArb(name) },
  );

const filledSheetArb = (name: string): fc.Arbitrary<SheetSpec> =>
  fc
    .record({
      template: fc.option(templateArb, { nil: undefined }),
      randomCells: fc.array(cellArb, { maxLength: 25 }),
      sharedRun: fc.option(sharedRunArb, { nil: undefined }),
      merges: fc.array(mergeArb, { maxLength: 4 }),
    })
    .map(({ template, randomCells, sharedRun, merges }) => {
      const cells = [...(template ?? []), ...randomCells];
      const runCells = new Set(sharedRun ? sharedRunPositions(sharedRun).map(key) : []);
      const accepted: CellRange[] = [];
      for (const m of merges) {
        const range = { top: m.top, left: m.left, bottom: m.top + m.height - 1, right: m.left + m.width - 1 };
        if (range.bottom === range.top && range.right === range.left) continue;
        if (accepted.some((other) => overlaps(range, other))) continue;
        if (positionsOf(range).some((p) => runCells.has(key(p)))) continue;
        accepted.push(range);
      }
      // One cell per position (the last written wins in exceljs too); the shared formula overwrites cells in its run.
      const byPosition = new Map<string, CellSpec>();
      for (const cell of cells) if (!runCells.has(key(cell))) byPosition.set(key(cell), cell);
      return { name, cells: [...byPosition.values()], ...(sharedRun ? { sharedRun } : {}), merges: accepted };
    });

const workbookArb: fc.Arbitrary<WorkbookSpec> = fc
  .uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3, selector: (name) => name.toLowerCase() })
  .chain((names) =>
    fc.record({
      sheets: fc.tuple(...names.map(sheetArb)),
      removedSheetAt: fc.option(fc.nat(names.length), { nil: undefined }),
    }),
  );

interface Position {
  row: number;
  col: number;
}

function key(position: Position): string {
  return `${position.row},${position.col}`;
}

function sharedRunPositions(run: SharedRun): Position[] {
  return run.results.map((_, i) => ({ row: run.row + i, col: run.col }));
}

function positionsOf(range: CellRange): Position[] {
  const positions: Position[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++) positions.push({ row, col });
  return positions;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

// ---------------------------------------------------------------------------------------------
// Writing the workbook and reading it back.

function formulaResultValue(result: FormulaResult | undefined): ExcelJS.CellFormulaValue['result'] {
  if (result === undefined || typeof result === 'number' || typeof result === 'boolean' || result instanceof Date)
    return result;
  if ('error' in result) return result as ExcelJS.CellErrorValue;
  return result.text;
}

/** Two runs, the second bold and red; split between code points, never inside an emoji's surrogate pair. */
function richTextOf(text: Text, splitAt: number): ExcelJS.CellRichTextValue {
  const characters = Array.from(text.text);
  const first = characters.slice(0, splitAt).join('');
  const second = characters.slice(splitAt).join('');
  return { richText: [{ text: first }, { text: second, font: { bold: true, color: { argb: 'FFFF0000' } } }] };
}

function cellValueOf(content: Content): ExcelJS.CellValue {
  switch (content.kind) {
    case 'text':
      return content.text.text;
    case 'number':
    case 'boolean':
    case 'date':
      return content.value;
    case 'error':
      return { error: content.code } as ExcelJS.CellErrorValue;
    case 'formula':
      return { formula: content.formula, result: formulaResultValue(content.result) };
    case 'rich-text':
      return richTextOf(content.text, content.splitAt);
    case 'hyperlink': {
      const text = content.rich ? richTextOf(content.text, 1) : content.text.text;
      return {
        text,
        hyperlink: 'https://example.com/链接?a=1&b=2',
        tooltip: '说明',
      } as unknown as ExcelJS.CellHyperlinkValue;
    }
    case 'empty':
      return null;
  }
}

async function writeWorkbook(spec: WorkbookSpec): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const links = new Map<number, string[]>();
  spec.sheets.forEach((sheetSpec, index) => {
    if (index === spec.removedSheetAt) workbook.removeWorksheet(workbook.addWorksheet('已删除').id);
    const sheet = workbook.addWorksheet(sheetSpec.name);
    for (const cellSpec of sheetSpec.cells) {
      const cell = sheet.getCell(cellSpec.row + 1, cellSpec.col + 1);
      cell.value = cellValueOf(cellSpec.content);
      if (cellSpec.format) cell.numFmt = cellSpec.format.code;
    }
    const run = sheetSpec.sharedRun;
    if (run) {
      const master = cellAddress(run.row, run.col);
      const ref = `${master}:${cellAddress(run.row + run.results.length - 1, run.col)}`;
      run.results.forEach((result, i) => {
        const value = i === 0 ? { formula: 'ROW()*2', shareType: 'shared', ref } : { sharedFormula: master };
        sheet.getCell(run.row + i + 1, run.col + 1).value = {
          ...value,
          result: formulaResultValue(result),
        };
      });
    }
    for (const m of sheetSpec.merges) sheet.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
    const linked = sheetSpec.cells
      .filter((c) => c.linked && c.content.kind !== 'hyperlink')
      .map((c) => cellAddress(c.row, c.col));
    if (linked.length > 0) links.set(sheet.id, linked);
  });
  if (spec.removedSheetAt === spec.sheets.length) workbook.removeWorksheet(workbook.addWorksheet('已删除').id);
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  return links.size === 0 ? bytes : addHyperlinks(bytes, links);
}

type Reader = 'exceljs' | 'sheetjs';

async function exceljsGrids(bytes: Uint8Array): Promise<Grid[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbookGrids(workbook);
}

async function sheetjsGrids(bytes: Uint8Array, fileName = 'book.xlsx'): Promise<Grid[]> {
  return (await loadWorkbook(bytes, { fileName })).grids;
}

async function writeAndRead(spec: WorkbookSpec, reader: Reader = 'exceljs'): Promise<Grid[]> {
  const bytes = await writeWorkbook(spec);
  return reader === 'exceljs' ? exceljsGrids(bytes) : sheetjsGrids(bytes);
}

// ---------------------------------------------------------------------------------------------
// What the reader should return, from what was written.

/** Serial 25569 is 1970-01-01; serial 0 is 1899-12-30 (Excel itself shows serials below 61 one day later: its 1900 leap-year bug). */
const UNIX_EPOCH_SERIAL = 25569;
const DAY_MS = 24 * 60 * 60 * 1000;
const FIRST_DATE_MS = Date.UTC(1899, 11, 30);
/** Excel's last date is 9999-12-31. */
const AFTER_LAST_DATE_MS = Date.UTC(10000, 0, 1);
/** A date-formatted cell whose value exceljs lost (too large for a Date, or a formula's text or error): see dateText in the reader. */
const UNREADABLE_DATE: CellValue = { error: '#VALUE!' };

interface ExpectedCell {
  value: CellValue;
  /** A number written as text: its format is kept. */
  numericText: boolean;
}

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The largest time a JavaScript Date holds: 10⁸ days either side of 1970. */
const MAX_DATE_MS = 8.64e15;

/**
 * The day of a serial number, to the millisecond (as exceljs reads it). Excel shows ######## for one before serial 0
 * or past 9999: that cell is the number, to the 10⁻⁸ day the reader gives back; one too large for a Date is lost.
 */
function dateOfSerial(serial: number): CellValue {
  const time = Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
  if (!(Math.abs(time) <= MAX_DATE_MS)) return UNREADABLE_DATE;
  if (time < FIRST_DATE_MS || time >= AFTER_LAST_DATE_MS) return Number((time / DAY_MS + UNIX_EPOCH_SERIAL).toFixed(8));
  return isoDate(new Date(time));
}

function expectedNumber(value: number, format: Format | undefined): ExpectedCell {
  if (format?.isDate) return { value: dateOfSerial(value), numericText: false };
  // The .xlsx text of -0 is "0".
  return { value: value === 0 ? 0 : value, numericText: false };
}

function expectedFormulaResult(result: FormulaResult | undefined, format: Format | undefined): ExpectedCell {
  if (result === undefined) return { value: null, numericText: false };
  if (typeof result === 'number') return expectedNumber(result, format);
  if (typeof result === 'boolean') return { value: result, numericText: false };
  if (result instanceof Date) return { value: isoDate(result), numericText: false };
  if (format?.isDate) return { value: UNREADABLE_DATE, numericText: false };
  if ('error' in result) return { value: { error: result.error }, numericText: false };
  // An empty cached text is read as no result: blank either way.
  if (result.text === '') return { value: null, numericText: false };
  return { value: result.text, numericText: result.numeric };
}

function expectedCell(content: Content, format: Format | undefined): ExpectedCell {
  switch (content.kind) {
    case 'text':
    case 'rich-text':
    case 'hyperlink':
      return { value: content.text.text, numericText: content.text.numeric };
    case 'number':
      return expectedNumber(content.value, format);
    case 'boolean':
      return { value: content.value, numericText: false };
    case 'date':
      return { value: isoDate(content.value), numericText: false };
    case 'error':
      return { value: { error: content.code }, numericText: false };
    case 'formula':
      return expectedFormulaResult(content.result, format);
    case 'empty':
      return { value: null, numericText: false };
  }
}

interface ExpectedSheet {
  values: Map<string, CellValue>;
  formats: Map<string, string>;
}

function expectedSheet(sheet: SheetSpec): ExpectedSheet {
  const values = new Map<string, CellValue>();
  const formats = new Map<string, string>();
  for (const cell of sheet.cells) {
    const expected = expectedCell(cell.content, cell.format);
    values.set(key(cell), expected.value);
    const keepsFormat =
      typeof expected.value === 'number' || (typeof expected.value === 'string' && expected.numericText);
    if (cell.format && keepsFormat) formats.set(key(cell), cell.format.code);
  }
  if (sheet.sharedRun) {
    sharedRunPositions(sheet.sharedRun).forEach((position, i) => {
      values.set(key(position), expectedFormulaResult(sheet.sharedRun!.results[i], undefined).value);
    });
  }
  for (const merge of sheet.merges) {
    for (const position of positionsOf(merge).slice(1)) {
      values.delete(key(position));
      formats.delete(key(position));
    }
  }
  return { values, formats };
}

// ---------------------------------------------------------------------------------------------
// Checks.

function cellAt(grid: Grid, row: number, col: number): CellValue {
  return grid.cells[row]?.[col] ?? null;
}

/** Every position of the grid read or of the cells written, whichever reaches further. */
function positionsToCompare(grid: Grid, sheet: SheetSpec): Position[] {
  const written: Position[] = [...sheet.cells, ...(sheet.sharedRun ? sharedRunPositions(sheet.sharedRun) : [])];
  const rows = Math.max(grid.cells.length, grid.numberFormats?.length ?? 0, ...written.map((p) => p.row + 1));
  const cols = Math.max(
    0,
    ...grid.cells.map((r) => r.length),
    ...(grid.numberFormats ?? []).map((r) => r.length),
    ...written.map((p) => p.col + 1),
  );
  return positionsOf({ top: 0, left: 0, bottom: rows - 1, right: cols - 1 });
}

/** Rows that are not arrays and cells that are undefined: the grid's rows are dense, every cell a value or null. */
function holesOf(grid: Grid): string[] {
  const holes: string[] = [];
  for (let r = 0; r < grid.cells.length; r++) {
    const row = grid.cells[r];
    if (!Array.isArray(row)) holes.push(`row ${r + 1}`);
    else for (let c = 0; c < row.length; c++) if (row[c] === undefined) holes.push(cellAddress(r, c));
  }
  return holes;
}

function sameCellValue(a: CellValue, b: CellValue): boolean {
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') return a.error === b.error;
  return Object.is(a, b);
}

function sortedRanges(ranges: readonly CellRange[]): CellRange[] {
  return [...ranges].sort((a, b) => a.top - b.top || a.left - b.left || a.bottom - b.bottom || a.right - b.right);
}

function insideGrid(grid: Grid | undefined, a1: string): boolean {
  if (grid === undefined) return false;
  const range = parseRangeAddress(a1);
  const rows = grid.cells.length;
  const cols = Math.max(0, ...grid.cells.map((r) => r.length));
  return range.bottom < Math.max(rows, 1) && range.right < Math.max(cols, 1);
}

/** Whether a finding's cell, and each related cell ("B7", or "'表 一'!B7" on another sheet), lies inside its sheet's grid. */
function findingInside(grids: Grid[], finding: Finding): boolean {
  const gridOf = (sheet: string) => grids.find((g) => g.sheet === sheet);
  if (!insideGrid(gridOf(finding.sheet), finding.cell)) return false;
  return finding.related.every((related) => {
    const bang = related.lastIndexOf('!');
    if (bang < 0) return insideGrid(gridOf(finding.sheet), related);
    const sheet = related.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
    return insideGrid(gridOf(sheet), related.slice(bang + 1));
  });
}

/** Each run writes and reads a workbook of up to three small sheets (about 10 ms); READER_RUNS=2000 for a longer search. */
const RUNS = { numRuns: Number(process.env.READER_RUNS ?? 80) };

// Property runs on a busy 2-core machine take longer than jest's 5 s default.
jest.setTimeout(60_000);

describe('workbookGrids on arbitrary workbooks round-tripped through .xlsx bytes', () => {
  it('never throws, and returns one grid per worksheet, in order, named as the sheet', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (spec) => {
        const grids = await writeAndRead(spec);
        expect(grids.map((g) => g.sheet)).toEqual(spec.sheets.map((s) => s.name));
      }),
      RUNS,
    );
  });

  it('reads every written value at its row and column as the CellValue it stands for, and nothing elsewhere', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (spec) => {
        const grids = await writeAndRead(spec);
        spec.sheets.forEach((sheet, index) => {
          const grid = grids[index]!;
          const expected = expectedSheet(sheet).values;
          expect(holesOf(grid)).toEqual([]);
          const mismatches = positionsToCompare(grid, sheet)
            .map((p) => ({
              cell: cellAddress(p.row, p.col),
              read: cellAt(grid, p.row, p.col),
              written: expected.get(key(p)) ?? null,
            }))
            .filter(({ read, written }) => !sameCellValue(read, written));
          expect(mismatches).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('inside a merged range only the top-left cell holds a value, and the range is listed in merges, 0-based', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (spec) => {
        const grids = await writeAndRead(spec);
        spec.sheets.forEach((sheet, index) => {
          const grid = grids[index]!;
          expect(sortedRanges(grid.merges ?? [])).toEqual(sortedRanges(sheet.merges));
          const written = expectedSheet(sheet).values;
          for (const merge of sheet.merges) {
            const [topLeft, ...covered] = positionsOf(merge);
            expect(cellAt(grid, topLeft!.row, topLeft!.col)).toEqual(written.get(key(topLeft!)) ?? null);
            const filled = covered
              .filter((p) => cellAt(grid, p.row, p.col) !== null)
              .map((p) => cellAddress(p.row, p.col));
            expect(filled).toEqual([]);
          }
        });
      }),
      RUNS,
    );
  });

  it('keeps the number format of numbers and of numbers written as text, and of nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (spec) => {
        const grids = await writeAndRead(spec);
        spec.sheets.forEach((sheet, index) => {
          const grid = grids[index]!;
          const expected = expectedSheet(sheet).formats;
          const mismatches = positionsToCompare(grid, sheet)
            .map((p) => ({
              cell: cellAddress(p.row, p.col),
              read: grid.numberFormats?.[p.row]?.[p.col] ?? undefined,
              written: expected.get(key(p)),
            }))
            .filter(({ read, written }) => read !== written);
          expect(mismatches).toEqual([]);
        });
      }),
      RUNS,
    );
  });

  it('the engine checks what was read: it never throws, its report is valid, and every finding lies inside its grid', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, fc.constantFrom('zh-CN' as const, 'en-US' as const), async (spec, locale) => {
        const grids = await writeAndRead(spec);
        const report = checkGrids(grids, { locale });
        ReportSchema.parse(report);
        expect(report.findings.filter((f) => f.messageId === 'rule-crashed')).toEqual([]);
        const outside = report.findings.filter((f) => !findingInside(grids, f));
        expect(outside.map((f) => ({ rule: f.ruleId, sheet: f.sheet, cell: f.cell, related: f.related }))).toEqual([]);
      }),
      RUNS,
    );
  });
});

/** Each position where two grids of the same sheet differ: value and number format. */
function gridDifferences(
  a: Grid,
  b: Grid,
): { cell: string; a: CellValue; b: CellValue; formatA?: string; formatB?: string }[] {
  const rows = Math.max(a.cells.length, b.cells.length);
  const out: { cell: string; a: CellValue; b: CellValue; formatA?: string; formatB?: string }[] = [];
  for (let r = 0; r < rows; r++) {
    const cols = Math.max(a.cells[r]?.length ?? 0, b.cells[r]?.length ?? 0);
    for (let c = 0; c < cols; c++) {
      const va = cellAt(a, r, c);
      const vb = cellAt(b, r, c);
      const fa = a.numberFormats?.[r]?.[c] ?? undefined;
      const fb = b.numberFormats?.[r]?.[c] ?? undefined;
      if (!sameCellValue(va, vb) || fa !== fb)
        out.push({ cell: cellAddress(r, c), a: va, b: vb, ...(fa !== fb ? { formatA: fa, formatB: fb } : {}) });
    }
  }
  return out;
}

type Difference = ReturnType<typeof gridDifferences>[number];

/** Error codes SheetJS 0.20.3 knows in an .xlsx; it reads the newer ones (#SPILL!, #CALC! …) as an error it cannot name. */
const SHEETJS_ERROR_CODES = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA'];

/**
 * Why the SheetJS reader (b) may read a cell differently from the exceljs reader (a); undefined when it must not.
 * - an error code SheetJS does not know (#SPILL!, #CALC!, #CONNECT! …) is still an error: #VALUE!;
 * - a value exceljs lost under a date format (a formula's text or error result, a number too large for a Date: #VALUE!
 *   from the exceljs reader) is read as what the file holds;
 * - a number under a date format that Excel shows as ######## is read exactly, where exceljs rounded it to 10⁻⁸ day;
 * - a formula's empty text result is "" (a blank to the engine, as null is), where exceljs read no result.
 */
function justification(d: Difference): string | undefined {
  const isError = (v: CellValue): v is { error: string } => v !== null && typeof v === 'object';
  // Its format differs with it: SheetJS keeps the date format beside the text result exceljs turned into an error.
  if (isError(d.a) && d.a.error === '#VALUE!' && typeof d.b === 'string')
    return 'a value exceljs lost under a date format';
  if (d.formatA !== undefined || d.formatB !== undefined) {
    // A format is kept only beside a number: it follows the value's own difference.
    if (!(typeof d.a === 'number') === !(typeof d.b === 'number') && d.formatA !== d.formatB) return undefined;
  }
  if (isError(d.a) && isError(d.b) && !SHEETJS_ERROR_CODES.includes(d.a.error) && d.b.error === '#VALUE!')
    return 'error code SheetJS does not know';
  if (isError(d.a) && d.a.error === '#VALUE!') return 'a value exceljs lost under a date format';
  if (d.a === null && d.b === '') return 'a formula’s empty text result';
  if (typeof d.a === 'number' && typeof d.b === 'number' && Math.abs(d.a - d.b) <= 1e-8 * Math.max(1, Math.abs(d.b)))
    return 'exceljs rounded a date-formatted number to 10⁻⁸ day';
  return undefined;
}

describe('the SheetJS reader against the exceljs reader it replaced', () => {
  it('gives the same grids, but for the differences listed', async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (spec) => {
        const bytes = await writeWorkbook(spec);
        const before = await exceljsGrids(bytes);
        const after = await sheetjsGrids(bytes);
        expect(after.map((g) => g.sheet)).toEqual(before.map((g) => g.sheet));
        before.forEach((grid, i) => {
          expect(sortedRanges(after[i]!.merges ?? [])).toEqual(sortedRanges(grid.merges ?? []));
          expect(gridDifferences(grid, after[i]!).filter((d) => justification(d) === undefined)).toEqual([]);
        });
      }),
      RUNS,
    );
  });
});

/** The workbook as SheetJS saves it in another format: every cell, cached result, number format and merge it read. */
function savedAs(bytes: Uint8Array, bookType: 'xls' | 'ods'): Uint8Array {
  // SheetJS's .ods writer says on the console which formats it approximates; the grids below say what it changed.
  jest.spyOn(console, 'error').mockImplementation(() => undefined);
  const workbook = readWithSheetjs(bytes, { type: 'array', cellNF: true, cellDates: false });
  return new Uint8Array(writeWithSheetjs(workbook, { bookType, type: 'array' }) as ArrayBuffer);
}

/**
 * Why the grid of a workbook saved as .ods by SheetJS may differ from the .xlsx's; undefined when it must not.
 * - SheetJS's .ods writer leaves error values out (the cell is empty);
 * - it writes number formats in OpenDocument's terms, which read back as an equivalent code: a date format stays a
 *   date format (its cell reads as the same date text), a percent stays a percent;
 * - some date formats it cannot write at all ("yyyy-mm-dd": it says "unrecognized character - in ODF format"): the
 *   date then reads as its serial number;
 * - numbers beyond Excel's range, as for .xls;
 * - runs of spaces in a text: OpenDocument spells them as elements (<text:s/>), which SheetJS's writer does not,
 *   so they are lost on writing (a writer's difference: a LibreOffice file spells them out and SheetJS reads them).
 */
function odsJustification(d: Difference): string | undefined {
  const formatKept =
    d.formatA === d.formatB ||
    (d.formatA !== undefined && d.formatB !== undefined && d.formatA.includes('%') === d.formatB.includes('%'));
  const spaced = (text: string) => text.replace(/\s+/g, ' ').trim();
  if (typeof d.a === 'string' && typeof d.b === 'string' && spaced(d.a) === spaced(d.b) && formatKept)
    return 'runs of spaces in a text';
  if (outsideExcel(d.a)) return 'a number beyond Excel’s range';
  if (sameTo15Digits(d.a, d.b)) return 'the same number to Excel’s 15 digits';
  if (typeof d.a === 'string' && typeof d.b === 'number' && /^\d{4}-\d\d-\d\d$/.test(d.a)) {
    const time = Math.round((d.b - UNIX_EPOCH_SERIAL) * DAY_MS);
    if (new Date(time).toISOString().slice(0, 10) === d.a) return 'a date format SheetJS cannot write to .ods';
  }
  const isError = (v: CellValue) => v !== null && typeof v === 'object';
  if (isError(d.a) && d.b === null) return 'SheetJS writes no error value to .ods';
  if (sameCellValue(d.a, d.b) && d.formatA !== undefined && d.formatB !== undefined) {
    if (d.formatA.includes('%') === d.formatB.includes('%')) return 'number format in OpenDocument terms';
  }
  return undefined;
}

/** Excel's largest and smallest numbers: the arbitraries write doubles beyond them, which no spreadsheet holds. */
const EXCEL_MAX_NUMBER = 9.99999999999999e307;
/**
 * Excel's smallest is 2.2251E-308, but SheetJS's BIFF writer loses bits on numbers far above it: tiny numbers (which
 * no budget holds) are left out of the comparison below 1e-100.
 */
const EXCEL_MIN_NUMBER = 1e-100;
const outsideExcel = (v: CellValue) =>
  typeof v === 'number' && (Math.abs(v) > EXCEL_MAX_NUMBER || (v !== 0 && Math.abs(v) < EXCEL_MIN_NUMBER));
/** Excel keeps 15 significant digits: two numbers that agree to them are the same number to it. */
const sameTo15Digits = (a: CellValue, b: CellValue) =>
  typeof a === 'number' && typeof b === 'number' && a.toPrecision(15) === b.toPrecision(15);

/**
 * Why the grid of a workbook saved as .xls by SheetJS may differ from the .xlsx's: a number beyond Excel's range
 * (past 9.99999999999999E+307, or a denormal; no .xls written by Excel holds one) does not survive SheetJS's BIFF
 * writer; a long text is cut by that writer.
 */
function xlsJustification(d: Difference): string | undefined {
  // A real #VALUE! is written and read back; this one stands for an error SheetJS could not name (#BUSY! …, which
  // BIFF has no number for either).
  if (sameCellValue(d.a, { error: '#VALUE!' }) && d.b === null) return 'an error code .xls cannot hold';
  if (outsideExcel(d.a)) return 'a number beyond Excel’s range, which SheetJS’s BIFF writer does not keep';
  if (sameTo15Digits(d.a, d.b) && d.formatA === d.formatB) return 'the same number to Excel’s 15 digits';
  if (typeof d.a === 'string' && typeof d.b === 'string' && d.b.length < d.a.length && d.a.startsWith(d.b))
    return 'SheetJS’s BIFF writer cuts a long text (Excel’s .xls keeps 32,767 characters)';
  return undefined;
}

/** Whether the workbook holds a number no spreadsheet holds (the two writers differ on them; Excel has none). */
function holdsNumberBeyondExcel(spec: WorkbookSpec): boolean {
  const numbers: unknown[] = [];
  for (const sheet of spec.sheets) {
    for (const cell of sheet.cells) {
      if (cell.content.kind === 'number') numbers.push(cell.content.value);
      if (cell.content.kind === 'formula') numbers.push(cell.content.result);
    }
    numbers.push(...(sheet.sharedRun?.results ?? []));
  }
  return numbers.some((n) => typeof n === 'number' && outsideExcel(n));
}

describe('the same workbooks saved as .xls and .ods by SheetJS read back to the same grid', () => {
  it.each(['xls', 'ods'] as const)('.%s', async (bookType) => {
    await fc.assert(
      fc.asyncProperty(workbookArb, async (spec) => {
        fc.pre(!holdsNumberBeyondExcel(spec));
        const bytes = await writeWorkbook(spec);
        const fromXlsx = await sheetjsGrids(bytes);
        const fromOther = await sheetjsGrids(savedAs(bytes, bookType), `book.${bookType}`);
        expect(fromOther.map((g) => g.sheet)).toEqual(fromXlsx.map((g) => g.sheet));
        fromXlsx.forEach((grid, i) => {
          // SheetJS's .ods writer writes a merge on the cell that holds its value: a merge of empty cells is lost.
          // (An error value is not written to .ods either, so neither is a merge on one.)
          const merges = (grid.merges ?? []).filter((m) => {
            const topLeft = cellAt(grid, m.top, m.left);
            return bookType === 'xls' || (topLeft !== null && typeof topLeft !== 'object');
          });
          expect(sortedRanges(fromOther[i]!.merges ?? [])).toEqual(sortedRanges(merges));
          const differences = gridDifferences(grid, fromOther[i]!);
          const justify = bookType === 'ods' ? odsJustification : xlsJustification;
          expect(differences.filter((d) => justify(d) === undefined)).toEqual([]);
        });
      }),
      RUNS,
    );
  });
});
