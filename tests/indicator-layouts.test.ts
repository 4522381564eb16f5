/** Indicator-table layouts from other provinces (cases from the code review): correct ones pass, planted defects are found. */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf, where } from './helpers';

const findings = (grids: { name: string; rows: CellInput[][]; merges?: string[] }[], config = {}) =>
  where(
    check(
      grids.map((g) => gridOf(g.rows, { sheet: g.name, merges: g.merges })),
      { config },
    ).findings.filter((f) => /^(sum|weight)\//.test(f.ruleId)),
  ).sort();

const indicators = (w: [number, number, number]): CellInput[][] => [
  ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
  ['产出指标', '数量指标', '培训人数', '≥100人', w[0]],
  ['效益指标', '社会效益指标', '能力提升', '显著', w[1]],
  ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', w[2]],
];

test('财政部 项目支出绩效自评表: 总分 in column A, 资金 rows with 当年财政拨款 / 上年结转资金', () => {
  const rows = (total: number): CellInput[][] => [
    ['项目支出绩效自评表'],
    ['项目名称', '办公楼维修'],
    ['项目资金（万元）', null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', 100, 100, 95, 10, '95%', 9.5],
    [null, '其中：当年财政拨款', 80, 80, 76, null, null, null],
    [null, '上年结转资金', 20, 20, 19, null, null, null],
    [null, '其他资金', 0, 0, 0, null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分'],
    [null, '产出指标', '数量指标', '维修面积', '≥1000平方米', '1000平方米', 30, 30],
    [null, '成本指标', '经济成本指标', '维修成本', '≤100万元', '95万元', 20, 20],
    [null, '效益指标', '社会效益指标', '办公条件改善', '显著', '显著', 30, 28],
    [null, '满意度指标', '服务对象满意度指标', '职工满意度', '≥90%', '95%', 10, 10],
    ['总分', null, null, null, null, null, total, 97.5],
  ];
  expect(findings([{ name: 'T', rows: rows(100), merges: ['A3:A7', 'A8:A12'] }])).toEqual([]);
  expect(findings([{ name: 'T', rows: rows(95), merges: ['A3:A7', 'A8:A12'] }])).toEqual(['weight/sum T!G13']);
});

test('a flat export that repeats the project name and budget on every indicator row', () => {
  const rows = (w: number): CellInput[][] => [
    ['单位名称', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ['X局', '项目A', 10, '产出指标', '数量指标', '培训人数', '≥100人', 50],
    ['X局', '项目A', 10, '效益指标', '社会效益指标', '能力提升', '显著', 30],
    ['X局', '项目A', 10, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', w],
    ['X局', '项目B', 5, '产出指标', '数量指标', '检查次数', '≥4次', 60],
    ['X局', '项目B', 5, '满意度指标', '服务对象满意度指标', '满意度', '≥90%', 40],
  ];
  expect(findings([{ name: 'T', rows: rows(20) }])).toEqual([]);
  expect(findings([{ name: 'T', rows: rows(25) }])).toEqual(['weight/sum T!H2']);
});

test('a tree layout with a 序号 column: 一级/二级 rows carry their scores, 合计 in the 序号 column', () => {
  const rows = (quantity: number): CellInput[][] => [
    ['项目名称', '项目A', null, '资金总额', 10],
    ['序号', '一级指标', '二级指标', '三级指标', '指标值', '分值'],
    ['一', '产出指标', null, null, null, 50],
    ['1', null, '数量指标', null, null, 30],
    ['(1)', null, null, '培训人数', '≥100人', quantity],
    ['2', null, '质量指标', null, null, 20],
    ['(1)', null, null, '合格率', '≥95%', 20],
    ['二', '效益指标', null, null, null, 30],
    ['(1)', null, '社会效益指标', '能力提升', '显著', 30],
    ['三', '满意度指标', null, null, null, 20],
    ['(1)', null, '服务对象满意度指标', '满意度', '≥90%', 20],
    ['合计', null, null, null, null, 100],
  ];
  expect(findings([{ name: 'T', rows: rows(30) }])).toEqual([]);
  expect(findings([{ name: 'T', rows: rows(25) }])).toEqual([
    'weight/level-score T!F3',
    'weight/level-score T!F4',
    'weight/sum T!F12',
    'weight/sum T!F12',
  ]);
});

test('scores in their own columns: 一级指标分值 and 三级指标权重', () => {
  const rows = (output: number): CellInput[][] => [
    ['一级指标', '一级指标分值', '二级指标', '三级指标', '指标值', '三级指标权重'],
    ['产出指标', output, '数量指标', '培训人数', '≥100人', 30],
    [null, null, '质量指标', '合格率', '≥95%', 20],
    ['效益指标', 30, '社会效益指标', '能力提升', '显著', 30],
    ['满意度指标', 20, '服务对象满意度指标', '满意度', '≥90%', 20],
  ];
  expect(findings([{ name: 'T', rows: rows(50), merges: ['A2:A3', 'B2:B3'] }])).toEqual([]);
  expect(findings([{ name: 'T', rows: rows(60), merges: ['A2:A3', 'B2:B3'] }])).toEqual(['weight/level-score T!B2']);
});

test('weights as percentages: "50%" text, or 0.5 shown with a percent format', () => {
  const text = indicators([50, 30, 20]).map((r, i) => (i === 0 ? r : [...r.slice(0, 4), `${r[4] as number}%`]));
  expect(findings([{ name: 'T', rows: text }])).toEqual([]);
  const fractions = indicators([50, 30, 20]).map((r, i) => (i === 0 ? r : [...r.slice(0, 4), (r[4] as number) / 100]));
  const grid = gridOf(fractions, { sheet: 'T' });
  grid.numberFormats = fractions.map((r, i) => (i === 0 ? [] : [null, null, null, null, '0%']));
  const weightFindings = () => where(check(grid).findings.filter((f) => f.ruleId.startsWith('weight/')));
  expect(weightFindings()).toEqual([]);
  grid.numberFormats = [];
  expect(weightFindings()).toEqual(['weight/sum T!E2']);
});

test('a target stored as a fraction under a percent format is read as the percentage it shows (2.92 → 292%)', () => {
  const rows: CellInput[][] = [
    ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ['产出指标', '质量指标', '验收合格率', 0.92, 50],
    ['产出指标', '质量指标', '设备完好率', 2.92, 50],
  ];
  const grid = gridOf(rows, { sheet: 'T' });
  grid.numberFormats = [[], [null, null, null, '0%'], [null, null, null, '0%']];
  expect(where(check(grid).findings.filter((f) => f.ruleId === 'value/rate-range'))).toEqual(['value/rate-range T!D3']);
});

test('a 预算执行率 target in the form is not its weight; a split with a source the checker does not know is not asserted', () => {
  const rows: CellInput[][] = [
    ['项目名称', '项目A'],
    ['资金总额', 100, '财政资金', 80, '上年结余调剂资金', 20],
    ['预算执行率(%)', 100],
    ...indicators([50, 30, 20]),
  ];
  expect(findings([{ name: 'T', rows }])).toEqual([]);
});

test('projects filed by two sub-units of the department add up together to its 项目支出', () => {
  const department: CellInput[][] = [
    ['部门整体支出绩效目标表'],
    ['部门名称', 'X局'],
    ['资金总额', 30, '基本支出', 10, '项目支出', 20],
    ...indicators([50, 30, 10]),
  ];
  const project = (unit: string, name: string, budget: number): CellInput[][] => [
    ['项目支出绩效目标表'],
    ['项目名称', name, '实施单位', unit],
    ['资金总额', budget],
    ...indicators([50, 30, 10]),
  ];
  const grids = (second: number) => [
    { name: '部门整体', rows: department },
    { name: '项目1', rows: project('X局机关', '运行经费', 10) },
    { name: '项目2', rows: project('X局事务中心', '运行经费', second) },
  ];
  expect(findings(grids(10))).toEqual([]);
  expect(findings(grids(12))).toEqual(['sum/projects-total 部门整体!F3']);
});

test('a flat list whose budget header says （元） against a 部门整体 table in 万元', () => {
  const department: CellInput[][] = [
    ['单位：万元'],
    ['部门名称', 'X局'],
    ['资金总额', 15, '基本支出', 0, '项目支出', 15],
    ...indicators([50, 30, 10]),
  ];
  const flat = (b: number): CellInput[][] => [
    ['单位名称', '项目名称', '预算数（元）', '一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ['X局', '项目A', 100000, '产出指标', '数量指标', '培训人数', '≥100人', 90],
    ['X局', '项目B', b, '产出指标', '数量指标', '检查次数', '≥4次', 90],
  ];
  expect(
    findings([
      { name: '部门整体', rows: department },
      { name: '项目', rows: flat(50000) },
    ]),
  ).toEqual([]);
  const wrong = check([
    gridOf(department, { sheet: '部门整体' }),
    gridOf(flat(60000), { sheet: '项目' }),
  ]).findings.filter((f) => f.ruleId === 'sum/projects-total');
  expect(wrong.map((f) => [f.cell, f.data.total, f.data.sum])).toEqual([['F3', '150000.00', '160000.00']]);
});
