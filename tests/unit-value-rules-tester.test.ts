/**
 * unit/not-a-unit, unit/name-mismatch, unit/cost-unit (a money-named cost under 社会成本指标), value/date-serial,
 * value/zero-cost and value/incomplete ('cost-text'), in the RuleTester shape (tests/rule-tester.ts), on the layouts
 * of several provinces: value and unit in one cell, a unit column, a sign column, flat lists.
 */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES } from '../src/validation';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

/** 一级 | 二级 | 三级 | 指标性质 (正向/反向) | 指标方向 ("=") | 目标值 | 计量单位 | 分值, 一级 and 二级 on every row. */
function signColumnTable(...rows: [string, string, string, string, CellInput, CellInput, number][]): CellInput[][] {
  return [
    ['项目名称', '供销市场管理', null, '资金总额', 3],
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标方向', '目标值', '计量单位', '分值'],
    ...rows.map(([level1, level2, level3, nature, value, unit, weight]) => [
      level1,
      level2,
      level3,
      nature,
      '=',
      value,
      unit,
      weight,
    ]),
    ['效益指标', '社会效益指标', '回收网点覆盖率', '正向', '=', 100, '%', 20],
    ['满意度指标', '服务对象满意度指标', '经营户满意度', '正向', '=', 90, '%', 10],
  ];
}

/** 一级 | 二级 | 三级 | 指标值 (comparator, number and unit in one cell), 一级 merged over its rows. */
function oneCellTable(...rows: [string | null, string | null, string, CellInput][]): CellInput[][] {
  return [['一级指标', '二级指标', '三级指标', '指标值'], ...rows];
}

/** A flat list: 项目名称 | 项目预算 | 一级 | 二级 | 三级 | 指标性质 | 计算符号 | 指标值 | 计量单位 | 权重(分). */
function flatList(...rows: [string, string, string, string, string | null, CellInput, CellInput, number][]) {
  return [
    [
      '项目名称',
      '项目预算',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标性质',
      '计算符号',
      '指标值',
      '计量单位',
      '权重(分)',
    ],
    ...rows.map((row, i) => (i === 0 ? ['耕地保护', 20, ...row] : [null, null, ...row])),
  ];
}

const FLAT_REST: [string, string, string, string, string | null, CellInput, CellInput, number][] = [
  ['效益指标', '生态效益指标', '耕地质量提升', '定性', null, '明显提升', null, 30],
  ['满意度指标', '服务对象满意度指标', '农户满意度', '定量', '≥', 90, '%', 10],
];

ruleTester(rule('unit/not-a-unit'), {
  valid: [
    {
      name: 'units in the unit column, a date written as text with no unit',
      rows: signColumnTable(
        ['产出指标', '数量指标', '回收站点数量', '正向', 12, '个', 20],
        ['产出指标', '时效指标', '资金到位时间', '正向', '2024年12月31日前', null, 20],
        ['成本指标', '经济成本指标', '年度总成本', '反向', 3, '万元/年', 20],
      ),
      tables: ['indicators:5'],
    },
    {
      name: 'a flat list with 计量单位 公里 and %',
      rows: flatList(
        ['产出指标', '数量指标', '巡查里程', '定量', '≥', 300, '公里', 40],
        ['成本指标', '经济成本指标', '巡查成本', '定量', '≤', 2, '万元', 10],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
    },
  ],
  invalid: [
    {
      name: 'a date exported as its serial in the unit column (45657)',
      rows: signColumnTable(
        ['产出指标', '数量指标', '回收站点数量', '正向', 12, '个', 20],
        ['产出指标', '时效指标', '资金到位时间', '正向', 45657, 45657, 20],
        ['成本指标', '经济成本指标', '年度总成本', '反向', 3, '万元', 20],
      ),
      tables: ['indicators:5'],
      errors: [{ cell: 'G4', messageId: 'number', related: ['F4'] }],
    },
    {
      name: 'a flat list whose 计量单位 holds the number that slid over from 指标值',
      rows: flatList(
        ['产出指标', '数量指标', '巡查里程', '定量', '≥', null, 300, 40],
        ['成本指标', '经济成本指标', '巡查成本', '定量', '≤', 2, '万元', 10],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'I2', messageId: 'number' }],
    },
  ],
});

ruleTester(rule('unit/name-mismatch'), {
  valid: [
    {
      name: 'a name stating 230人 with the value 230 人 (unit column)',
      rows: flatList(
        ['产出指标', '数量指标', '培训村组干部230人', '定量', '≥', 230, '人', 40],
        ['成本指标', '经济成本指标', '人均培训成本', '定量', '≤', 300, '元', 10],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
    },
    {
      name: '3.5公里 in the name, ≥3.5千米 as the value (the same unit); 230人 against ≥200个 (another number)',
      rows: oneCellTable(
        ['产出指标', '数量指标', '新建道路3.5公里', '≥3.5千米'],
        [null, '数量指标', '培训村组干部230人', '≥200个'],
        ['成本指标', '经济成本指标', '每公里建设成本', '≤80万元'],
        ['效益指标', '社会效益指标', '通行时间缩短', '≥20%'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ),
      merges: ['A2:A3'],
      tables: ['indicators:5'],
    },
  ],
  invalid: [
    {
      name: 'a flat list: 培训村组干部230人 with ≥ 230 个, at the unit',
      rows: flatList(
        ['产出指标', '数量指标', '培训村组干部230人', '定量', '≥', 230, '个', 40],
        ['成本指标', '经济成本指标', '人均培训成本', '定量', '≤', 300, '元', 10],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'I2', messageId: 'differs', related: ['E2'] }],
    },
    {
      name: 'value and unit in one cell: 新建道路3.5公里 with ≥3.5米, at the value',
      rows: oneCellTable(
        ['产出指标', '数量指标', '新建道路3.5公里', '≥3.5米'],
        ['成本指标', '经济成本指标', '每公里建设成本', '≤80万元'],
        ['效益指标', '社会效益指标', '通行时间缩短', '≥20%'],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'D2', messageId: 'differs', related: ['C2'] }],
    },
  ],
});

ruleTester(rule('unit/cost-unit'), {
  valid: [
    {
      name: 'a flat list: 社会成本 measured in its own unit (亩), its name no amount of money',
      rows: flatList(
        ['产出指标', '数量指标', '管护面积', '定量', '≥', 3000, '亩', 40],
        ['成本指标', '社会成本指标', '施工临时占用耕地', '定量', '≤', 2, '亩', 10],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
    },
    {
      name: 'one cell: a money-named 社会成本 in 万元',
      rows: oneCellTable(
        ['产出指标', '数量指标', '修复河道长度', '≥5公里'],
        ['成本指标', '社会成本指标', '征地补偿费用', '≤2万元'],
        ['效益指标', '生态效益指标', '水质达标率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '沿岸群众满意度', '≥90%'],
      ),
      tables: ['indicators:4'],
    },
  ],
  invalid: [
    {
      name: 'a flat list: 社会成本 “临时占用耕地补偿费用 ≤ 2 套”, at the unit',
      rows: flatList(
        ['产出指标', '数量指标', '管护面积', '定量', '≥', 3000, '亩', 40],
        ['成本指标', '社会成本指标', '临时占用耕地补偿费用', '定量', '≤', 2, '套', 10],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'I3', messageId: 'not-money' }],
    },
    {
      name: 'one cell: 生态环境成本 “生态修复治理经费 ≤5亩”, at the value',
      rows: oneCellTable(
        ['产出指标', '数量指标', '修复河道长度', '≥5公里'],
        ['成本指标', '生态环境成本指标', '生态修复治理经费', '≤5亩'],
        ['效益指标', '生态效益指标', '水质达标率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '沿岸群众满意度', '≥90%'],
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'D3', messageId: 'not-money' }],
    },
  ],
});

ruleTester(rule('value/date-serial'), {
  valid: [
    {
      name: 'one cell: a 时效 target written as a date',
      rows: oneCellTable(
        ['产出指标', '数量指标', '改造户数', '≥50户'],
        [null, '时效指标', '改造完成时间', '2024年12月31日'],
        ['成本指标', '经济成本指标', '户均改造成本', '≤2万元'],
        ['效益指标', '社会效益指标', '住房安全保障', '明显改善'],
        ['满意度指标', '服务对象满意度指标', '改造户满意度', '≥90%'],
      ),
      merges: ['A2:A3'],
      tables: ['indicators:5'],
    },
    {
      name: 'a sign column: 45657 as a count (数量指标, 人次) is no date',
      rows: signColumnTable(
        ['产出指标', '数量指标', '服务人次', '正向', 45657, '人次', 20],
        ['产出指标', '时效指标', '资金到位时间', '正向', '2024年6月30日前', null, 20],
        ['成本指标', '经济成本指标', '年度总成本', '反向', 3, '万元', 20],
      ),
      tables: ['indicators:5'],
    },
  ],
  invalid: [
    {
      name: 'one cell: the 时效 target 45657 (2024-12-31)',
      rows: oneCellTable(
        ['产出指标', '数量指标', '改造户数', '≥50户'],
        [null, '时效指标', '改造完成时间', 45657],
        ['成本指标', '经济成本指标', '户均改造成本', '≤2万元'],
        ['效益指标', '社会效益指标', '住房安全保障', '明显改善'],
        ['满意度指标', '服务对象满意度指标', '改造户满意度', '≥90%'],
      ),
      merges: ['A2:A3'],
      tables: ['indicators:5'],
      errors: [{ cell: 'D3', messageId: 'serial' }],
    },
    {
      name: 'a sign column: 44561 (2021-12-31) in both 目标值 and 计量单位, at the value',
      rows: signColumnTable(
        ['产出指标', '数量指标', '回收站点数量', '正向', 12, '个', 20],
        ['产出指标', '时效指标', '工作计划完成时间', '正向', 44561, 44561, 20],
        ['成本指标', '经济成本指标', '年度总成本', '反向', 3, '万元', 20],
      ),
      tables: ['indicators:5'],
      errors: [{ cell: 'F4', messageId: 'serial' }],
    },
  ],
});

ruleTester(rule('value/zero-cost'), {
  valid: [
    {
      name: 'a sign column: 出差单位成本 = 0.13 万元/人',
      rows: signColumnTable(
        ['产出指标', '数量指标', '出差人次', '正向', 8, '人次', 20],
        ['产出指标', '成本指标', '出差单位成本', '反向', 0.13, '万元/人', 20],
        ['成本指标', '经济成本指标', '年度总成本', '反向', 3, '万元', 20],
      ),
      tables: ['indicators:5'],
    },
    {
      name: 'one cell: a social cost of 0 (no complaints) is no money ceiling',
      rows: oneCellTable(
        ['产出指标', '数量指标', '清运垃圾量', '≥500吨'],
        ['成本指标', '经济成本指标', '每吨清运成本', '≤120元'],
        [null, '社会成本指标', '群众投诉', '=0起'],
        ['效益指标', '生态效益指标', '垃圾无害化处理率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%'],
      ),
      merges: ['A3:A4'],
      tables: ['indicators:5'],
    },
  ],
  invalid: [
    {
      name: 'a sign column: 出差单位成本 = 0 万元/人 (0.125 shown rounded)',
      rows: signColumnTable(
        ['产出指标', '数量指标', '出差人次', '正向', 8, '人次', 20],
        ['产出指标', '成本指标', '出差单位成本', '反向', 0, '万元/人', 20],
        ['成本指标', '经济成本指标', '年度总成本', '反向', 3, '万元', 20],
      ),
      tables: ['indicators:5'],
      errors: [{ cell: 'F4', messageId: 'zero' }],
    },
    {
      name: 'one cell: 经济成本 “每吨清运成本 ≤0元”',
      rows: oneCellTable(
        ['产出指标', '数量指标', '清运垃圾量', '≥500吨'],
        ['成本指标', '经济成本指标', '每吨清运成本', '≤0元'],
        ['效益指标', '生态效益指标', '垃圾无害化处理率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '居民满意度', '≥90%'],
      ),
      tables: ['indicators:4'],
      errors: [{ cell: 'D3', messageId: 'zero' }],
    },
  ],
});

/** Twin columns 二级(长期) | 三级(长期) | 指标值(长期) | 二级(年度) | 三级(年度) | 指标值(年度), the 长期 ones empty. */
function twinTable(costValue: string): CellInput[][] {
  return [
    [
      '一级指标',
      '二级指标(长期)',
      '三级指标(长期)',
      '指标值(长期)',
      '二级指标(年度)',
      '三级指标(年度)',
      '指标值(年度)',
    ],
    ['产出指标', null, null, null, '数量指标', '建设项目数量', '≥3个'],
    ['成本指标', null, null, null, '经济成本指标', '建设项目成本', costValue],
    ['效益指标', null, null, null, '社会效益指标', '办学条件', '明显改善'],
    ['满意度指标', null, null, null, '服务对象满意度指标', '师生满意度', '≥90%'],
  ];
}

/** The form that calls its 二级 and 三级 columns 一级 and 二级: 一级指标 (数量/质量/成本) | 二级指标 | 指标值. */
function level2AsLevel1Table(costName: string, costValue: string): CellInput[][] {
  return [
    ['一级指标', '二级指标', '指标值'],
    ['数量指标', '维修车辆数', '≥40辆'],
    ['质量指标', '维修合格率', '≥95%'],
    ['成本指标', costName, costValue],
    ['社会效益指标', '公务出行保障', '有效保障'],
    ['服务对象满意度指标', '干部职工满意度', '≥90%'],
  ];
}

ruleTester(rule('value/incomplete'), {
  valid: [
    {
      name: 'twin columns: an economic cost with an amount ceiling',
      rows: twinTable('≤100万元'),
      tables: ['indicators:4'],
    },
    {
      name: 'one cell: 社会成本 described in words is allowed',
      rows: oneCellTable(
        ['产出指标', '数量指标', '修复河道长度', '≥5公里'],
        ['成本指标', '经济成本指标', '修复总成本', '≤300万元'],
        [null, '社会成本指标', '施工对群众生活的影响', '不造成负面影响'],
        ['效益指标', '生态效益指标', '水质达标率', '≥95%'],
        ['满意度指标', '服务对象满意度指标', '沿岸群众满意度', '≥90%'],
      ),
      merges: ['A3:A4'],
      tables: ['indicators:5'],
    },
  ],
  invalid: [
    {
      name: 'twin columns: 建设项目成本 “参照政府采购成本控制” is text, no ceiling',
      rows: twinTable('参照政府采购成本控制'),
      tables: ['indicators:4'],
      errors: [{ cell: 'G3', messageId: 'cost-text' }],
    },
    {
      name: 'a 一级 column holding 成本指标: 成本控制 “不超预算”',
      rows: level2AsLevel1Table('成本控制', '不超预算'),
      tables: ['indicators:5'],
      errors: [{ cell: 'C4', messageId: 'cost-text' }],
    },
  ],
});

ruleTester(rule('unit/rate-unit'), {
  valid: [
    {
      name: 'rates in %, a satisfaction score in 分, a frequency in 次/月, a count in 个',
      rows: flatList(
        ['产出指标', '质量指标', '验收合格率', '定量', '≥', 95, '%', 20],
        ['产出指标', '数量指标', '巡查频率', '定量', '≥', 4, '次/月', 10],
        ['产出指标', '数量指标', '验收合格项目数', '定量', '≥', 12, '个', 10],
        ['效益指标', '生态效益指标', '耕地质量提升', '定性', null, '明显提升', null, 30],
        ['满意度指标', '服务对象满意度指标', '农户满意度', '定量', '≥', 90, '分', 10],
      ),
      tables: ['indicators:5'],
    },
    {
      name: 'a rate in one cell with its %',
      rows: oneCellTable(['产出指标', '质量指标', '资金拨付及时率', '=100%'], [null, null, '设备完好率', '≥98%']),
      tables: ['indicators:2'],
    },
  ],
  invalid: [
    {
      name: 'a 合格率 in 个 and a 覆盖率 in 户',
      rows: flatList(
        ['产出指标', '质量指标', '项目验收合格率', '定量', '≥', 95, '个', 20],
        ['效益指标', '社会效益指标', '农户覆盖率', '定量', '≥', 80, '户', 20],
        ...FLAT_REST,
      ),
      tables: ['indicators:4'],
      errors: [
        { cell: 'I2', messageId: 'unit' },
        { cell: 'I3', messageId: 'unit' },
      ],
    },
    {
      name: 'a satisfaction in 人',
      rows: signColumnTable(['满意度指标', '服务对象满意度指标', '群众满意度', '正向', 95, '人', 20]),
      tables: ['indicators:3'],
      errors: [{ cell: 'G3', messageId: 'unit' }],
    },
  ],
});

ruleTester(rule('unit/count-percent'), {
  valid: [
    {
      name: 'counts in 个 and 户; money counted in 万元 (下达资金数量)',
      rows: flatList(
        ['产出指标', '数量指标', '验收项目数量', '定量', '≥', 12, '个', 20],
        ['产出指标', '数量指标', '补助发放户数', '定量', '≥', 300, '户', 20],
        ['产出指标', '数量指标', '下达资金数量', '定量', '=', 20, '万元', 20],
        ...FLAT_REST,
      ),
      tables: ['indicators:5'],
    },
    {
      name: 'a rate in %',
      rows: flatList(['产出指标', '质量指标', '验收合格率', '定量', '≥', 95, '%', 60], ...FLAT_REST),
      tables: ['indicators:3'],
    },
  ],
  invalid: [
    {
      name: 'a count in %',
      rows: flatList(['产出指标', '数量指标', '网络接入数量', '定量', '≥', 10, '%', 60], ...FLAT_REST),
      tables: ['indicators:3'],
      errors: [{ cell: 'I2', messageId: 'percent' }],
    },
    {
      name: 'a count in 万元',
      rows: flatList(['产出指标', '数量指标', '补助发放户数', '定量', '≥', 300, '万元', 60], ...FLAT_REST),
      tables: ['indicators:3'],
      errors: [{ cell: 'I2', messageId: 'money' }],
    },
  ],
});
