/**
 * What the custom functions return, computed from the engine: no checking logic here, only the
 * translation between Excel's arguments / results and the engine's grid / report.
 */
import Decimal from 'decimal.js';
import { appendOfficeRows, padRows, type OfficeGrid } from '../xlsx/office-values';
import {
  checkGrids,
  type Report,
  parseCellAddress,
  qualifiedAddress,
  splitSheetRef,
  SEVERITY_LABELS,
  parseNumberText,
  PROFILE_IDS,
  parseConfig,
  parseIndicatorValue,
  type ConfigInput,
  type Locale,
  type Grid,
} from '../validation';

/** Excel passes at most about 5 MB to a custom function; past this the task pane is the tool. */
export const MAX_CELLS = 100_000;
/** Excel's limit for the text in one cell. */
export const MAX_CELL_TEXT = 32_767;

export class RangeTooLargeError extends Error {
  constructor(
    readonly cells: number,
    locale: Locale,
  ) {
    super(
      locale === 'zh-CN'
        ? `区域有 ${cells} 个单元格，超过函数上限 ${MAX_CELLS}，请使用“预算绩效表检查”任务窗格检查整张表`
        : `The range has ${cells} cells, more than the ${MAX_CELLS} a function takes: check it from the Budget Check task pane`,
    );
  }
}

export class BadOptionsError extends Error {}

/** "Sheet1!A1:F20", "'My Sheet'!B3" → sheet name and top-left cell. */
export function parseParameterAddress(address: string | undefined): { sheet: string; row: number; col: number } {
  if (!address) return { sheet: 'Sheet1', row: 0, col: 0 };
  const { sheet = 'Sheet1', ref } = splitSheetRef(address);
  const start = ref.split(':')[0]!.replace(/\$/g, '');
  // Whole rows ("3:5") and whole columns ("A:L") are references too.
  if (/^\d+$/.test(start)) return { sheet, row: Number(start) - 1, col: 0 };
  if (/^[A-Za-z]{1,3}$/.test(start)) return { sheet, row: 0, col: parseCellAddress(`${start}1`).col };
  const { row, col } = parseCellAddress(start);
  return { sheet, row, col };
}

/** The range's values as a grid placed where they are on the sheet, so findings carry real addresses. */
export function gridFromRange(
  values: unknown[][],
  address: string | undefined,
  formats?: readonly (readonly string[])[],
): Grid {
  const origin = parseParameterAddress(address);
  const grid: OfficeGrid = { sheet: origin.sheet, cells: [], numberFormats: [] };
  padRows(grid, origin.row);
  appendOfficeRows(grid, origin.col, values, formats);
  return formats ? grid : { sheet: grid.sheet, cells: grid.cells };
}

export function cellCount(values: unknown[][]): number {
  let count = 0;
  for (const row of values) count += row.length;
  return count;
}

/** A cell's value as text: Excel hands a function a string, number or boolean, or nothing for a blank. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return '';
}

/** options: a profile name ("legacy"), or a JSON config ({"rules":{"sum/rounding":"off"}}). */
export function configFromOptions(options: unknown): ConfigInput {
  const text = scalarText(options).trim();
  if (text === '') return {};
  if ((PROFILE_IDS as readonly string[]).includes(text)) return { profile: text as ConfigInput['profile'] };
  try {
    const config = JSON.parse(text) as ConfigInput;
    parseConfig(config);
    return config;
  } catch {
    throw new BadOptionsError(
      `选项应为 ${PROFILE_IDS.join('、')} 或 JSON 配置 (options must be one of ${PROFILE_IDS.join(', ')} or a JSON config)`,
    );
  }
}

function runEngine(
  values: unknown[][],
  address: string | undefined,
  options: unknown,
  locale: Locale,
  formats?: readonly (readonly string[])[],
): { report: Report; sheet: string } {
  const cells = cellCount(values);
  if (cells > MAX_CELLS) throw new RangeTooLargeError(cells, locale);
  const grid = gridFromRange(values, address, formats);
  return { report: checkGrids([grid], { config: configFromOptions(options), locale }), sheet: grid.sheet };
}

const HEADERS: Record<Locale, string[]> = {
  'zh-CN': ['级别', '单元格', '规则', '说明'],
  'en-US': ['Severity', 'Cell', 'Rule', 'Message'],
};

/** BUDGET.CHECK: 级别 | 单元格 | 规则 | 说明, one row per finding; or one "✓" cell. */
export function checkRange(
  values: unknown[][],
  address: string | undefined,
  options: unknown,
  locale: Locale,
  formats?: readonly (readonly string[])[],
): string[][] {
  const { report, sheet } = runEngine(values, address, options, locale, formats);
  if (report.findings.length === 0) return [[locale === 'zh-CN' ? '✓ 无问题' : '✓ OK']];
  const rows = report.findings.map((f) => [
    SEVERITY_LABELS[locale][f.severity],
    f.sheet === sheet ? f.cell : qualifiedAddress(f.sheet, f.cell),
    f.ruleId,
    f.message.slice(0, MAX_CELL_TEXT),
  ]);
  return [HEADERS[locale], ...rows];
}

/** BUDGET.WEIGHTS: 项目 | 权重合计 | 状态, one row per project with weights. */
export function weightsOfRange(
  values: unknown[][],
  address: string | undefined,
  locale: Locale,
  formats?: readonly (readonly string[])[],
): (string | number)[][] {
  const { report } = runEngine(values, address, null, locale, formats);
  const header = locale === 'zh-CN' ? ['项目', '权重合计', '状态'] : ['Project', 'Weight total', 'Status'];
  const rows: (string | number)[][] = [];
  for (const table of report.tables) {
    for (const project of table.projects ?? []) {
      if (project.weightTotal === undefined) continue;
      const problems = report.findings.filter(
        (f) =>
          f.ruleId.startsWith('weight/') &&
          f.tableId === table.id &&
          // Messages quote names without the line breaks of a wrapped cell.
          (project.name === undefined ||
            String(f.data.project).replace(/\s+/g, '') === project.name.replace(/\s+/g, '')),
      );
      const status =
        problems.length === 0
          ? locale === 'zh-CN'
            ? '✓ 正确'
            : '✓ OK'
          : `✗ ${problems.map((p) => p.message).join('；')}`.slice(0, MAX_CELL_TEXT);
      rows.push([project.name ?? '', Number(project.weightTotal), status]);
    }
  }
  if (rows.length === 0)
    return [[locale === 'zh-CN' ? '未找到带权重的指标表' : 'No indicator table with weights found']];
  return [header, ...rows];
}

const KIND: Record<Locale, Record<string, string>> = {
  'zh-CN': {
    quantitative: '定量',
    'missing-number': '缺少数值',
    qualitative: '定性',
    date: '时限',
    reference: '参照值',
    range: '区间',
    empty: '空',
    unparseable: '无法识别',
  },
  'en-US': {
    quantitative: 'quantitative',
    'missing-number': 'no number',
    qualitative: 'qualitative',
    date: 'deadline',
    reference: 'reference',
    range: 'range',
    empty: 'empty',
    unparseable: 'unparseable',
  },
};

/** BUDGET.PARSE: comparator | number | unit | kind for one 指标值. */
export function parseValueText(text: unknown, locale: Locale): (string | number)[][] {
  const parsed = parseIndicatorValue({ value: scalarText(text) });
  return [
    [
      parsed.comparator ?? '',
      parsed.number ? parsed.number.toNumber() : '',
      parsed.unit ?? '',
      KIND[locale][parsed.kind] ?? parsed.kind,
    ],
  ];
}

/** BUDGET.SUMCHECK: total − Σ parts, exactly (decimal, not binary floating point); 0 when it adds up. */
export function sumCheck(total: unknown, parts: unknown[][][]): number {
  let sum = new Decimal(0);
  for (const part of parts) for (const row of part) for (const value of row) sum = sum.plus(toDecimal(value));
  return toDecimal(total).minus(sum).toNumber();
}

/** Numbers, numbers stored as text ("1,234.50", "５８２．０３"); anything else (blank, words) counts as 0, as in SUM. */
function toDecimal(value: unknown): Decimal {
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value.toPrecision(15));
  if (typeof value === 'string') return parseNumberText(value) ?? new Decimal(0);
  return new Decimal(0);
}
