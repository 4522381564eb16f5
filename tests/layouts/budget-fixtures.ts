/**
 * Small made-up budget-disclosure sheets, one per layout feature (issue 14, and the layouts of the corpus README rebuilt
 * in the same shape with invented numbers). All arithmetic is right unless a comment says otherwise.
 */
import type { CellInput } from '../../scripts/examples/types';
import type { Fixture } from './indicator-fixtures';

/** 功能分类科目编码 merged above 类 | 款 | 项, 合计 on top, amounts in 元 with cents, zeros blank. */
export const classSectionItemTotalOnTop: Fixture = {
  sheet: '一般公共预算支出表',
  rows: [
    ['2025年一般公共预算支出预算表（按支出功能分类科目）'],
    ['单位：元'],
    ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出'],
    ['类', '款', '项', null, null, null, null],
    [null, null, null, '合计', 1500.5, 1000.25, 500.25],
    ['208', null, null, '社会保障和就业支出', 800.25, 800.25, null],
    ['208', '05', null, '行政事业单位养老支出', 800.25, 800.25, null],
    ['208', '05', '01', '行政单位离退休', 300, 300, null],
    ['208', '05', '05', '机关事业单位基本养老保险缴费支出', 500.25, 500.25, null],
    ['210', null, null, '卫生健康支出', 700.25, 200, 500.25],
    ['210', '01', null, '卫生健康管理事务', 700.25, 200, 500.25],
    ['210', '01', '01', '行政运行', 200, 200, null],
    ['210', '01', '99', '其他卫生健康管理事务支出', 500.25, null, 500.25],
  ],
  merges: ['A3:C3', 'D3:D4', 'E3:E4', 'F3:F4', 'G3:G4'],
};

/**
 * The same kind of table as a PDF conversion prints it: codes as text in 类 | 款 | 项 with only the child's own
 * part written ("", "05", "01"), 合计 at the bottom.
 */
export const classSectionItemTotalAtBottom: Fixture = {
  sheet: '功能分类',
  rows: [
    ['编制部门：某区财政局', null, null, null, null, null, '单位：元'],
    ['功能分类科目编码', null, null, '功能分类科目名称', '合计', '基本支出', '项目支出'],
    ['类', '款', '项', null, null, null, null],
    ['201', null, null, '一般公共服务支出', 900, 600, 300],
    [null, '06', null, '财政事务', 900, 600, 300],
    [null, null, '01', '行政运行', 600, 600, null],
    [null, null, '99', '其他财政事务支出', 300, null, 300],
    ['221', null, null, '住房保障支出', 100, 100, null],
    [null, '02', null, '住房改革支出', 100, 100, null],
    [null, null, '01', '住房公积金', 100, 100, null],
    [null, null, null, '合计', 1000, 700, 300],
  ],
  merges: ['A2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3'],
};

/**
 * Three header rows: 科目 over 科目编码 over 类 | 款 | 项. Defect (kept on purpose): 款 20101 says 50 where its
 * 项 add up to 60, a real 10.00 mismatch.
 */
export const threeHeaderRows: Fixture = {
  sheet: '支出表',
  rows: [
    ['科目', null, null, null, '本年预算', null, null],
    ['科目编码', null, null, '科目名称', '合计', '基本支出', '项目支出'],
    ['类', '款', '项', null, null, null, null],
    [null, null, null, '合计', 60, 40, 20],
    ['201', null, null, '一般公共服务支出', 60, 40, 20],
    ['201', '01', null, '人大事务', 50, 30, 20],
    ['201', '01', '01', '行政运行', 40, 40, null],
    ['201', '01', '04', '人大会议', 20, null, 20],
  ],
  merges: ['A1:D1', 'E1:G1', 'A2:C2', 'D2:D3', 'E2:E3', 'F2:F3', 'G2:G3'],
};

/**
 * 收支总表 with a 序号 column, 收入 | 支出 over 项目 | 预算数 and a 栏次 row 1 2 3 4. 本年收入合计 320 ≠ 本年支出合计
 * 340 is right: the 上年结转结余 20 is spent; 收入总计 340 = 支出总计 340.
 */
export const summaryWithSerialAndColumnNumbers: Fixture = {
  sheet: '部门预算收支总表',
  rows: [
    ['部门预算收支总表'],
    ['单位：万元'],
    ['序号', '收入', null, '支出', null],
    [null, '项 目', '预算数', '项 目', '预算数'],
    ['栏次', 1, 2, 3, 4],
    [1, '一、一般公共预算拨款收入', 300, '一、一般公共服务支出', 200],
    [2, '二、政府性基金预算拨款收入', null, '二、教育支出', 50],
    [3, '三、事业收入', 20, '三、农林水支出', 80],
    [4, null, null, '四、住房保障支出', 10],
    [5, '本年收入合计', 320, '本年支出合计', 340],
    [6, '上年结转结余', 20, '年终结转结余', null],
    [7, '收入总计', 340, '支出总计', 340],
  ],
  merges: ['A1:E1', 'A3:A4', 'B3:C3', 'D3:E3'],
};

/** A total column headed 一般公共预算支出合计. */
export const qualifiedTotalHeader: Fixture = {
  sheet: '一般公共预算支出表',
  rows: [
    ['科目编码', '科目名称', '一般公共预算支出合计', '基本支出', '项目支出'],
    ['合计', null, 95, 70, 25],
    ['201', '一般公共服务支出', 95, 70, 25],
    ['20103', '政府办公厅(室)及相关机构事务', 95, 70, 25],
    ['2010301', '行政运行', 70, 70, null],
    ['2010350', '事业运行', 25, null, 25],
  ],
};

/** A table of one 类 only: its 合计 is that 类, not a sum of every row. */
export const oneClassOnly: Fixture = {
  sheet: '政府性基金',
  rows: [
    ['政府性基金预算支出表'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['合计', null, 30, null, 30],
    ['212', '城乡社区支出', 30, null, 30],
    ['21208', '国有土地使用权出让收入安排的支出', 30, null, 30],
    ['2120803', '城市建设支出', 18, null, 18],
    ['2120899', '其他国有土地使用权出让收入安排的支出', 12, null, 12],
  ],
};

/** 其中 lines: a partial breakdown of the line above (Σ ≤ the line). */
export const ofWhichLines: Fixture = {
  sheet: '支出总表',
  rows: [
    ['部门支出总表'],
    ['项目', '预算数'],
    ['一、基本支出', 60],
    ['    其中：人员经费', 45],
    ['          公用经费', 15],
    ['二、项目支出', 40],
    ['    其中：信息化建设', 10],
    ['合计', 100],
  ],
};

/** A 三公 table of one row under a two-row header: 合计 | 出国 | 公务用车 › 小计/购置费/运行费 | 接待, and its 说明. */
export const sanGongOneRow: Fixture = {
  sheet: '三公经费',
  rows: [
    ['2024年一般公共预算“三公”经费预算'],
    ['单位：万元'],
    ['“三公”经费合计', '因公出国(境)费', '公务用车购置及运行费', null, null, '公务接待费'],
    [null, null, '小计', '购置费', '运行费', null],
    [96.5, 5, 61.5, 30, 31.5, 30],
    ['说明：2024年“三公”经费预算96.5万元，比上年减少3.5万元。'],
  ],
  merges: ['A3:A4', 'B3:B4', 'C3:E3', 'F3:F4', 'A6:F6'],
};

/** A 项目 | 预算数 三公 list numbered 1. 2. 3. with 其中 (1) (2) under 公务用车. */
export const sanGongList: Fixture = {
  sheet: '三公',
  rows: [
    ['“三公”经费预算表'],
    ['单位：万元'],
    ['项目', '预算数'],
    ['合计', 120],
    ['1.因公出国（境）费', 10],
    ['2.公务用车购置及运行费', 80],
    ['  其中：（1）公务用车购置费', 30],
    ['        （2）公务用车运行费', 50],
    ['3.公务接待费', 30],
  ],
};

/** A three-row 三公 header (预算数 › 合计 … › 小计/购置费/运行费) with 机关运行经费 beside it. */
export const sanGongThreeRowHeader: Fixture = {
  sheet: '三公和机关运行经费',
  rows: [
    ['2025年部门“三公”经费和机关运行经费预算表'],
    ['单位：万元'],
    ['“三公”经费预算数', null, null, null, null, null, '机关运行经费预算数'],
    ['合计', '因公出国(境)费', '公务用车购置及运行费', null, null, '公务接待费', null],
    [null, null, '小计', '购置费', '运行费', null, null],
    [50, 2, 40, null, 40, 8, 120],
  ],
  merges: ['A3:F3', 'G3:G5', 'A4:A5', 'B4:B5', 'C4:E4', 'F4:F5'],
};

/**
 * A 三公 table with 比上年增、减情况 › 增减金额 | 增减幅度 (rates as fractions with a percent format elsewhere) and
 * the long 注 merged below. 22.15 = 0 + 7 + 15.15; 15.15 = 0 + 15.15.
 */
export const sanGongWithChange: Fixture = {
  sheet: '三公',
  rows: [
    ['2024年“三公”经费预算财政拨款情况统计表'],
    ['单位：万元'],
    ['项目', '预算数', '上年预算数', '比上年增、减情况', null],
    [null, null, null, '增减金额', '增减幅度'],
    ['合计', 22.15, 18.15, 4, 0.22],
    ['因公出国(境)费', null, null, null, null],
    ['公务接待费', 7, 3, 4, 1.33],
    ['公务用车购置及运行费', 15.15, 15.15, 0, 0],
    ['其中：公务用车购置费', null, null, null, null],
    ['      公务用车运行费', 15.15, 15.15, 0, 0],
    ['注：“三公”经费预算按财政拨款口径统计。'],
  ],
  merges: ['A3:A4', 'B3:B4', 'C3:C4', 'D3:E3', 'A11:E11'],
};

/** 部门整体 form with 收入构成 / 支出构成 under 当年金额 | 近两年收支金额 › 2019年 | 2020年 | 占比, 合计 rows. */
export const incomeExpenseComposition: Fixture = {
  sheet: '申报表',
  rows: [
    ['部门整体支出绩效目标申报表'],
    ['部门（单位）名称', '县人民政府办公室', null, '填报人', '王五', '联系电话', 6296001],
    ['部门总体资金情况（万元）', '收支构成', null, '当年金额', '近两年收支金额', null, '占比'],
    [null, null, null, null, '2019年', '2020年', null],
    [null, '收入构成', '财政拨款', 500, null, null, 1],
    [null, null, '其他资金', null, null, null, 0],
    [null, null, '合计', 500, null, null, 1],
    [null, '支出构成', '基本支出', 375, null, null, 0.75],
    [null, null, '项目支出', 125, null, null, 0.25],
    [null, null, '合计', 500, null, null, 1],
    ['部门职能概述', '（一）负责县政府日常运转；（二）督促检查县政府决定事项的落实。'],
  ],
  merges: ['B2:C2', 'A3:A10', 'B3:C4', 'D3:D4', 'E3:F3', 'G3:G4', 'B5:B7', 'B8:B10', 'B11:G11'],
};

/** A text-only sheet (a 情况说明 page): numbers only inside sentences, no table. */
export const textOnly: Fixture = {
  sheet: '情况说明',
  rows: [
    ['2024年单位预算情况说明'],
    ['一般公共预算支出按经济分类：工资福利支出120万元，占80%；商品和服务支出30万元，占20%。'],
    ['基本支出情况说明：基本支出150万元，比上年增长5%。'],
  ],
};

export type { CellInput, Fixture };
