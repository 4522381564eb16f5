/**
 * Workbooks whose merged cells were split with their text filled into every cell (WPS “拆分并填充”, pandas
 * exports): a group header repeated over its columns, a project's name and budget on every row, a 合计 or
 * signature line and a 说明 paragraph repeated across the row. They are read as the merged originals are.
 */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf } from './helpers';

const where = (findings: { ruleId: string; cell: string }[]) => findings.map((f) => `${f.ruleId} ${f.cell}`);

test('a flat list with its project columns, group header, 合计 and signature lines filled', () => {
  const project = (budget: number, sources: [number, number, number]): CellInput[] => ['道路养护', budget, ...sources];
  const sign = '填报单位：某镇人民政府　　2024年3月1日';
  const rows: CellInput[][] = [
    ['项目名称', '项目预算', '资金来源', '资金来源', '资金来源', '一级指标', '二级指标', '三级指标', '指标值', '权重'],
    [
      '项目名称',
      '项目预算',
      '本级财政资金',
      '上级补助资金',
      '其他资金',
      '一级指标',
      '二级指标',
      '三级指标',
      '指标值',
      '权重',
    ],
    [...project(100, [80, 10, 0]), '产出指标', '数量指标', '养护里程', '≥120公里', 40],
    [...project(100, [80, 10, 0]), '成本指标', '经济成本指标', '养护成本', '≤100万元', 20],
    [...project(100, [80, 10, 0]), '效益指标', '社会效益指标', '通行条件', '明显改善', 20],
    [...project(100, [80, 10, 0]), '满意度指标', '服务对象满意度指标', '群众满意度', '≥90%', 10],
    [...project(100, [80, 10, 0]), '预算执行率', '预算执行率', '预算执行率', '预算执行率', 10],
    [...project(100, [80, 10, 0]), '权重合计', '权重合计', '权重合计', '权重合计', 100],
    Array<CellInput>(10).fill(sign),
  ];
  const findings = check(gridOf(rows)).findings.filter((f) => f.severity !== 'info');
  // The sources are read under 资金来源 (100 ≠ 80 + 10 + 0), the weights add up (90 + 预算执行率 10), the 合计 is
  // no indicator and the signature no row of the table.
  expect(where(findings)).toEqual(['sum/form-split B3']);
});

test('a 说明 paragraph filled across the columns of the 三公 table above it: prose, read once', () => {
  const paragraph =
    '2024年“三公”经费预算328.7万元，其中：因公出国（境）费10万元，公务接待费240万元，公务用车购置及运行费88.7万元。';
  const rows: CellInput[][] = [
    ['2024年一般公共预算“三公”经费支出预算表', null, null, null, null, '单位：万元'],
    [
      '“三公”经费合计',
      '因公出国(境)费',
      '公务用车购置及运行费',
      '公务用车购置及运行费',
      '公务用车购置及运行费',
      '公务接待费',
    ],
    ['“三公”经费合计', '因公出国(境)费', '小计', '公务用车购置费', '公务用车运行费', '公务接待费'],
    [328.7, 10, 78.7, 43, 35.7, 240],
    Array<CellInput>(6).fill(paragraph),
  ];
  const findings = check(gridOf(rows)).findings.filter((f) => f.severity !== 'info');
  // 10 + 240 + 88.7 = 338.7 ≠ 328.7, once; and the text's 88.7 against the table's 78.7, once.
  expect(where(findings)).toEqual(['text/parts A5', 'text/table A5']);
});
