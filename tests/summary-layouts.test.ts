/**
 * 收支总表 and other label-numbered tables as national templates and other provinces write them
 * (cases from the code review): running totals, 其中 lines, 小计 rows, totals above or below their
 * lines, numbering 一、(一) 1. (1), codes written inside the name cell, 类 | 款 | 项 with parents left blank.
 * Each correct table gets no finding; each planted defect is found at its cell.
 */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf, where } from './helpers';

const sums = (rows: CellInput[][]) =>
  where(check(gridOf(rows, { sheet: 'T' })).findings.filter((f) => f.ruleId.startsWith('sum/')));

const nationalSummary = (incomeTotal: number): CellInput[][] => [
  ['部门收支总表'],
  ['单位：万元'],
  ['收入', null, '支出', null],
  ['项目', '预算数', '项目', '预算数'],
  ['一、一般公共预算拨款收入', 90, '一、一般公共服务支出', 80],
  ['二、政府性基金预算拨款收入', 0, '二、社会保障和就业支出', 15],
  ['三、事业收入', 10, '三、卫生健康支出', 5],
  [null, null, '四、住房保障支出', 10],
  ['本年收入合计', 100, '本年支出合计', 110],
  ['上年结转', 10, '结转下年', 0],
  ['收入总计', incomeTotal, '支出总计', 110],
];

test('national 部门收支总表: 本年收入合计 + 上年结转 = 收入总计 = 支出总计', () => {
  expect(sums(nationalSummary(110))).toEqual([]);
  expect(sums(nationalSummary(111)).sort()).toEqual(['sum/balance T!B11', 'sum/hierarchy T!B11']);
});

test('"其中" lines are part of their line, not all of it: only more than the line is wrong', () => {
  const rows = (ofWhich: number): CellInput[][] => [
    ['收入项目', '预算数', '支出项目', '预算数'],
    ['一、一般公共预算拨款', 100, '一、基本支出', 60],
    ['  其中：专项收入', ofWhich, '  其中：人员经费', 50],
    ['二、政府性基金预算拨款', 0, '二、项目支出', 40],
    ['收入合计', 100, '支出合计', 100],
  ];
  expect(sums(rows(20))).toEqual([]);
  expect(sums(rows(120))).toEqual(['sum/hierarchy T!B2']);
});

test('小计 rows: each adds the lines since the previous one, 合计 adds the 小计s, whether 合计 is first or last', () => {
  const last = (subtotal: number): CellInput[][] => [
    ['项目名称', '合计', '一般公共预算'],
    ['项目A', 10, 10],
    ['项目B', 20, 20],
    ['小计', subtotal, subtotal],
    ['项目C', 5, 5],
    ['小计', 5, 5],
    ['合计', 35, 35],
  ];
  expect(sums(last(30))).toEqual([]);
  expect(sums(last(31)).sort()).toEqual([
    'sum/hierarchy T!B4',
    'sum/hierarchy T!B7',
    'sum/hierarchy T!C4',
    'sum/hierarchy T!C7',
  ]);
  const first: CellInput[][] = [
    ['单位名称', '项目名称', '合计', '一般公共预算'],
    ['合计', null, 35, 35],
    ['X局本级', '项目A', 10, 10],
    [null, '项目B', 20, 20],
    [null, '小计', 30, 30],
    ['X中心', '项目C', 5, 5],
    [null, '小计', 5, 5],
  ];
  expect(sums(first)).toEqual([]);
});

test('a vertical 收支总表: each block’s 合计 adds its own lines', () => {
  const rows = (expense: number): CellInput[][] => [
    ['项目', '预算数'],
    ['一、一般公共预算拨款收入', 90],
    ['二、事业收入', 10],
    ['收入合计', 100],
    ['一、一般公共服务支出', 70],
    ['二、社会保障和就业支出', expense],
    ['支出合计', 100],
  ];
  expect(sums(rows(30))).toEqual([]);
  expect(sums(rows(20))).toEqual(['sum/hierarchy T!B7']);
});

test('a vertical 三公 table numbered 1. 2. 3. with (1) (2) under 公务用车', () => {
  const rows = (reception: number): CellInput[][] => [
    ['项目', '2023年预算数'],
    ['合计', 6],
    ['1.因公出国(境)费', 0],
    ['2.公务接待费', reception],
    ['3.公务用车购置及运行费', 5],
    ['(1)公务用车购置费', 0],
    ['(2)公务用车运行费', 5],
  ];
  expect(sums(rows(1))).toEqual([]);
  expect(sums(rows(2))).toEqual(['sum/hierarchy T!B2']);
});

test('codes written inside the name cell, under 科目名称 or 功能分类科目', () => {
  const rows = (header: string, leaf: number): CellInput[][] => [
    [header, '合计', '基本支出', '项目支出'],
    ['合计', 100, 60, 40],
    ['201 一般公共服务支出', 100, 60, 40],
    ['  20103 政府办公厅(室)及相关机构事务', 100, 60, 40],
    ['    2010301 行政运行', 60, 60, null],
    ['    2010350事业运行', leaf, null, leaf],
  ];
  expect(sums(rows('科目名称', 40))).toEqual([]);
  expect(sums(rows('功能分类科目', 40))).toEqual([]);
  expect(sums(rows('功能分类科目', 41)).sort()).toEqual(['sum/hierarchy T!B4', 'sum/hierarchy T!D4']);
});

test('类 | 款 | 项 columns where child lines write only their own part', () => {
  const rows = (wage: number): CellInput[][] => [
    ['类', '款', '科目名称', '合计', '人员经费', '公用经费'],
    ['合计', null, null, 100, 70, 30],
    ['301', null, '工资福利支出', 70, 70, null],
    [null, '01', '基本工资', 40, 40, null],
    [null, '02', '津贴补贴', wage, wage, null],
    ['302', null, '商品和服务支出', 30, null, 30],
    [null, '01', '办公费', 30, null, 30],
  ];
  expect(sums(rows(30))).toEqual([]);
  expect(sums(rows(31)).sort()).toEqual(['sum/hierarchy T!D3', 'sum/hierarchy T!E3']);
});
