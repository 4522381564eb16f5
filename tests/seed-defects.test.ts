/**
 * Every real defect of the seed documents (domain.md §5) is still found on the bundled examples/*.xlsx, read the way
 * the CLI reads them: one test per defect, named after it, with the rule and the cell. The correct ties of §5 are
 * listed too: they must raise no sum finding. (tests/examples*.test.ts assert exact lists on the same workbooks built
 * from their transcriptions; this file is the list of §5 itself.)
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { checkGrids, recognizeWorkbook, type Grid, type Report } from '../src/validation';
import { withFolded } from './helpers';

const EXAMPLES = join(__dirname, '..', 'examples');
const seeds = new Map<string, { grids: Grid[]; report: Report }>();

beforeAll(async () => {
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.xlsx'))) {
    const grids = await readWorkbookGrids(join(EXAMPLES, file));
    seeds.set(file.slice(0, 3), { grids, report: checkGrids(grids) });
  }
});

/** "ruleId sheet!cell messageId" of every finding of the seed, shown or folded into the finding of its cause. */
function found(seed: string): string[] {
  const report = seeds.get(seed)!.report;
  return withFolded(report).map((f) => `${f.ruleId} ${f.sheet}!${f.cell} ${f.messageId}`);
}

const each = (rule: string, sheet: string, cells: string, messageId: string) =>
  cells.split(' ').map((cell) => `${rule} ${sheet}!${cell} ${messageId}`);

const GENERAL = '一般性项目绩效目标表';
const PROJECTS = '项目支出绩效目标表';
const FLAT = '项目支出绩效目标申报表';
const DEPARTMENT = '部门整体支出绩效目标表';

test('the four seed workbooks are bundled', () => {
  expect([...seeds.keys()].sort()).toEqual(['000', '002', '003', '004']);
});

describe('004 重庆石柱: budget tables', () => {
  test.each([
    ['本年收入 471.53 + 上年结转 29.21 = 500.74 ≠ 收入合计 500.75', ['sum/rounding 财政拨款收支总表!B14 rounding']],
    [
      '功能分类 类 rows sum to 500.74 ≠ 合计 500.75',
      [
        'sum/rounding 一般公共预算支出表!C6 rounding',
        'sum/rounding 部门支出总表!C4 rounding',
        'sum/rounding 部门收支总表!D6 rounding',
        'sum/rounding 财政拨款收支总表!D5 rounding',
      ],
    ],
    [
      '基本支出 column 299.29 ≠ 299.30',
      ['sum/rounding 一般公共预算支出表!D6 rounding', 'sum/rounding 部门支出总表!D4 rounding'],
    ],
    ['人员经费 240.79 + 公用经费 58.50 = 299.29 ≠ 299.30', ['sum/rounding 基本支出表!C6 rounding']],
    [
      '工资福利 款 rows sum to 240.80 ≠ 240.79',
      ['sum/rounding 基本支出表!C7 rounding', 'sum/rounding 基本支出表!D7 rounding'],
    ],
  ])('%s', (_defect, expected) => {
    expect(found('004')).toEqual(expect.arrayContaining(expected));
  });

  test('人员经费 240.79 + 公用经费 58.50 is the row identity of 合计 (D6 + E6), apart from the 类 sum at the same cell', () => {
    // One residue, one finding: the row identity at C6 is shown, the 类 sum at C6 and the 款 sums at C7, D7 are
    // folded into it, their cells among its related ones.
    const row = seeds
      .get('004')!
      .report.findings.filter((f) => f.ruleId === 'sum/rounding' && f.sheet === '基本支出表');
    expect(row).toHaveLength(1);
    expect(row[0]!.cell).toBe('C6');
    expect(row[0]!.related.slice(0, 2)).toEqual(['D6', 'E6']);
    expect(row[0]!.related).toEqual(expect.arrayContaining(['C7', 'D7', 'C8:C16']));
    expect(row[0]!.folded!.map((f) => f.cell)).toEqual(['C6', 'C7', 'D7']);
  });

  test('the seven 项目支出 tables sum to 172.24 = 2010306 政务公开审批: a correct tie, no sum finding', () => {
    const report = seeds.get('004')!.report;
    expect(report.findings.filter((f) => f.ruleId === 'sum/projects-total')).toEqual([]);
    expect(report.findings.filter((f) => f.sheet === PROJECTS && f.ruleId.startsWith('sum/'))).toEqual([]);
    expect(report.tables.filter((t) => t.sheet === PROJECTS && t.kind === 'indicators')).toHaveLength(7);
  });
});

describe('004 重庆石柱: indicator tables', () => {
  test.each([
    ['满意度 “≥ 665 %”', ['value/rate-range 一般性项目绩效目标表!F38 out-of-range']],
    ['满意度 “≥ 380 %”', each('value/rate-range', GENERAL, 'F100 F142', 'out-of-range')],
    ['合格率 “= 200 %”', each('value/rate-range', GENERAL, 'F31 F32', 'out-of-range')],
    ['清洁度保持率 “≥ 190 %”', ['value/rate-range 一般性项目绩效目标表!F39 out-of-range']],
    ['聘用人员工资 “≥ 190 %”', ['value/rate-range 一般性项目绩效目标表!F35 out-of-range']],
    [
      'in the seven 项目支出 tables every 指标值 equals its 指标权重 (values copied from the weight column)',
      each('value/copied-weight', PROJECTS, 'H12 H33 H54 H74 H94 H114 H134', 'copied'),
    ],
    ['“网络维护费 ≥ 10 万元” (cost with ≥)', each('direction/cost-comparator', PROJECTS, 'G12 G41', 'greater-than')],
    ['“设备成本 ≥ … 万元/年” (cost with ≥)', ['direction/cost-comparator 项目支出绩效目标表!G142 greater-than']],
    ['“邮寄成本 … 套” (a cost in a non-money unit)', ['unit/cost-unit 项目支出绩效目标表!F121 not-money']],
    ['“网络接入数量 %” (a count in %)', ['unit/count-percent 项目支出绩效目标表!F94 percent']],
    [
      '“项目总成本 ≤ 614.06” against a 当年预算 of 531.40 (cost above budget)',
      ['direction/cost-over-budget 一般性项目绩效目标表!F91 above'],
    ],
    ['“项目成本 ≤ 8” against 6.00 (cost above budget)', ['direction/cost-over-budget 一般性项目绩效目标表!F122 above']],
    [
      '“年租赁单价 ≤ 167.24 万元/平方米” (one square metre above the whole budget)',
      ['direction/cost-over-budget 一般性项目绩效目标表!F157 unit-price'],
    ],
    [
      'rows with a weight but no indicator name',
      each('structure/nameless', GENERAL, 'B28 B32 B34 B42 B45 B158 B164', 'nameless'),
    ],
  ])('%s', (_defect, expected) => {
    expect(found('004')).toEqual(expect.arrayContaining(expected));
  });
});

describe('003 四川平武: flat list', () => {
  test('三级 weights per project: 政务网维护经费（邮电费） 91, 综合管理 110, 外事工作 70; the 90s pass', () => {
    const weights = seeds.get('003')!.report.findings.filter((f) => f.ruleId === 'weight/sum');
    expect(weights.map((f) => `${f.sheet}!${f.cell} ${f.data.actual}`)).toEqual([
      `${FLAT}!L14 91`,
      `${FLAT}!L30 110`,
      `${FLAT}!L37 70`,
    ]);
  });

  test('rows shifted one column (一级 text in the 项目名称 column, 产出指标 in the 二级 column)', () => {
    expect(found('003')).toEqual(
      expect.arrayContaining([
        ...each('structure/shifted-row', FLAT, 'G34', 'right'),
        ...each('structure/shifted-row', FLAT, 'C38 C39 C40 C42 C43 C44', 'left'),
      ]),
    );
  });

  test('“财政负担成本 = 40000 人/年” (a cost in a non-money unit)', () => {
    expect(found('003')).toContain('unit/cost-unit 项目支出绩效目标申报表!K58 not-money');
  });

  test('department total 97.20 = Σ its ten projects: a correct tie, no sum finding', () => {
    expect(found('003').filter((f) => f.startsWith('sum/'))).toEqual([]);
    const table = recognizeWorkbook(seeds.get('003')!.grids).tables.find((t) => t.kind === 'indicators');
    expect(
      table?.kind === 'indicators' && table.units.map((u) => [u.total.value.toFixed(2), u.projectIndices.length]),
    ).toEqual([['97.20', 10]]);
  });
});

describe('000 湖南双牌: forms', () => {
  test('指标值 with a unit but no number (“天”, “%”, “万元”)', () => {
    const noNumber = (sheet: string, rows: number[]) => rows.map((r) => `value/incomplete ${sheet}!E${r} no-number`);
    expect(found('000')).toEqual(
      expect.arrayContaining([
        ...noNumber(DEPARTMENT, [14, 18, 20, 22, 24, 28, 30]),
        ...noNumber(PROJECTS, [9, 11, 13, 15, 17, 19, 23, 25, 37, 39, 41, 43, 45, 47, 51, 53]),
        ...noNumber('项目绩效目标表', [18, 20, 22, 24, 26, 28, 32, 34, 57, 59, 61, 63, 65, 67, 71, 73]),
      ]),
    );
  });

  test('“天2”', () => {
    expect(found('000')).toContain('value/incomplete 部门整体支出绩效目标表!E16 unparseable');
  });

  test('时效指标 “预算范围内 万元” (三级 under the wrong 二级)', () => {
    expect(found('000')).toContain('structure/misplaced-name 部门整体支出绩效目标表!D20 cost-under-time');
  });

  test('成本指标 “信息公开及时、准确 次” (三级 under the wrong 二级)', () => {
    expect(found('000')).toContain('structure/misplaced-name 部门整体支出绩效目标表!D18 time-under-cost');
  });

  test('a 2023 table whose 年度目标 says “2022年…”', () => {
    expect(found('000')).toContain('text/year 项目绩效目标表!D55 other-year');
  });

  test('“20232年1月”', () => {
    expect(found('000')).toContain('text/year 项目绩效目标表!D52 malformed');
  });

  test('资金总额 582.03 = 223.56 + 358.47 = Σ projects 232.03 + 126.44: correct, no sum finding', () => {
    expect(found('000').filter((f) => f.startsWith('sum/'))).toEqual([]);
    const projects = seeds.get('000')!.report.tables.flatMap((t) => t.projects ?? []);
    expect(projects.map((p) => p.budget)).toEqual(expect.arrayContaining(['582.03', '232.03', '126.44']));
  });
});

describe('002 湖南沅江: forms', () => {
  test('864.3 = 367.6 + 496.7: correct, no sum/form-split finding', () => {
    expect(found('002').filter((f) => f.startsWith('sum/form-split'))).toEqual([]);
    expect(
      seeds
        .get('002')!
        .report.tables.flatMap((t) => t.projects ?? [])
        .map((p) => p.budget),
    ).toContain('864.30');
  });

  test('the listed project tables sum to 395 ≠ 项目支出 496.7', () => {
    const finding = seeds.get('002')!.report.findings.find((f) => f.ruleId === 'sum/projects-total');
    expect(finding && `${finding.sheet}!${finding.cell} ${finding.data.sum} ${finding.data.total}`).toBe(
      `${DEPARTMENT}!D8 395.00 496.70`,
    );
  });

  test('“日常运营维护费用 ≥10%” under 成本指标 (cost with ≥)', () => {
    expect(found('002')).toContain('direction/cost-comparator 项目支出绩效目标表!E32 greater-than');
  });

  test('“降低工作人员停车成本 ≤15%” under 经济效益 is fine: nothing on its row', () => {
    const grid = seeds.get('002')!.grids.find((g) => g.sheet === PROJECTS)!;
    const row = grid.cells.findIndex((cells) => cells.some((v) => typeof v === 'string' && v.includes('停车成本')));
    expect(row).toBeGreaterThan(0);
    const onRow = seeds
      .get('002')!
      .report.findings.filter((f) => f.sheet === PROJECTS && f.cell.replace(/^[A-Z]+/, '') === String(row + 1));
    expect(onRow).toEqual([]);
  });

  test('“≥98” 满意度 with no unit', () => {
    expect(found('002')).toContain('unit/missing 项目支出绩效目标表!E15 missing');
  });
});
