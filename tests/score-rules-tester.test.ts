/**
 * The 绩效自评表 rules (score family) in the RuleTester shape (tests/rule-tester.ts): 得分 ≤ 分值, 总分 = Σ 得分,
 * 执行率 = 全年执行数 ÷ 全年预算数 and its 得分, met targets at full points, the 10号 grade bands, 偏差原因 for lost
 * points, and 实际完成值 of the target's kind.
 */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES } from '../src/validation';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

type Line = [string | null, string | null, string, CellInput, CellInput, CellInput, CellInput, CellInput?];

/** 一级 | 二级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施, then 总分 (分值, 得分) if given. */
function selfEvaluation(lines: Line[], total?: [CellInput, CellInput]): CellInput[][] {
  return [
    ['项目支出绩效自评表'],
    ['项目名称', '农村饮水安全巩固提升'],
    ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    ...lines.map(([l1, l2, l3, target, actual, points, score, reason]) => [
      l1,
      l2,
      l3,
      target,
      actual,
      points,
      score,
      reason ?? null,
    ]),
    ...(total ? [['总分', null, null, null, null, total[0], total[1], null]] : []),
  ];
}

/** A 项目资金 block (全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) above three indicators worth 90 points. */
function withExecution(budget: CellInput, executed: CellInput, rate: CellInput, score: CellInput): CellInput[][] {
  return [
    ['项目支出绩效自评表'],
    ['项目名称', '办公楼维修'],
    ['项目资金（万元）', null, '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', budget, executed, 10, rate, score],
    [null, '其中：本年财政拨款', budget, executed, null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '维修面积', '≥1000平方米', '1000平方米', 50, 50],
    [null, '效益指标', '社会效益指标', '办公条件改善', '显著', '达成', 30, 30],
    [null, '满意度指标', '服务对象满意度指标', '职工满意度', '≥90%', '95%', 10, 10],
  ];
}

const OUTPUT: Line = ['产出指标', '数量指标', '维修供水工程', '≥12处', '12处', 50, 50];
const BENEFIT: Line = ['效益指标', '社会效益指标', '受益人口', '≥8000人', '8100人', 30, 30];
const SATISFACTION: Line = ['满意度指标', '服务对象满意度指标', '受益群众满意度', '≥90%', '93%', 10, 10];

ruleTester(rule('score/over-points'), {
  valid: [
    {
      name: 'every score within its points',
      rows: selfEvaluation([OUTPUT, BENEFIT, SATISFACTION]),
      tables: ['indicators:3'],
    },
    {
      name: 'a partial score, and the 预算执行 score at its points',
      rows: withExecution(100, 100, '100%', 10),
      tables: ['amounts', 'indicators:3'],
    },
  ],
  invalid: [
    {
      name: '得分 12 of 10 points',
      rows: selfEvaluation([OUTPUT, BENEFIT, ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '93%', 10, 12]]),
      tables: ['indicators:3'],
      errors: [{ cell: 'G6', messageId: 'over', related: ['F6'] }],
    },
    {
      name: 'a negative score, and a 预算执行 score above its points',
      rows: (() => {
        const rows = withExecution(100, 100, '100%', 12);
        rows[7]![7] = -5;
        return rows;
      })(),
      tables: ['amounts', 'indicators:3'],
      errors: [
        { cell: 'G4', messageId: 'execution-over', related: ['E4'] },
        { cell: 'H8', messageId: 'negative' },
      ],
    },
  ],
});

ruleTester(rule('score/total'), {
  valid: [
    {
      name: '总分 90 / 88 = the indicators’ own totals',
      rows: selfEvaluation(
        [OUTPUT, ['效益指标', '社会效益指标', '受益人口', '≥8000人', '7800人', 30, 28, '外出务工'], SATISFACTION],
        [90, 88],
      ),
      tables: ['indicators:3'],
    },
    {
      name: '总分 100 / 99 = 预算执行 10 / 9 + indicators 90 / 90',
      rows: [...withExecution(100, 90, '90%', 9), ['总分', null, null, null, null, null, 100, 99]],
      tables: ['amounts', 'indicators:3'],
    },
  ],
  invalid: [
    {
      name: '总分 written 90 for 88',
      rows: selfEvaluation(
        [OUTPUT, ['效益指标', '社会效益指标', '受益人口', '≥8000人', '7800人', 30, 28, '外出务工'], SATISFACTION],
        [90, 90],
      ),
      tables: ['indicators:3'],
      errors: [{ cell: 'G7', messageId: 'mismatch' }],
    },
    {
      name: '总分 100 counts 预算执行 in its 分值 but leaves its 得分 out',
      rows: [...withExecution(100, 90, '90%', 9), ['总分', null, null, null, null, null, 100, 90]],
      tables: ['amounts', 'indicators:3'],
      errors: [{ cell: 'H10', messageId: 'mismatch' }],
    },
  ],
});

ruleTester(rule('score/execution-rate'), {
  valid: [
    { name: '38 / 40 = 95%', rows: withExecution(40, 38, '95%', 9.5), tables: ['amounts', 'indicators:3'] },
    {
      name: '89.974 / 90 = 99.97 % written as the fraction 0.9997',
      rows: withExecution(90, 89.974, 0.9997, 9.997),
      tables: ['amounts', 'indicators:3'],
    },
    { name: 'a budget of 0: no rate to check', rows: withExecution(0, 0, 0, 0), tables: ['amounts', 'indicators:3'] },
  ],
  invalid: [
    {
      name: '38 / 40 written 98%',
      rows: withExecution(40, 38, '98%', 9.5),
      tables: ['amounts', 'indicators:3'],
      errors: [{ cell: 'F4', messageId: 'mismatch', related: ['D4', 'C4'] }],
    },
    {
      name: 'the fraction 0.9 for 95 / 100',
      rows: withExecution(100, 95, 0.9, 9.5),
      tables: ['amounts', 'indicators:3'],
      errors: [{ cell: 'F4', messageId: 'mismatch' }],
    },
  ],
});

ruleTester(rule('score/execution-score'), {
  valid: [
    { name: '95 % × 10 = 9.5', rows: withExecution(40, 38, '95%', 9.5), tables: ['amounts', 'indicators:3'] },
    {
      name: 'a rate above 100 % counts as 100 %',
      rows: withExecution(40, 41, '102.5%', 10),
      tables: ['amounts', 'indicators:3'],
    },
  ],
  invalid: [
    {
      name: 'full points for 80 %',
      rows: withExecution(50, 40, '80%', 10),
      tables: ['amounts', 'indicators:3'],
      errors: [{ cell: 'G4', messageId: 'mismatch', related: ['F4', 'E4'] }],
    },
    {
      name: '9 for 95 %',
      rows: withExecution(40, 38, '95%', 9),
      tables: ['amounts', 'indicators:3'],
      errors: [{ cell: 'G4', messageId: 'mismatch' }],
    },
  ],
});

ruleTester(rule('score/target-met'), {
  valid: [
    {
      name: 'met targets at full points, a missed one below (≥ and ≤)',
      rows: selfEvaluation([
        OUTPUT,
        ['成本指标', '经济成本指标', '维修成本', '≤80万元', '78.5万元', 10, 10],
        ['效益指标', '社会效益指标', '受益人口', '≥8000人', '7600人', 20, 19, '外出务工'],
        SATISFACTION,
      ]),
      tables: ['indicators:4'],
    },
    {
      name: 'a result with no unit of its own takes the target’s; a qualitative target is not this rule’s',
      rows: selfEvaluation([
        ['产出指标', '数量指标', '委托业务数量', '≥50个', 50, 50, 50],
        ['效益指标', '社会效益指标', '影响程度', '效果明显', '部分达成', 30, 20, '宣传不足'],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
    },
  ],
  invalid: [
    {
      name: 'a met ≥ target at 45 of 50',
      rows: selfEvaluation([
        ['产出指标', '数量指标', '维修供水工程', '≥12处', '13处', 50, 45, '无'],
        BENEFIT,
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
      errors: [{ cell: 'G4', messageId: 'met-not-full', related: ['E4', 'D4'] }],
    },
    {
      name: 'a cost above its ceiling at full points, and a missed ≥ at full points',
      rows: selfEvaluation([
        OUTPUT,
        ['成本指标', '经济成本指标', '维修成本', '≤80万元', '85万元', 10, 10],
        ['效益指标', '社会效益指标', '受益人口', '≥8000人', '7600人', 20, 20],
        SATISFACTION,
      ]),
      tables: ['indicators:4'],
      errors: [
        { cell: 'G5', messageId: 'unmet-full' },
        { cell: 'G6', messageId: 'unmet-full' },
      ],
    },
  ],
});

ruleTester(rule('score/grade-band'), {
  valid: [
    {
      name: '达成 at 90 %, 部分达成 at 60 %, 未达成 at 0',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '办公条件改善', '显著', '达成', 10, 9],
        [null, '可持续影响指标', '长效运行', '长期有效', '部分达成', 10, 6, '管护人员不足'],
        [null, '生态效益指标', '水源保护', '明显改善', '未达成', 10, 0, '项目未完工'],
        SATISFACTION,
      ]),
      tables: ['indicators:5'],
    },
    {
      name: 'the target’s own words as the result, at full points',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '生产条件改善', '显著提升', '显著提升', 30, 30],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
    },
  ],
  invalid: [
    {
      name: '未达成 at full points',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '办公条件改善', '显著', '未达成', 30, 30, '未完工'],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
      errors: [{ cell: 'G5', messageId: 'band' }],
    },
    {
      name: '部分达成 at 80 % (达成’s band) and 达成预期指标 at half',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '办公条件改善', '显著', '部分达成', 10, 8, '进度滞后'],
        [null, '可持续影响指标', '长效运行', '长期有效', '达成预期指标', 20, 10, '无'],
        SATISFACTION,
      ]),
      tables: ['indicators:4'],
      errors: [
        { cell: 'G5', messageId: 'band' },
        { cell: 'G6', messageId: 'band' },
      ],
    },
  ],
});

ruleTester(rule('score/deviation-reason'), {
  valid: [
    {
      name: 'a lost point with its reason',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '受益人口', '≥8000人', '7600人', 30, 28, '部分人口外出务工'],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
    },
    {
      name: 'a form with no 偏差原因 column',
      rows: withExecution(40, 38, '95%', 9.5).map((row, i) => (i === 7 ? [...row.slice(0, 7), 25] : row)),
      tables: ['amounts', 'indicators:3'],
    },
  ],
  invalid: [
    {
      name: 'two lost points, no reason',
      rows: selfEvaluation([
        ['产出指标', '数量指标', '维修供水工程', '≥12处', '10处', 50, 40],
        ['效益指标', '社会效益指标', '受益人口', '≥8000人', '7600人', 30, 28],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
      errors: [
        { cell: 'H4', messageId: 'missing', related: ['G4'] },
        { cell: 'H5', messageId: 'missing', related: ['G5'] },
      ],
    },
    {
      name: 'a 部分达成 at 6 of 10 with no reason',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '办公条件改善', '显著', '部分达成', 30, 20],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
      errors: [{ cell: 'H5', messageId: 'missing' }],
    },
  ],
});

ruleTester(rule('score/actual-kind'), {
  valid: [
    {
      name: 'numbers for 定量 targets (with or without the unit), grades and words for 定性 ones',
      rows: selfEvaluation([
        ['产出指标', '数量指标', '委托业务数量', '≥50个', 50, 40, 40],
        [null, '质量指标', '验收合格率', '100%', '100%', 10, 10],
        ['效益指标', '社会效益指标', '办公条件改善', '显著', '达成预期指标', 20, 20],
        [null, '可持续影响指标', '长效运行', '长期有效', '长效机制已建立', 10, 10],
        SATISFACTION,
      ]),
      tables: ['indicators:5'],
    },
    {
      name: 'a 时效 target met by a date',
      rows: selfEvaluation([
        OUTPUT,
        ['产出指标', '时效指标', '完工时间', '2023年10月底前', '2023年10月20日', 10, 10],
        ['效益指标', '社会效益指标', '受益人口', '≥8000人', '8100人', 30, 30],
      ]),
      tables: ['indicators:3'],
    },
  ],
  invalid: [
    {
      name: '达成预期指标 for ≥90%, and 户 for 人',
      rows: selfEvaluation([
        OUTPUT,
        ['效益指标', '社会效益指标', '受益人口', '≥8000人', '2100户', 30, 30],
        ['满意度指标', '服务对象满意度指标', '公众满意度', '≥90%', '达成预期指标', 10, 10],
      ]),
      tables: ['indicators:3'],
      errors: [
        { cell: 'E5', messageId: 'unit' },
        { cell: 'E6', messageId: 'not-number' },
      ],
    },
    {
      name: 'a number for a 定性 target, and a scored row with no result',
      rows: selfEvaluation([
        ['产出指标', '数量指标', '维修供水工程', '≥12处', null, 50, 50],
        ['效益指标', '社会效益指标', '办公条件改善', '显著', 95, 30, 30],
        SATISFACTION,
      ]),
      tables: ['indicators:3'],
      errors: [
        { cell: 'E4', messageId: 'missing' },
        { cell: 'E5', messageId: 'number-for-grade' },
      ],
    },
  ],
});
