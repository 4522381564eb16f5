/**
 * structure/misplaced-name ('time-under-quantity', 'satisfaction-outside'), structure/unrecognized ('no-table') and
 * structure/required-levels (at the project's first 一级 cell, its name related), in the RuleTester shape
 * (tests/rule-tester.ts).
 */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES } from '../src/validation';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

/** A department table: 一级 | 二级 | 三级 | 指标解释 | 目标值, 一级 merged over its rows. */
function explainedTable(...rows: [string | null, string, string, string, string][]): CellInput[][] {
  return [
    ['部门整体支出绩效目标表'],
    ['部门名称', '市地方志研究室'],
    ['一级指标', '二级指标', '三级指标', '指标解释', '目标值'],
    ...rows,
  ];
}

/** The old 88号 layout: 一级 产出/效益 only, 满意度 as a 二级 under 效益. */
function oldFramework(satisfactionLevel2: string): CellInput[][] {
  return [
    ['项目名称', '道路洒水降尘'],
    ['本年度绩效指标'],
    ['一级指标', '二级指标', '三级指标', '指标值'],
    ['产出指标', '数量指标', '洒水作业里程', '≥5000公里'],
    [null, '成本指标', '服务费用', '≤80万元'],
    ['效益指标', '生态效益指标', '扬尘污染减少', '明显减少'],
    [null, satisfactionLevel2, '市民对空气质量改善的满意程度', '≥85%'],
  ];
}

/** A flat list: 项目名称 | 一级 | 二级 | 三级 | 计算符号 | 指标值 | 计量单位 | 权重. */
function flatList(projects: [string, [string, string, string, string, CellInput, string | null, number][]][]) {
  const rows: CellInput[][] = [
    ['项目名称', '一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位', '权重'],
  ];
  for (const [name, indicators] of projects) {
    indicators.forEach((indicator, i) => rows.push([i === 0 ? name : null, ...indicator]));
  }
  return rows;
}

ruleTester(rule('structure/misplaced-name'), {
  valid: [
    {
      name: 'a count of timely things under 数量指标, a change in satisfaction under 社会效益',
      rows: explainedTable(
        ['产出指标', '数量指标', '按时发放补贴人数', '全年按时发放人数', '≥500人'],
        [null, '时效指标', '资金的供应时效', '拨付到位时间', '≤30天'],
        ['效益指标', '社会效益指标', '社会满意度提升', '较上年提升', '≥2%'],
        ['满意度指标', '服务对象满意度指标', '读者满意度', '问卷调查', '≥90%'],
      ),
      merges: ['A4:A5'],
      tables: ['indicators:4'],
    },
    {
      name: 'the old 88号 layout: 满意度 as a 二级 under 效益 is where it belongs',
      rows: oldFramework('社会公众或服务对象满意度指标'),
      merges: ['A4:A5', 'A6:A7'],
      tables: ['indicators:4'],
    },
  ],
  invalid: [
    {
      name: 'a department table: “资金的供应时效” under 数量指标',
      rows: explainedTable(
        ['产出指标', '数量指标', '编纂志书数量', '全年出版', '≥2部'],
        [null, '数量指标', '资金的供应时效', '拨付到位时间', '≤30天'],
        ['效益指标', '社会效益指标', '史志资料利用', '查阅人次', '≥500人次'],
        ['满意度指标', '服务对象满意度指标', '读者满意度', '问卷调查', '≥90%'],
      ),
      merges: ['A4:A5'],
      tables: ['indicators:4'],
      errors: [{ cell: 'C5', messageId: 'time-under-quantity', related: ['B5'] }],
    },
    {
      name: 'the old 88号 layout: a satisfaction indicator filed under 社会效益指标',
      rows: oldFramework('社会效益指标'),
      merges: ['A4:A5', 'A6:A7'],
      tables: ['indicators:4'],
      errors: [{ cell: 'C7', messageId: 'satisfaction-outside', related: ['B7'] }],
    },
    {
      name: 'a flat list: 村民满意度 under 经济效益指标',
      rows: flatList([
        [
          '村庄保洁',
          [
            ['产出指标', '数量指标', '保洁村庄个数', '≥', 15, '个', 40],
            ['成本指标', '经济成本指标', '每村保洁成本', '≤', 3, '万元', 20],
            ['效益指标', '经济效益指标', '村民满意度', '≥', 90, '%', 30],
          ],
        ],
      ]),
      tables: ['indicators:3'],
      errors: [{ cell: 'D4', messageId: 'satisfaction-outside', related: ['C4'] }],
    },
  ],
});

ruleTester(rule('structure/unrecognized'), {
  valid: [
    {
      name: 'a budget table that claims every number',
      rows: [
        ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
        ['合计', null, 100, 60, 40],
        ['201', '一般公共服务支出', 100, 60, 40],
      ],
      tables: ['amounts'],
    },
    {
      name: 'a 情况说明 sheet: numbers only inside sentences',
      rows: [['2024年单位预算情况说明'], ['基本支出150万元，比上年增长5%；项目支出40万元。']],
      tables: [],
    },
  ],
  invalid: [
    {
      name: 'numbers under headers the checker does not know: the sheet was not checked',
      rows: [
        ['名称', '金额A', '金额B'],
        ['甲', 1, 2],
        ['乙', 3, 4],
      ],
      tables: [],
      errors: [{ cell: 'A1', messageId: 'no-table', related: ['C3'] }],
    },
    {
      name: 'a 政府采购 table under its title (采购品目 | 数量 | 单价 | 总价): the block, labels included',
      rows: [
        ['2024年政府采购预算表'],
        [],
        ['采购品目', '数量', '单价（元）', '总价（元）'],
        ['办公电脑', 10, 5000, 50000],
        ['打印机', 2, 1500, 3000],
      ],
      tables: [],
      errors: [{ cell: 'A3', messageId: 'no-table', related: ['D5'] }],
    },
  ],
});

/** A form: 项目名称 | name | 资金总额 | budget, then 一级 | 二级 | 三级 | 指标值 | 权重. */
function projectForm(...rows: [string | null, string, string, string, number][]): CellInput[][] {
  return [
    ['项目名称', '农村公路养护', '资金总额', '120万元'],
    ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ...rows,
  ];
}

ruleTester(rule('structure/required-levels'), {
  valid: [
    {
      name: 'a form with 产出, 成本, 效益 and 满意度',
      rows: projectForm(
        ['产出指标', '数量指标', '养护里程', '≥300公里', 40],
        ['成本指标', '经济成本指标', '每公里养护成本', '≤0.4万元', 10],
        ['效益指标', '社会效益指标', '通行条件', '明显改善', 30],
        ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', 10],
      ),
      tables: ['indicators:4'],
    },
    {
      name: 'a flat list of two complete projects; 成本 as a 二级 under 产出 (older templates) counts',
      rows: flatList([
        [
          '村庄保洁',
          [
            ['产出指标', '数量指标', '保洁村庄个数', '≥', 15, '个', 40],
            ['成本指标', '经济成本指标', '每村保洁成本', '≤', 3, '万元', 20],
            ['效益指标', '社会效益指标', '村容整洁率', '≥', 95, '%', 20],
            ['满意度指标', '服务对象满意度指标', '村民满意度', '≥', 90, '%', 10],
          ],
        ],
        [
          '道路养护',
          [
            ['产出指标', '数量指标', '养护里程', '≥', 20, '公里', 40],
            ['产出指标', '成本指标', '每公里养护成本', '≤', 1.5, '万元', 20],
            ['效益指标', '社会效益指标', '通行条件改善', '≥', 10, '%', 20],
            ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 90, '%', 10],
          ],
        ],
      ]),
      tables: ['indicators:8'],
    },
  ],
  invalid: [
    {
      name: 'a form with no 满意度: at the project’s first 一级 cell, its name related',
      rows: projectForm(
        ['产出指标', '数量指标', '养护里程', '≥300公里', 40],
        [null, '质量指标', '路面合格率', '≥95%', 20],
        ['成本指标', '经济成本指标', '每公里养护成本', '≤0.4万元', 10],
        ['效益指标', '社会效益指标', '通行条件', '明显改善', 30],
      ),
      merges: ['A3:A4'],
      tables: ['indicators:4'],
      errors: [{ cell: 'A3', messageId: 'missing', related: ['B1'] }],
    },
    {
      name: 'a flat list whose second project has no 成本指标: at that project’s first 一级 cell',
      rows: flatList([
        [
          '村庄保洁',
          [
            ['产出指标', '数量指标', '保洁村庄个数', '≥', 15, '个', 40],
            ['成本指标', '经济成本指标', '每村保洁成本', '≤', 3, '万元', 20],
            ['效益指标', '社会效益指标', '村容整洁率', '≥', 95, '%', 20],
            ['满意度指标', '服务对象满意度指标', '村民满意度', '≥', 90, '%', 10],
          ],
        ],
        [
          '道路养护',
          [
            ['产出指标', '数量指标', '养护里程', '≥', 20, '公里', 50],
            ['效益指标', '社会效益指标', '通行条件改善', '≥', 10, '%', 30],
            ['满意度指标', '服务对象满意度指标', '群众满意度', '≥', 90, '%', 10],
          ],
        ],
      ]),
      tables: ['indicators:7'],
      errors: [{ cell: 'B6', messageId: 'missing', related: ['A6'] }],
    },
    {
      name: 'a project with only 产出: three findings (成本, 效益, 满意度), all at its first 一级 cell',
      rows: projectForm(
        ['产出指标', '数量指标', '养护里程', '≥300公里', 50],
        [null, '质量指标', '路面合格率', '≥95%', 40],
      ),
      merges: ['A3:A4'],
      tables: ['indicators:2'],
      errors: [
        { cell: 'A3', messageId: 'missing' },
        { cell: 'A3', messageId: 'missing' },
        { cell: 'A3', messageId: 'missing' },
      ],
    },
  ],
});
