/**
 * The custom functions as Excel calls them: arguments as Excel passes them (empty cells as ""),
 * invocation objects carrying the real parameter address, Office's display language; on ranges
 * taken from the example workbooks.
 */
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import { parseRangeAddress } from '../src/validation/address';
import type { Grid } from '../src/validation';
import { roundTrip, tempDir } from './helpers';

class FakeCustomFunctionsError extends Error {
  constructor(
    readonly code: string,
    message?: string,
  ) {
    super(message);
  }
}
const officeContext = { displayLanguage: 'zh-CN' };
Object.assign(globalThis, {
  CustomFunctions: { Error: FakeCustomFunctionsError, ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' } },
  Office: { context: officeContext },
});

const functions = require('../src/functions/functions') as typeof import('../src/functions/functions');

const grids = new Map<string, Grid>();
beforeAll(async () => {
  const dir = tempDir();
  for (const spec of EXAMPLE_WORKBOOKS) for (const grid of await roundTrip(spec, dir)) grids.set(grid.sheet, grid);
});

/** The values of a range as Excel hands them to a custom function: a rectangle, "" for empty cells. */
function rangeValues(sheet: string, a1: string): unknown[][] {
  const grid = grids.get(sheet)!;
  const range = parseRangeAddress(a1);
  const rows: unknown[][] = [];
  for (let r = range.top; r <= range.bottom; r++) {
    const row: unknown[] = [];
    for (let c = range.left; c <= range.right; c++) {
      const value = grid.cells[r]?.[c];
      row.push(value === null || value === undefined ? '' : typeof value === 'object' ? value.error : value);
    }
    rows.push(row);
  }
  return rows;
}

const invocation = (address: string) => ({ parameterAddresses: [address] }) as unknown as CustomFunctions.Invocation;

function expectRectangular(rows: unknown[][]): void {
  const width = rows[0]!.length;
  for (const row of rows) expect(row).toHaveLength(width);
}

beforeEach(() => {
  officeContext.displayLanguage = 'zh-CN';
});

describe('BUDGET.CHECK / 预算.检查表格', () => {
  const sheet = '项目支出绩效目标申报表';
  const address = `${sheet}!B4:M62`;

  test('spills 级别 | 单元格 | 规则 | 说明 with the real sheet addresses of the range', async () => {
    const rows = await functions.check(rangeValues(sheet, 'B4:M62'), null, invocation(address));
    expectRectangular(rows);
    expect(rows[0]).toEqual(['级别', '单元格', '规则', '说明']);
    const weight = rows.filter((r) => r[2] === 'weight/sum');
    expect(weight.map((r) => [r[0], r[1]])).toEqual([
      ['错误', 'L14'],
      ['错误', 'L30'],
      ['错误', 'L37'],
    ]);
    expect(weight[1]![3]).toContain('权重合计为 110');
    expect(rows.map((r) => r[1])).toContain('G34'); // the shifted row, as structure/shifted-row
  });

  test('in English when Office’s display language is English', async () => {
    officeContext.displayLanguage = 'en-US';
    const rows = await functions.check(rangeValues(sheet, 'B4:M62'), null, invocation(address));
    expect(rows[0]).toEqual(['Severity', 'Cell', 'Rule', 'Message']);
    expect(rows.find((r) => r[1] === 'L37')).toEqual([
      'error',
      'L37',
      'weight/sum',
      expect.stringMatching(/add up to 70; expected 100 or 90/),
    ]);
  });

  test('a range that does not start at A1, on a form table: cells shift with the range', async () => {
    const rows = await functions.check(
      rangeValues('项目支出绩效目标表', 'A1:I20'),
      null,
      invocation('项目支出绩效目标表!A1:I20'),
    );
    expect(rows.filter((r) => r[1] === 'G12').map((r) => r[2])).toEqual(['direction/cost-comparator']);
    const shifted = await functions.check(
      rangeValues('项目支出绩效目标表', 'B11:I20'),
      null,
      invocation('项目支出绩效目标表!B11:I20'),
    );
    expect(shifted.filter((r) => r[1] === 'G12').map((r) => r[2])).toEqual(['direction/cost-comparator']);
  });

  test('options pick the profile or a JSON config', async () => {
    const national = await functions.check(rangeValues(sheet, 'B4:M62'), null, invocation(address));
    const legacy = await functions.check(rangeValues(sheet, 'B4:M62'), 'legacy', invocation(address));
    expect(national.some((r) => r[2] === 'structure/required-levels')).toBe(true);
    expect(legacy.some((r) => r[2] === 'structure/required-levels')).toBe(false);
    const quiet = await functions.check(
      rangeValues(sheet, 'B4:M62'),
      JSON.stringify({ rules: { 'weight/sum': 'off' } }),
      invocation(address),
    );
    expect(quiet.some((r) => r[2] === 'weight/sum')).toBe(false);
    await expect(functions.check([['x']], 'nonsense', invocation('Sheet1!A1'))).rejects.toThrow(
      FakeCustomFunctionsError,
    );
  });

  test('a correct table gives one ✓ cell; a quoted sheet name is understood', async () => {
    const ok = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', '', 300, 200, 100],
      ['201', '一般公共服务支出', 300, 200, 100],
    ];
    expect(await functions.check(ok, null, invocation("'My Sheet'!C3:G5"))).toEqual([['✓ 无问题']]);
    officeContext.displayLanguage = 'en-US';
    expect(await functions.check(ok, null, invocation("'My Sheet'!C3:G5"))).toEqual([['✓ OK']]);
    ok[2]![4] = 90;
    const rows = await functions.check(ok, null, invocation("'My Sheet'!C3:G5"));
    expect(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
    ).toEqual(['E5', 'G4']);
  });

  test('whole-row and whole-column references, non-text options, and unexpected failures as explained #VALUE!', async () => {
    const ok = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', '', 300, 200, 90],
      ['201', 'x', 290, 200, 90],
    ];
    expect((await functions.check(ok, null, invocation('Sheet1!3:5'))).slice(1).map((r) => r[1])).toEqual(['C4', 'C4']);
    expect((await functions.check(ok, null, invocation('Sheet1!C:G'))).slice(1).map((r) => r[1])).toEqual(['E2', 'E2']);
    await expect(functions.check(ok, true, invocation('Sheet1!A1'))).rejects.toThrow(FakeCustomFunctionsError);
    try {
      await functions.check(ok, null, invocation('not an address!'));
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(FakeCustomFunctionsError);
      expect((error as Error).message).toMatch(/^检查失败 \(check failed\): /);
    }
  });

  test('a range past the limit is a #VALUE! saying to use the task pane, not a hang', async () => {
    const big = Array.from({ length: 400 }, () => Array.from({ length: 300 }, () => ''));
    try {
      await functions.check(big, null, invocation('Sheet1!A1:KN400'));
      throw new Error('expected an error');
    } catch (error) {
      expect(error).toBeInstanceOf(FakeCustomFunctionsError);
      expect((error as FakeCustomFunctionsError).code).toBe('#VALUE!');
      expect((error as Error).message).toContain('任务窗格');
    }
  });
});

test('inside Excel the range’s number formats are read, so "95%" typed in a cell (0.95 shown as a percentage) is 95 %', async () => {
  const table = [
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '计量单位', '权重'],
    ['产出指标', '数量指标', '培训人数', '≥', 200, '人次', 40],
    ['成本指标', '经济成本指标', '人均成本', '≤', 500, '元/人', 20],
    ['效益指标', '社会效益指标', '技能提升', '定性', '显著', '', 20],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '≥', 0.95, '', 20],
  ];
  const withoutFormats = await functions.check(table, null, invocation('培训!A1:G5'));
  expect(withoutFormats.map((r) => r[2])).toContain('value/satisfaction-floor');
  const requested: string[] = [];
  (globalThis as unknown as { Excel: unknown }).Excel = {
    run: async (callback: (context: unknown) => Promise<unknown>) =>
      callback({
        workbook: {
          worksheets: {
            getItem: (sheet: string) => ({
              getRange: (range: string) => {
                requested.push(`${sheet}!${range}`);
                return {
                  numberFormat: table.map((row, r) => row.map((_, c) => (r === 4 && c === 4 ? '0%' : 'General'))),
                  load() {},
                };
              },
            }),
          },
        },
        sync: () => Promise.resolve(),
      }),
  };
  try {
    const rows = await functions.check(table, null, invocation('培训!A1:G5'));
    expect(requested).toEqual(['培训!A1:G5']);
    expect(rows).toEqual([['✓ 无问题']]);
  } finally {
    delete (globalThis as unknown as { Excel?: unknown }).Excel;
  }
});

describe('BUDGET.WEIGHTS / 预算.权重核对', () => {
  test('one row per project: name, total, status', async () => {
    const rows = await functions.weights(
      rangeValues('项目支出绩效目标申报表', 'B4:M62'),
      invocation('项目支出绩效目标申报表!B4:M62'),
    );
    expectRectangular(rows);
    expect(rows[0]).toEqual(['项目', '权重合计', '状态']);
    expect(rows.slice(1).map((r) => r[1])).toEqual([90, 91, 90, 90, 110, 70, 90, 90, 90, 90]);
    expect(rows[1]![2]).toBe('✓ 正确');
    expect(rows[2]![2]).toMatch(/^✗ .*91/);
  });
});

describe('BUDGET.PARSE / 预算.解析指标值', () => {
  test.each([
    ['≥30万件', ['≥', 30, '万件', '定量']],
    ['＞＝９８％', ['≥', 98, '%', '定量']],
    ['天', ['', '', '天', '缺少数值']],
    ['优', ['', '', '', '定性']],
    ['天2', ['', '', '', '无法识别']],
  ])('%s', (text, row) => {
    expect(functions.parse(text)).toEqual([row]);
  });

  test('in English', () => {
    officeContext.displayLanguage = 'en-GB';
    expect(functions.parse('≤15万元')).toEqual([['≤', 15, '万元', 'quantitative']]);
  });
});

describe('BUDGET.SUMCHECK / 预算.合计核对', () => {
  test('the exact decimal difference, 0 when it adds up', () => {
    expect(0.1 + 0.2 - 0.3).not.toBe(0);
    expect(functions.sumcheck(0.3, [[0.1]], [[0.2]])).toBe(0);
    expect(functions.sumcheck(500.75, [[418.06], [49.81], [12.43], [20.44]])).toBe(0.01);
    expect(functions.sumcheck(299.3, [[240.79, 58.5]])).toBe(0.01);
    expect(functions.sumcheck(100, [['60', '', '1,000']])).toBe(-960);
  });
});
