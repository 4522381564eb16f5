/** sum/form-split (a flat list's 项目预算 = Σ 资金来源) and sum/form-list, in the RuleTester shape (tests/rule-tester.ts). */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES } from '../src/validation';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

/** A flat list: 项目名称 | 项目预算 | 资金来源 › 本级财政资金 | 上级补助资金 | 其他资金 | 一级 | 二级 | 三级 | 计算符号 | 指标值 | 计量单位 | 权重. */
function flatList(projects: [string, number, CellInput, CellInput, CellInput][]): {
  rows: CellInput[][];
  merges: string[];
} {
  const rows: CellInput[][] = [
    ['金额单位：万元'],
    [
      '项目名称',
      '项目预算',
      '资金来源',
      null,
      null,
      '一级指标',
      '二级指标',
      '三级指标',
      '计算符号',
      '指标值',
      '计量单位',
      '权重',
    ],
    [null, null, '本级财政资金', '上级补助资金', '其他资金', null, null, null, null, null, null, null],
  ];
  const merges = ['A2:A3', 'B2:B3', 'C2:E2', 'F2:F3', 'G2:G3', 'H2:H3', 'I2:I3', 'J2:J3', 'K2:K3', 'L2:L3'];
  for (const [name, budget, local, upper, other] of projects) {
    const top = rows.length + 1;
    rows.push([name, budget, local, upper, other, '产出指标', '数量指标', '保洁村庄数', '≥', 15, '个', 40]);
    rows.push([null, null, null, null, null, '成本指标', '经济成本指标', '每村保洁成本', '≤', 3, '万元', 20]);
    rows.push([null, null, null, null, null, '效益指标', '社会效益指标', '村容整洁率', '≥', 95, '%', 20]);
    rows.push([null, null, null, null, null, '满意度指标', '服务对象满意度指标', '村民满意度', '≥', 90, '%', 10]);
    for (const col of ['A', 'B', 'C', 'D', 'E']) merges.push(`${col}${top}:${col}${top + 3}`);
  }
  return { rows, merges };
}

/** A form whose first rows state 资金总额 and its split (财政拨款 | 其他资金), then the indicator block. */
function fundForm(total: number, general: number, other: number): CellInput[][] {
  return [
    ['项目名称', '市场抽检', null, '主管部门', '县市场监管局'],
    ['资金总额', total, '财政拨款', general, '其他资金', other],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标方向', '目标值', '计量单位', '分值'],
    ['产出指标', '数量指标', '抽检批次', '正向', '=', 400, '批次', 50],
    ['成本指标', '经济成本指标', '抽检总成本', '反向', '=', total, '万元', 10],
    ['效益指标', '社会效益指标', '不合格食品处置率', '正向', '=', 100, '%', 20],
    ['满意度指标', '服务对象满意度指标', '群众满意度', '正向', '=', 90, '%', 10],
  ];
}

ruleTester(rule('sum/form-split'), {
  valid: [
    {
      name: 'a flat list whose 项目预算 equal their sources (120 = 80 + 40 + 0; 45 = 45 + blank + blank)',
      ...flatList([
        ['农田渠道维护', 120, 80, 40, 0],
        ['村庄保洁', 45, 45, null, null],
      ]),
      tables: ['indicators:8'],
    },
    {
      name: 'a form: 资金总额 6 = 财政拨款 6 + 其他资金 0',
      rows: fundForm(6, 6, 0),
      tables: ['indicators:4'],
    },
    {
      name: 'a flat list with no 资金来源 columns: nothing to add up',
      rows: [
        ['项目名称', '项目预算', '一级指标', '二级指标', '三级指标', '指标值', '权重'],
        ['道路养护', 30, '产出指标', '数量指标', '养护里程', '≥20公里', 50],
        [null, null, '成本指标', '经济成本指标', '每公里成本', '≤1.5万元', 10],
        [null, null, '效益指标', '社会效益指标', '通行条件', '改善', 20],
        [null, null, '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', 10],
      ],
      merges: ['A2:A5', 'B2:B5'],
      tables: ['indicators:4'],
    },
  ],
  invalid: [
    {
      name: 'a flat list: 86.40 ≠ 76.40 + 5.00 + 0, at the project’s 项目预算',
      ...flatList([
        ['农田渠道维护', 120, 80, 40, 0],
        ['村庄保洁', 86.4, 76.4, 5, 0],
      ]),
      tables: ['indicators:8'],
      errors: [{ cell: 'B8', messageId: 'mismatch', related: ['C8', 'D8', 'E8'] }],
    },
    {
      name: 'a flat list a cent off: a rounding difference, filed under sum/rounding',
      ...flatList([['村庄保洁', 45.01, 30, 15, null]]),
      tables: ['indicators:4'],
      errors: [{ ruleId: 'sum/rounding', cell: 'B4', messageId: 'rounding' }],
    },
    {
      name: 'a form: 资金总额 3 ≠ 财政拨款 3 + 其他资金 1, at 资金总额',
      rows: fundForm(3, 3, 1),
      tables: ['indicators:4'],
      errors: [{ cell: 'B2', messageId: 'mismatch', related: ['D2', 'F2'] }],
    },
    {
      name: 'the same form with a blank spacer column after each label (as PDF conversions leave them)',
      rows: fundForm(3, 3, 1).map((row, r) =>
        r === 1 ? row.flatMap((cell, c) => (c % 2 === 0 ? [cell, null] : [cell])) : row,
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'C2', messageId: 'mismatch', related: ['F2', 'I2'] }],
    },
  ],
});

/** A department form: 年度预算安排 (资金总额 | 基本支出 | 项目支出), a 履职目标 list with amounts, then the indicators. */
function dutyForm(listedBasic: number): CellInput[][] {
  return [
    ['部门整体支出绩效目标表'],
    ['部门名称', '县档案馆'],
    ['年度预算安排', '资金总额', 150, '基本支出', 110, '项目支出', 40],
    ['年度履职目标', '职能', '任务', '项目名称', '金额'],
    [null, '档案保管', '馆藏档案保管', '基本支出', listedBasic],
    [null, '档案数字化', '数字化扫描', '档案数字化项目', 40],
    ['一级指标', '二级指标', '三级指标', '目标值'],
    ['产出指标', '数量指标', '数字化扫描页数', '≥50万页'],
    ['成本指标', '经济成本指标', '每页扫描成本', '≤0.8元'],
    ['效益指标', '社会效益指标', '档案利用人次', '≥3000人次'],
    ['满意度指标', '服务对象满意度指标', '查档群众满意度', '≥90%'],
  ];
}

/** A department 申报表: 资金总额 | 基本支出 | 项目支出 stated, then a 资金构成 block listing them again, then indicators. */
function compositionForm(basic: number, project: number): CellInput[][] {
  return [
    ['部门整体支出绩效目标申报表'],
    ['部门名称', '县农业农村局'],
    ['年度预算', '资金总额', 500, '基本支出', 375, '项目支出', 125],
    ['资金构成', '收支项目', '当年金额', '占比'],
    [null, '基本支出', basic, basic / 500],
    [null, '项目支出', project, project / 500],
    [null, '合计', 500, 1],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '农技培训人次', '≥1000人次'],
    ['成本指标', '经济成本指标', '人均培训成本', '≤200元'],
    ['效益指标', '经济效益指标', '农民增收', '≥5%'],
    ['满意度指标', '服务对象满意度指标', '农户满意度', '≥90%'],
  ];
}

ruleTester(rule('sum/form-list'), {
  valid: [
    {
      name: '履职目标 lists 基本支出 110, as the form states it',
      rows: dutyForm(110),
      merges: ['A4:A6'],
      tables: ['amounts', 'indicators:4'],
    },
    {
      name: 'a 资金构成 block lists 基本支出 375 and 项目支出 125, as the form states them',
      rows: compositionForm(375, 125),
      merges: ['A4:A7'],
      tables: ['amounts', 'indicators:4'],
    },
  ],
  invalid: [
    {
      name: '履职目标 lists 基本支出 150 where the form states 110: at the list’s line',
      rows: dutyForm(150),
      merges: ['A4:A6'],
      tables: ['amounts', 'indicators:4'],
      errors: [{ cell: 'E5', messageId: 'mismatch', related: ['E3'] }],
    },
    {
      name: 'a 资金构成 block lists 365 / 135 where the form states 375 / 125: both lines',
      rows: compositionForm(365, 135),
      merges: ['A4:A7'],
      tables: ['amounts', 'indicators:4'],
      errors: [
        { cell: 'C5', messageId: 'mismatch', related: ['E3'] },
        { cell: 'C6', messageId: 'mismatch', related: ['G3'] },
      ],
    },
  ],
});
