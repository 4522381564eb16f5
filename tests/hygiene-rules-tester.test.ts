/**
 * Form hygiene (issue 16) in the RuleTester shape (tests/rule-tester.ts): placeholders, the form's own instructions,
 * junk-only entries, vague 定量 targets, 满意度 at 100 %, and direction/cost-comparator left to 经济成本 only.
 */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES } from '../src/validation';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

/** A project form: 年度目标, then 一级 | 二级 | 三级 | 指标值 | 计量单位 | 权重. */
function form(target: string, ...rows: CellInput[][]): CellInput[][] {
  return [
    ['项目名称', '乡村道路养护'],
    ['年度目标', target],
    ['一级指标', '二级指标', '三级指标', '指标值', '计量单位', '权重'],
    ...rows,
  ];
}

/** A 功能分类 table with one 类 and its 款, then `extra`, then 合计. */
function amounts(extra: CellInput[]): CellInput[][] {
  return [
    ['2024年一般公共预算支出表'],
    ['单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', 10, 6, 4],
    ['20101', '人大事务', 10, 6, 4],
    extra,
    ['合计', null, 10, 6, 4],
  ];
}

const GOAL = '完成120公里农村公路日常养护';
const OUTPUT = ['产出指标', '数量指标', '养护里程', '≥120', '公里', 40];
const COST = ['成本指标', '经济成本指标', '养护成本', '≤300', '万元', 20];
const BENEFIT = ['效益指标', '社会效益指标', '通行条件改善', '明显改善', null, 30];
const SATISFACTION = ['满意度指标', '服务对象满意度指标', '沿线群众满意度', '≥90', '%', 10];

ruleTester(rule('value/placeholder'), {
  valid: [
    { name: 'a form filled in', rows: form(GOAL, OUTPUT, COST, BENEFIT, SATISFACTION), tables: ['indicators:4'] },
    {
      name: 'an indicator library’s hint in the name, with the target in its own column; XXL in a word',
      rows: form(
        GOAL,
        ['产出指标', '数量指标', '种植作物成活率(≥**%)', '≥90', '%', 40],
        ['产出指标', '质量指标', 'XXL型护栏安装合格率', '100', '%', 60],
      ),
      tables: ['indicators:2'],
    },
    {
      name: 'a template’s “……” row left empty in an amount table',
      rows: amounts(['……', '……', null, null, null]),
      tables: ['amounts'],
    },
  ],
  invalid: [
    {
      name: 'a “……” row that holds amounts (outside every sum)',
      rows: amounts(['……', '……', 3, 3, 0]),
      tables: ['amounts'],
      errors: [{ cell: 'B6', messageId: 'ellipsis-row', related: ['C6'] }],
    },
    {
      name: '≥XX% and 某某村',
      rows: form(
        GOAL,
        ['产出指标', '数量指标', '某某村道路养护', '≥120', '公里', 40],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥XX%', null, 60],
      ),
      tables: ['indicators:2'],
      errors: [
        { cell: 'C4', messageId: 'placeholder' },
        { cell: 'D5', messageId: 'placeholder' },
      ],
    },
    {
      name: '*** for a number, 待填 for a unit, ×× in a name',
      rows: form(
        GOAL,
        ['产出指标', '数量指标', '养护里程', '≥***', '待填', 40],
        ['产出指标', '质量指标', '××路段合格率', '≥95', '%', 60],
      ),
      tables: ['indicators:2'],
      errors: [
        { cell: 'D4', messageId: 'placeholder' },
        { cell: 'E4', messageId: 'placeholder' },
        { cell: 'C5', messageId: 'placeholder' },
      ],
    },
  ],
});

ruleTester(rule('value/instruction'), {
  valid: [
    { name: 'a form filled in', rows: form(GOAL, OUTPUT, COST, BENEFIT, SATISFACTION), tables: ['indicators:4'] },
    {
      name: 'words that look like instructions inside real content',
      rows: form('按时完成养护任务，填补养护空白路段', OUTPUT, [
        '效益指标',
        '社会效益指标',
        '养护情况说明',
        '按规定公开',
        null,
        60,
      ]),
      tables: ['indicators:2'],
    },
  ],
  invalid: [
    {
      name: 'the 年度目标 instruction left in place',
      rows: form('（填写本年度项目预期达到的产出和效果）', OUTPUT, COST, BENEFIT, SATISFACTION),
      tables: ['indicators:4'],
      errors: [{ cell: 'B2', messageId: 'target' }],
    },
    {
      name: '请说明… for a value and 按…填报 for a name',
      rows: form(
        GOAL,
        ['产出指标', '数量指标', '按项目实际情况填报', '≥120', '公里', 40],
        ['效益指标', '社会效益指标', '通行条件改善', '请说明改善程度', null, 60],
      ),
      tables: ['indicators:2'],
      errors: [
        { cell: 'C4', messageId: 'indicator' },
        { cell: 'D5', messageId: 'indicator' },
      ],
    },
  ],
});

ruleTester(rule('value/junk'), {
  valid: [
    { name: 'a form filled in', rows: form(GOAL, OUTPUT, COST, BENEFIT, SATISFACTION), tables: ['indicators:4'] },
    {
      name: 'a "/" in the unit column means no unit',
      rows: form(GOAL, OUTPUT, ['效益指标', '社会效益指标', '通行条件改善', '明显改善', '/', 60]),
      tables: ['indicators:2'],
    },
  ],
  invalid: [
    {
      name: 'a value of "-" and a name of "___"',
      rows: form(
        GOAL,
        ['产出指标', '数量指标', '养护里程', '-', '公里', 40],
        ['效益指标', '社会效益指标', '___', '明显改善', null, 60],
      ),
      tables: ['indicators:2'],
      errors: [
        { cell: 'D4', messageId: 'junk' },
        { cell: 'C5', messageId: 'junk' },
      ],
    },
    {
      name: 'a value of "*" and of "/"',
      rows: form(
        GOAL,
        ['产出指标', '数量指标', '养护里程', '*', '公里', 40],
        ['效益指标', '社会效益指标', '通行条件改善', '/', null, 60],
      ),
      tables: ['indicators:2'],
      errors: [
        { cell: 'D4', messageId: 'junk' },
        { cell: 'D5', messageId: 'junk' },
      ],
    },
  ],
});

ruleTester(rule('value/vague-target'), {
  valid: [
    {
      name: 'a graded 定性 target with no unit',
      rows: form(GOAL, OUTPUT, BENEFIT, ['效益指标', '可持续影响指标', '影响程度', '效果明显', null, 30]),
      tables: ['indicators:3'],
    },
    {
      name: 'a number with the vague word',
      rows: form(GOAL, OUTPUT, ['效益指标', '社会效益指标', '通行时间缩短', '提高20', '%', 60]),
      tables: ['indicators:2'],
    },
  ],
  invalid: [
    {
      name: '明显提高 with a unit of %',
      rows: form(GOAL, OUTPUT, ['效益指标', '社会效益指标', '路面完好率', '明显提高', '%', 60]),
      tables: ['indicators:2'],
      errors: [{ cell: 'D5', messageId: 'vague' }],
    },
    {
      name: '进一步加强 under 数量指标',
      rows: form(GOAL, ['产出指标', '数量指标', '巡查频次', '进一步加强', null, 40], BENEFIT),
      tables: ['indicators:2'],
      errors: [{ cell: 'D4', messageId: 'vague' }],
    },
  ],
});

ruleTester(rule('value/satisfaction-full'), {
  valid: [
    { name: '≥90%', rows: form(GOAL, OUTPUT, SATISFACTION), tables: ['indicators:2'] },
    {
      name: 'a 100 % that is not a satisfaction target',
      rows: form(GOAL, OUTPUT, ['产出指标', '质量指标', '验收合格率', '100', '%', 60]),
      tables: ['indicators:2'],
    },
  ],
  invalid: [
    {
      name: '≥100%',
      rows: form(GOAL, OUTPUT, ['满意度指标', '服务对象满意度指标', '群众满意度', '≥100', '%', 60]),
      tables: ['indicators:2'],
      errors: [{ cell: 'D5', messageId: 'full' }],
    },
    {
      name: '100% in one cell',
      rows: form(GOAL, OUTPUT, ['满意度指标', '服务对象满意度指标', '群众满意度', '100%', null, 60]),
      tables: ['indicators:2'],
      errors: [{ cell: 'D5', messageId: 'full' }],
    },
  ],
});

ruleTester(rule('direction/cost-comparator'), {
  valid: [
    {
      name: '社会成本 and 生态环境成本 with no ceiling',
      rows: form(
        GOAL,
        OUTPUT,
        COST,
        ['成本指标', '社会成本指标', '施工影响通行时长', '30', '天', 10],
        ['成本指标', '生态环境成本指标', '绿化恢复面积', '≥500', '平方米', 10],
      ),
      tables: ['indicators:4'],
    },
    { name: '经济成本 with ≤', rows: form(GOAL, OUTPUT, COST), tables: ['indicators:2'] },
  ],
  invalid: [
    {
      name: '经济成本 with ≥',
      rows: form(GOAL, OUTPUT, ['成本指标', '经济成本指标', '养护成本', '≥300', '万元', 20]),
      tables: ['indicators:2'],
      errors: [{ cell: 'D5', messageId: 'greater-than' }],
    },
    {
      name: '经济成本 with no sign, beside a 社会成本 that needs none',
      rows: form(
        GOAL,
        OUTPUT,
        ['成本指标', '经济成本指标', '养护成本', '300', '万元', 20],
        ['成本指标', '社会成本指标', '施工影响通行时长', '30', '天', 10],
      ),
      tables: ['indicators:3'],
      errors: [{ cell: 'D5', messageId: 'no-comparator' }],
    },
    {
      name: 'a 社会成本 measured in money is still a ceiling',
      rows: form(GOAL, OUTPUT, ['成本指标', '社会成本指标', '群众误工补偿', '≥5', '万元', 10]),
      tables: ['indicators:2'],
      errors: [{ cell: 'D5', messageId: 'greater-than' }],
    },
  ],
});
