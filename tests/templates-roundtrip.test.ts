/**
 * Templates filled by the test with one project (or table) from each seed, written, read back and
 * checked: no error. Then one planted defect per rule family, found at the cell where it was planted.
 * Formula cells get the result Excel would calculate (exceljs writes formulas without results).
 */
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { readWorkbookGrids } from '../src/cli/read-xlsx';
import { renderPlan } from '../src/cli/template';
import { buildPlan } from '../src/templates/build';
import { templateById } from '../src/templates/definitions';
import { checkGrids, type Report } from '../src/validation';
import { tempDir, where } from './helpers';

const dir = tempDir();
let counter = 0;

function templateSheet(id: string): { workbook: ExcelJS.Workbook; sheet: ExcelJS.Worksheet } {
  const workbook = new ExcelJS.Workbook();
  return { workbook, sheet: renderPlan(workbook, buildPlan(templateById(id)!)) };
}

async function check(workbook: ExcelJS.Workbook, config = {}): Promise<Report> {
  const file = join(dir, `filled-${counter++}.xlsx`);
  await workbook.xlsx.writeFile(file);
  return checkGrids(await readWorkbookGrids(file), { config });
}

const rowOf = (sheet: ExcelJS.Worksheet, label: string) => sheet.getColumn(1).values.findIndex((v) => v === label);
const formulaOf = (cell: ExcelJS.Cell) => (cell.value as ExcelJS.CellFormulaValue).formula;
/** Sets the result Excel would show for a formula cell, keeping the formula. */
const calculated = (cell: ExcelJS.Cell, result: number | string) =>
  (cell.value = { formula: formulaOf(cell), result } as ExcelJS.CellFormulaValue);
const errors = (report: Report) => where(report.findings.filter((f) => f.severity === 'error'));

type Indicator = [string, string, string, string, number | string, string, number, string];

/** Fills an indicator-form template: form values by label, then indicators into the rows whose 二级 matches. */
function fillIndicatorForm(
  sheet: ExcelJS.Worksheet,
  form: Record<string, string | number>,
  indicators: Indicator[],
  title: string,
): Map<string, number> {
  sheet.getCell('A1').value = title;
  for (const [label, value] of Object.entries(form)) {
    const row = rowOf(sheet, label);
    const cell = sheet.getCell(`B${row}`);
    if (cell.formula) calculated(cell, value);
    else cell.value = value;
  }
  const header = rowOf(sheet, '一级指标');
  const total = rowOf(sheet, '权重合计');
  const used = new Set<number>();
  const rows = new Map<string, number>();
  for (const [level1, level2, name, comparator, value, unit, weight, direction] of indicators) {
    let row = header + 1;
    while (
      row < total &&
      (used.has(row) || (sheet.getCell(`B${row}`).value !== level2 && sheet.getCell(`B${row}`).value !== null))
    )
      row++;
    used.add(row);
    rows.set(name, row);
    sheet.getRow(row).values = [level1, level2, name, comparator, value, unit, weight, direction];
  }
  const sum = indicators.reduce((s, i) => s + i[6], 0);
  calculated(sheet.getCell(`G${total}`), sum);
  return rows;
}

// 002 (湖南沅江): 业务培训费, 20 万元; weights added (the seed has none), 90 + 预算执行率 10.
const TRAINING: Indicator[] = [
  ['产出指标', '数量指标', '培训人次', '≥', 260, '人次', 20, '正向指标'],
  ['产出指标', '质量指标', '培训对象覆盖率', '≥', 99, '%', 10, '正向指标'],
  ['产出指标', '时效指标', '培训完成及时性', '≥', 75, '%', 10, '正向指标'],
  ['成本指标', '经济成本指标', '业务培训费用', '≤', 15, '万元', 10, '反向指标'],
  ['效益指标', '经济效益指标', '提高行政职能运行率', '≥', 30, '%', 10, '正向指标'],
  ['效益指标', '社会效益指标', '对单位人才梯队建设的影响或提升程度', '≥', 90, '%', 20, '正向指标'],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 98, '%', 10, '正向指标'],
];
const TRAINING_FORM = {
  项目名称: '业务培训费',
  主管部门: '沅江市行政审批服务局',
  实施单位: '行政审批服务局',
  '年度资金总额（万元）': 20,
  '其中：财政拨款（万元）': 20,
  '其他资金（万元）': 0,
  年度绩效目标: '2023年确保大厅工作人员能够为群众带来更好的办事体验',
};

describe('filled with a project from each seed: no error', () => {
  test('project-2021 ← 002 业务培训费', async () => {
    const { workbook, sheet } = templateSheet('project-2021');
    fillIndicatorForm(sheet, TRAINING_FORM, TRAINING, '2023年项目支出绩效目标表');
    const report = await check(workbook);
    expect(errors(report)).toEqual([]);
    expect(report.findings.filter((f) => f.severity === 'warning')).toEqual([]);
    expect(report.tables[0]!.projects![0]).toMatchObject({
      name: '业务培训费',
      budget: '20.00',
      indicators: 7,
      weightTotal: '90',
    });
  });

  test('project-legacy ← 000 政务中心内部管理 (target values completed where the seed has only a unit)', async () => {
    const { workbook, sheet } = templateSheet('project-legacy');
    fillIndicatorForm(
      sheet,
      {
        项目名称: '政务中心内部管理',
        主管部门: '双牌政务中心',
        实施单位: '双牌政务中心',
        '年度资金总额（万元）': 232.03,
        '其中：财政拨款（万元）': 232.03,
        '其他资金（万元）': 0,
        年度绩效目标: '政务中心及大厅正常运行',
      },
      [
        ['产出指标', '数量指标', '中心及大厅正常运行天数', '≥', 250, '天', 20, '正向指标'],
        ['产出指标', '质量指标', '24小时值班覆盖率', '=', 100, '%', 10, '正向指标'],
        ['产出指标', '时效指标', '咨询类2小时内答复率', '≥', 95, '%', 10, '正向指标'],
        ['产出指标', '成本指标', '预算范围内', '≤', 232.03, '万元', 10, '反向指标'],
        ['效益指标', '经济效益指标', '降低行政审批成本，提高非税收入', '定性', '显著', '', 10, '正向指标'],
        ['效益指标', '社会效益指标', '社会满意度提升', '≥', 90, '%', 10, '正向指标'],
        ['效益指标', '可持续影响指标', '提高政府形象', '定性', '持续提升', '', 10, '正向指标'],
        ['满意度指标', '服务对象满意度指标', '办事群众满意度提升', '≥', 90, '%', 10, '正向指标'],
      ],
      '2023年项目支出绩效目标表',
    );
    expect(errors(await check(workbook, { profile: 'legacy' }))).toEqual([]);
  });

  test('department ← 000 双牌政务中心: 582.03 = 582.03 (sources) = 223.56 + 358.47', async () => {
    const { workbook, sheet } = templateSheet('department');
    fillIndicatorForm(
      sheet,
      {
        部门名称: '双牌政务中心',
        '资金总额（万元）': 582.03,
        '一般公共预算（万元）': 582.03,
        '政府性基金拨款（万元）': 0,
        '其他资金（万元）': 0,
        '基本支出（万元）': 223.56,
        '项目支出（万元）': 358.47,
      },
      [
        ['产出指标', '数量指标', '中心及窗口运转天数', '≥', 250, '天', 30],
        ['产出指标', '质量指标', '信用办工作有效开展率', '≥', 95, '%', 20],
        ['成本指标', '经济成本指标', '部门支出', '≤', 582.03, '万元', 10],
        ['效益指标', '社会效益指标', '信息公开及时准确率', '≥', 98, '%', 20],
        ['效益指标', '可持续影响指标', '信息公开全面性', '定性', '全面', '', 10],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 90, '%', 10],
      ].map((r) => [...r, '正向指标'] as unknown as Indicator),
      '2023年部门整体支出绩效目标表',
    );
    const report = await check(workbook);
    expect(errors(report)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId.startsWith('sum/'))).toEqual([]);
  });

  test('project-list ← 003 网络问政管理及维护费 (1.00, weights 90)', async () => {
    const { workbook, sheet } = templateSheet('project-list');
    const rows: (string | number | null)[][] = [
      ['201-平武县人民政府办公室', null, 1, null],
      [
        null,
        '平武县政务网络工作中心网络问政管理及维护费（维修维护费）',
        1,
        '完成2023年度书记县长信箱回复办理工作',
        '产出指标',
        '质量指标',
        '信箱正常使用率',
        '≥',
        95,
        '%',
        20,
        '正向指标',
      ],
      [null, null, null, null, '满意度指标', '服务对象满意度指标', '受众群体满意度', '≥', 99, '%', 10, '正向指标'],
      [null, null, null, null, '产出指标', '数量指标', '维护信箱个数', '=', 120, '个', 10, '正向指标'],
      [null, null, null, null, '产出指标', '时效指标', '维护及时率', '定性', '优良中差', null, 20, '正向指标'],
      [null, null, null, null, '产出指标', '数量指标', '信箱正常使用时间', '=', 12, '月', 10, '正向指标'],
      [
        null,
        null,
        null,
        null,
        '效益指标',
        '社会效益指标',
        '畅通群众监督举报渠道',
        '定性',
        '优良中差',
        null,
        20,
        '正向指标',
      ],
    ];
    rows.forEach((values, i) => (sheet.getRow(4 + i).values = values));
    const report = await check(workbook);
    expect(errors(report)).toEqual([]);
    expect(report.tables[0]!.projects![0]).toMatchObject({ budget: '1.00', indicators: 6, weightTotal: '90' });
  });

  test('function-budget ← 004 表二: with the template’s formulas the totals add up, no rounding residue', async () => {
    const { workbook, sheet } = templateSheet('function-budget');
    const lines: [string, string, number | null, number | null][] = [
      ['201', '一般公共服务支出', 229.61, 188.45],
      ['20103', '政府办公厅（室）及相关机构事务', 229.61, 188.45],
      ['2010301', '行政运行', 229.61, null],
      ['2010306', '政务公开审批', null, 172.24],
      ['2010399', '其他政府办公厅（室）及相关机构事务支出', null, 16.21],
      ['208', '社会保障和就业支出', 36.81, 13],
      ['20802', '民政管理事务', null, 13],
      ['2080208', '基层政权建设和社区治理', null, 13],
      ['20805', '行政事业单位养老支出', 36.81, null],
      ['2080505', '机关事业单位基本养老保险缴费支出', 24.54, null],
      ['2080506', '机关事业单位职业年金缴费支出', 12.27, null],
    ];
    fillCodeTable(sheet, lines);
    const report = await check(workbook);
    expect(errors(report)).toEqual([]);
    expect(report.findings.filter((f) => f.ruleId.startsWith('sum/'))).toEqual([]);
  });

  test('sangong ← 004 表四 (1.00 = 公务接待费 1.00)', async () => {
    const { workbook, sheet } = templateSheet('sangong');
    sheet.getRow(5).getCell(2).value = 0;
    sheet.getRow(5).getCell(4).value = 0;
    sheet.getRow(5).getCell(5).value = 0;
    sheet.getRow(5).getCell(6).value = 1;
    calculated(sheet.getCell('C5'), 0);
    calculated(sheet.getCell('A5'), 1);
    const report = await check(workbook);
    expect(report.findings).toEqual([]);
    expect(report.tables[0]).toMatchObject({ kind: 'amounts', layout: 'flat' });
  });

  test('fiscal-summary ← 004 财政拨款收支总表: with the template’s formulas the 0.01 residue cannot happen', async () => {
    const { workbook, sheet } = templateSheet('fiscal-summary');
    sheet.getCell('B6').value = 471.53;
    sheet.getCell('B10').value = 29.21;
    calculated(sheet.getCell('B5'), 471.53);
    calculated(sheet.getCell('B9'), 29.21);
    [418.06, 49.81, 12.43, 20.44].forEach((amount, i) => {
      const r = 6 + i;
      sheet.getCell(`C${r}`).value = ['一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '住房保障支出'][i]!;
      sheet.getCell(`E${r}`).value = amount;
      calculated(sheet.getCell(`D${r}`), amount);
    });
    const total = rowOf(sheet, '收入合计');
    calculated(sheet.getCell('D5'), 500.74);
    calculated(sheet.getCell('E5'), 500.74);
    calculated(sheet.getCell(`B${total}`), 500.74);
    calculated(sheet.getCell(`D${total}`), 500.74);
    calculated(sheet.getCell(`E${total}`), 500.74);
    const report = await check(workbook);
    expect(report.findings.filter((f) => f.ruleId.startsWith('sum/'))).toEqual([]);
    expect(errors(report)).toEqual([]);
  });
});

/** Code rows into a code table; every formula gets the value Excel would compute. */
function fillCodeTable(sheet: ExcelJS.Worksheet, lines: [string, string, number | null, number | null][]): void {
  const first = 6;
  lines.forEach(([code, name, basic, project], i) => {
    const r = first + i;
    sheet.getCell(`A${r}`).value = code;
    sheet.getCell(`B${r}`).value = name;
    sheet.getCell(`D${r}`).value = basic;
    sheet.getCell(`E${r}`).value = project;
    calculated(sheet.getCell(`C${r}`), new Decimal(basic ?? 0).plus(project ?? 0).toNumber());
  });
  for (const [col, index] of [
    ['D', 2],
    ['E', 3],
  ] as const) {
    const sum = lines.filter((l) => l[0].length === 3).reduce((s, l) => s.plus(l[index] ?? 0), new Decimal(0));
    calculated(sheet.getCell(`${col}5`), sum.toNumber());
  }
  const total = lines
    .filter((l) => l[0].length === 3)
    .reduce((s, l) => s.plus(l[2] ?? 0).plus(l[3] ?? 0), new Decimal(0));
  calculated(sheet.getCell('C5'), total.toNumber());
}

describe('one planted defect per rule family, caught where it was planted', () => {
  async function plant(
    change: (indicators: Indicator[], form: Record<string, string | number>) => void,
  ): Promise<{ report: Report; rows: Map<string, number> }> {
    const indicators = TRAINING.map((i) => [...i] as Indicator);
    const form = { ...TRAINING_FORM };
    change(indicators, form);
    const { workbook, sheet } = templateSheet('project-2021');
    const rows = fillIndicatorForm(sheet, form, indicators, '2023年项目支出绩效目标表');
    return { report: await check(workbook), rows };
  }
  const found = (report: Report) => where(report.findings);

  test('weight: a weight changed', async () => {
    const { report, rows } = await plant((i) => (i[0]![6] = 25));
    expect(found(report)).toContain(`weight/sum 项目支出绩效目标表!G${rows.get('培训人次')}`);
  });
  test('value: a satisfaction of 665 %', async () => {
    const { report, rows } = await plant((i) => (i[6]![4] = 665));
    expect(found(report)).toContain(`value/rate-range 项目支出绩效目标表!E${rows.get('群众满意度')}`);
  });
  test('unit: a cost in 套', async () => {
    const { report, rows } = await plant((i) => (i[3]![5] = '套'));
    expect(found(report)).toContain(`unit/cost-unit 项目支出绩效目标表!F${rows.get('业务培训费用')}`);
  });
  test('direction: a cost with ≥', async () => {
    const { report, rows } = await plant((i) => {
      i[3]![3] = '≥';
      i[3]![7] = '正向指标';
    });
    expect(found(report)).toContain(`direction/cost-comparator 项目支出绩效目标表!D${rows.get('业务培训费用')}`);
  });
  test('structure: a 二级 under the wrong 一级', async () => {
    const { report, rows } = await plant((i) => (i[4]![1] = '数量指标'));
    expect(found(report)).toContain(`structure/level2-parent 项目支出绩效目标表!B${rows.get('提高行政职能运行率')}`);
  });
  test('text: last year in this year’s target', async () => {
    const { report } = await plant(
      (_, form) => (form['年度绩效目标'] = '2022年确保大厅工作人员能够为群众带来更好的办事体验'),
    );
    const targetRow = rowOf(templateSheet('project-2021').sheet, '年度绩效目标');
    expect(found(report)).toContain(`text/year 项目支出绩效目标表!B${targetRow}`);
  });
  test('sum: a 款 that does not add up to its 项 in the budget table', async () => {
    const { workbook, sheet } = templateSheet('function-budget');
    fillCodeTable(sheet, [
      ['201', '一般公共服务支出', 229.61, 188.45],
      ['20103', '政府办公厅（室）及相关机构事务', 229.71, 188.45],
      ['2010301', '行政运行', 229.61, null],
      ['2010306', '政务公开审批', null, 188.45],
    ]);
    expect(found(await check(workbook))).toEqual(expect.arrayContaining(['sum/hierarchy 一般公共预算支出表!D7']));
  });
});
