/** Budget-table layouts from national templates (cases from the code review), each correct and with a planted defect. */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf, where } from './helpers';

const sums = (rows: CellInput[][], merges: string[] = []) =>
  where(
    check(gridOf(rows, { sheet: 'T', merges })).findings.filter(
      (f) => f.ruleId.startsWith('sum/') || f.ruleId.startsWith('structure/'),
    ),
  );

test('部门支出总表 with 上缴上级支出 | 事业单位经营支出 | 对附属单位补助支出: 合计 includes them', () => {
  const rows = (operating: number): CellInput[][] => [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '上缴上级支出', '事业单位经营支出', '对附属单位补助支出'],
    ['合计', null, 120, 60, 40, null, 20, null],
    ['201', '一般公共服务支出', 120, 60, 40, null, operating, null],
  ];
  expect(sums(rows(20))).toEqual([]);
  expect(sums(rows(25)).sort()).toEqual(['sum/hierarchy T!G2', 'sum/row-total T!C3']);
});

test('a column the checker does not know: the row identity is not asserted, and its numbers are said to be unchecked', () => {
  const rows: CellInput[][] = [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出', '特殊调剂'],
    ['合计', null, 120, 60, 40, 20],
    ['201', '一般公共服务支出', 120, 60, 40, 20],
  ];
  expect(sums(rows)).toEqual(['structure/unrecognized T!F1']);
});

test('基本支出 as a group header over 人员经费 | 公用经费: 合计 = 人员 + 公用 + 项目', () => {
  const rows = (project: number): CellInput[][] => [
    ['科目编码', '科目名称', '合计', '基本支出', null, '项目支出'],
    [null, null, null, '人员经费', '公用经费', null],
    ['合计', null, 100, 50, 10, 40],
    ['201', '一般公共服务支出', 100, 50, 10, project],
  ];
  const merges = ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:F2'];
  expect(sums(rows(40), merges)).toEqual([]);
  expect(sums(rows(45), merges).sort()).toEqual(['sum/hierarchy T!F3', 'sum/row-total T!C4']);
});

test('a budget table whose header repeats at a page break is one table', () => {
  const rows = (page2: number): CellInput[][] => [
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['合计', null, 100, 60, 40],
    ['201', '一般公共服务支出', 70, 50, 20],
    ['2010301', '行政运行', 50, 50, null],
    ['2010350', '事业运行', 20, null, 20],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['208', '社会保障和就业支出', page2, 10, page2 - 10],
    ['2080505', '机关事业单位基本养老保险缴费支出', page2, 10, page2 - 10],
  ];
  const report = check(gridOf(rows(30), { sheet: 'T' }));
  expect(report.tables).toHaveLength(1);
  expect(report.findings).toEqual([]);
  expect(sums(rows(31)).sort()).toEqual(['sum/hierarchy T!C2', 'sum/hierarchy T!E2']);
});

test('cached =SUM results with binary float noise add up exactly', () => {
  const rows: CellInput[][] = [
    ['科目编码', '科目名称', '合计'],
    ['合计', null, 0.1 + 0.2],
    ['201', 'a', 0.1],
    ['202', 'b', 0.2],
  ];
  expect(0.1 + 0.2).not.toBe(0.3);
  expect(sums(rows)).toEqual([]);
});

test('a form row "项目名称 | X | 预算金额 | 10" is not a table header: the project keeps its name and budget', () => {
  const rows: CellInput[][] = [
    ['项目支出绩效目标表'],
    ['项目名称', '运行经费', '预算金额', 10],
    ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ['产出指标', '数量指标', '培训人数', '≥100人', 90],
  ];
  const report = check(gridOf(rows, { sheet: 'T' }));
  expect(report.tables.map((t) => t.kind)).toEqual(['indicators']);
  expect(report.tables[0]!.projects).toEqual([
    { name: '运行经费', budget: '10.00', indicators: 1, weightTotal: '90', rows: '4:4' },
  ]);
});

test('grids with missing rows, holes and odd values do not throw', () => {
  // Holes on purpose: sparse rows are what some writers hand the reader.
  /* eslint-disable no-sparse-arrays */
  const odd = [
    [null],
    [undefined],
    [[1, , 2]],
    [, ['合计']],
    [
      ['科目编码', '科目名称', '合计'],
      [, ,],
    ],
  ] as unknown as CellInput[][][];
  /* eslint-enable no-sparse-arrays */
  for (const cells of odd) expect(() => check(gridOf(cells))).not.toThrow();
});
