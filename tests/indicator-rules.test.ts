/**
 * Each indicator rule on a small table in other-province layouts: the comparator in its own column,
 * a 定量/定性 column, merged 一级/二级, 一级 names carrying their score. `invalid` rows must be found
 * (rule id and cell), `valid` rows must not be.
 */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf, where } from './helpers';

/** 一级 | 二级 | 三级 | 指标值类型 | 计算符号 | 指标值 | 计量单位 | 权重 | 指标方向性 */
type Row = [
  string | null,
  string | null,
  string,
  string | null,
  string | null,
  CellInput,
  string | null,
  number | null,
  string | null,
];

const HEADER: CellInput[] = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值类型',
  '计算符号',
  '指标值',
  '计量单位',
  '权重',
  '指标方向性',
];

/** A complete, correct project: every rule passes on it. */
const BASE: Row[] = [
  ['产出指标(40分)', '数量指标', '培训人次', '定量', '≥', 200, '人次', 20, '正向指标'],
  [null, '质量指标', '培训合格率', '定量', '≥', 95, '%', 10, '正向指标'],
  [null, '时效指标', '培训完成时间', '定量', '≤', 12, '月', 10, '反向指标'],
  ['成本指标(10分)', '经济成本指标', '人均培训成本', '定量', '≤', 500, '元/人', 10, '反向指标'],
  ['效益指标(30分)', '社会效益指标', '学员技能提升', '定性', '定性', '显著', null, 30, '正向指标'],
  ['满意度指标(10分)', '服务对象满意度指标', '学员满意度', '定量', '≥', 90, '%', 10, '正向指标'],
];

function findings(rows: Row[], options: { budget?: number; config?: object } = {}): string[] {
  const grid: CellInput[][] = [['项目名称', '职业技能培训', '资金总额（万元）', options.budget ?? 50], HEADER, ...rows];
  const report = check(gridOf(grid, { sheet: 'T', merges: ['A3:A5'] }), { config: options.config });
  return where(report.findings.filter((f) => !f.ruleId.startsWith('sum/') && !f.ruleId.startsWith('weight/')));
}

const replace = (index: number, row: Partial<Record<number, CellInput>>): Row[] =>
  BASE.map((r, i) => (i === index ? (r.map((cell, c) => (c in row ? row[c] : cell)) as Row) : r));

test('the base project passes every indicator rule', () => {
  expect(findings(BASE)).toEqual([]);
});

test.each([
  ['value/rate-range', replace(1, { 5: 120 }), 'F4'],
  ['value/rate-range', replace(5, { 5: -5 }), 'F8'],
  ['value/qualitative-mixed', replace(4, { 5: 80 }), 'F7'],
  ['value/qualitative-mixed', replace(4, { 6: '项' }), 'G7'],
  ['value/incomplete', replace(0, { 5: null }), 'F3'],
  ['value/incomplete', replace(0, { 4: null, 5: '天2' }), 'F3'],
  ['value/incomplete', replace(0, { 5: '较多' }), 'F3'],
  ['value/satisfaction-floor', replace(5, { 5: 70 }), 'F8'],
  ['unit/cost-unit', replace(3, { 6: '套' }), 'G6'],
  ['unit/count-percent', replace(0, { 6: '%', 5: 90 }), 'G3'],
  ['unit/mismatch', replace(3, { 5: '500万元' }), 'F6'],
  ['unit/missing', replace(0, { 6: null }), 'F3'],
  ['direction/cost-comparator', replace(3, { 4: '≥' }), 'E6'],
  ['direction/inconsistent', replace(2, { 9: undefined, 8: '正向指标' }), 'I5'],
  ['structure/level2-parent', replace(0, { 1: '社会效益指标' }), 'B3'],
  ['structure/misplaced-name', replace(2, { 2: '预算范围内控制' }), 'C5'],
  ['structure/nameless', replace(4, { 2: '' }), 'C7'],
])('%s: a failing row is found at %#', (rule, rows, cell) => {
  const found = findings(rows);
  expect(found).toContain(`${rule} T!${cell}`);
});

test('direction/cost-over-budget: a cost ceiling above the project budget', () => {
  expect(findings(replace(3, { 2: '项目总成本', 5: 60, 6: '万元' }), { budget: 50 })).toContain(
    'direction/cost-over-budget T!F6',
  );
  expect(findings(replace(3, { 2: '项目总成本', 5: 50, 6: '万元' }), { budget: 50 })).not.toContain(
    'direction/cost-over-budget T!F6',
  );
  // A price per person is compared too: even one person costing more than the whole budget is suspect.
  expect(findings(BASE, { budget: 1 })).toEqual([]);
  expect(findings(BASE, { budget: 0.01 })).toEqual(['direction/cost-over-budget T!F6']);
});

test('structure/required-levels and too-few: a project with only output indicators', () => {
  const found = findings(BASE.slice(0, 2));
  expect(found.filter((f) => f.startsWith('structure/required-levels'))).toHaveLength(3);
  expect(found).toContain('structure/too-few T!B1');
  expect(
    findings(BASE.slice(0, 2), { config: { profile: 'legacy' } }).filter((f) =>
      f.startsWith('structure/required-levels'),
    ),
  ).toHaveLength(2);
});

test('a reduction is no cost ceiling: "降低…成本 ≥ 15%" under 成本指标 and "三公经费同比减少率 ≥ 10%" pass', () => {
  expect(findings(replace(3, { 2: '降低群众办事成本', 4: '≥', 5: 15, 6: '%', 8: '正向指标' }))).toEqual([]);
  expect(findings(replace(3, { 2: '三公经费同比减少率', 4: '≥', 5: 10, 6: '%', 8: '正向指标' }))).toEqual([]);
});

test('a growth rate may exceed 100 %', () => {
  expect(findings(replace(1, { 2: '业务量同比增长率', 5: 150 }))).toEqual([]);
});

test('the satisfaction floor is an option', () => {
  const low = replace(5, { 5: 80 });
  expect(findings(low)).toEqual(['value/satisfaction-floor T!F8']);
  expect(findings(low, { config: { options: { satisfactionFloor: 75 } } })).toEqual([]);
});
