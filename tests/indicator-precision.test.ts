/**
 * Precision: correct rows as finance staff really write them get no finding; the defects a second
 * review found missing are caught. (Cases from the review of the indicator rules.)
 */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf, where } from './helpers';

type Row = [string, string, string, CellInput, string, number];

/** A correct project; the row under test replaces the one of the same 二级 (or is added). */
const BASE: Row[] = [
  ['产出指标', '数量指标', '培训人数', '≥200', '人次', 20],
  ['', '质量指标', '培训合格率', '≥95', '%', 10],
  ['', '时效指标', '完成时间', '≤12', '月', 10],
  ['成本指标', '经济成本指标', '项目成本', '≤100', '万元', 10],
  ['效益指标', '社会效益指标', '群众知晓率', '≥90', '%', 30],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90', '%', 20],
];

function findings(row: Row, target = '2023年完成项目建设'): string[] {
  // Replace the row with the same 二级, else the one with the same (written) 一级, else the first.
  let index = BASE.findIndex((r) => r[1] === row[1]);
  if (index < 0) index = BASE.findIndex((r) => r[0] !== '' && r[0] === row[0]);
  const rows = BASE.map((r, i) => (i === Math.max(index, 0) ? row : r));
  const cells: CellInput[][] = [
    ['2023年项目支出绩效目标表'],
    ['项目名称', '测试项目'],
    ['资金总额（万元）', 100],
    ['年度目标', target],
    ['一级指标', '二级指标', '三级指标', '指标值', '度量单位', '权重'],
    ...rows,
  ];
  return where(check(gridOf(cells, { sheet: 'S' })).findings).filter((f) => !f.startsWith('weight/'));
}

test.each<Row>([
  ['产出指标', '数量指标', '补助资金发放户数', '≥500', '户', 20],
  ['产出指标', '数量指标', '专项资金支持企业数', '≥20', '家', 20],
  ['产出指标', '数量指标', '工资发放人数', '=35', '人', 20],
  ['', '质量指标', '县级配套资金比例', '≥20', '%', 10],
  ['', '时效指标', '资金支付进度', '≥90', '%', 10],
  ['', '时效指标', '资金拨付', '≤6', '月', 10],
  ['成本指标', '社会成本指标', '群众投诉', '≤2', '起', 10],
  ['成本指标', '生态环境成本指标', '占用耕地面积', '=0', '亩', 10],
  ['产出指标', '数量指标', '培训人数', '≧200', '人次', 20],
  ['成本指标', '经济成本指标', '项目成本', '≦100', '万元', 10],
  ['成本指标', '经济成本指标', '项目成本', '100万元以内', '', 10],
  ['成本指标', '经济成本指标', '项目成本', '控制在100万元以内', '', 10],
  ['产出指标', '数量指标', '培训人数', '200以上', '人次', 20],
  ['', '时效指标', '完成时间', '2023年12月底前', '', 10],
  ['', '时效指标', '完成时间', '2023年12月31日之前完成', '', 10],
  ['', '时效指标', '完成时间', '次年3月底前', '', 10],
  ['', '时效指标', '完成时间', '2023-12-31', '', 10],
  ['成本指标', '经济成本指标', '项目成本', '≤预算', '', 10],
  ['成本指标', '经济成本指标', '"三公"经费', '≤上年', '', 10],
  ['', '质量指标', '工程质量', '不低于国家标准', '', 10],
  ['效益指标', '社会效益指标', '群众知晓率', '95%-100%', '', 30],
  ['效益指标', '生态效益指标', '出水pH值', '6-9', '', 30],
  ['产出指标', '数量指标', '脱贫人口人数占比', '≥30', '%', 20],
  ['', '质量指标', '验收合格率', '≥95%', '百分比', 10],
  ['产出指标', '数量指标', '督查次数', '≥2次/年', '次', 20],
  ['成本指标', '经济成本指标', '应急响应服务费', '≤5', '万元', 10],
  ['效益指标', '经济效益指标', '农民收入较上年增长', '≥110', '%', 30],
  ['产出指标', '数量指标', '培训人数（人次）', '≥200', '', 20],
  ['成本指标', '经济成本指标', '项目成本', '≤100', '万元人民币', 10],
  ['满意度指标', '服务对象满意度指标', '群众不满意率', '≤10', '%', 20],
])('correct: %s %s %s %s %s', (...row) => {
  expect(findings(row)).toEqual([]);
});

test.each([
  ['通过项目实施，全县农民人均收入较2022年增长10%'],
  ['完成2022年结转项目建设，支付工程尾款'],
  ['2022年至2024年完成全县农村公路提质改造200公里'],
])('a target that mentions an earlier year on purpose: %s', (target) => {
  expect(findings(BASE[0]!, target)).toEqual([]);
});

test.each<[Row, string]>([
  [['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥665', '', 20], 'value/rate-range S!D11'],
  [['', '质量指标', '验收合格率', '=200', '', 10], 'value/rate-range S!D7'],
  [['', '时效指标', '完成时间', '2022年12月31日前', '', 10], 'text/year S!D8'],
  [['满意度指标', '服务对象满意度指标', '服务对象满意度', '≤90', '%', 20], 'direction/inconsistent S!D11'],
  [['产出指标', '数量指标', '培训人数', '较多', '', 20], 'value/incomplete S!D6'],
])('a defect that must be found: %j', (row, expected) => {
  expect(findings(row)).toContain(expected);
});

test('the comparator column and the value contradict each other', () => {
  const cells: CellInput[][] = [
    ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '权重'],
    ['成本指标', '经济成本指标', '项目成本', '≥', '≤100', '万元', 10],
  ];
  expect(where(check(gridOf(cells, { sheet: 'S' })).findings)).toContain('direction/inconsistent S!D2');
});
