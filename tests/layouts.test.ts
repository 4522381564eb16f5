/**
 * Layouts the seeds do not show but other provinces use (domain.md §2.1): the recognizer must
 * generalize, not be tuned to four files. Each workbook is written as a real .xlsx and read back.
 */
import type { CellInput } from '../scripts/examples/types';
import { check, ofFamily, ofRule, roundTrip, where } from './helpers';

async function checkSheet(rows: CellInput[][], merges: string[] = [], name = '绩效目标') {
  return check(await roundTrip({ file: 'layout.xlsx', description: 'test', sheets: [{ name, rows, merges }] }));
}

describe('indicator tables', () => {
  test('comparator in its own column, merged 一级/二级, 一级 names with their score "(50分)"', async () => {
    const rows: CellInput[][] = [
      ['2024年项目支出绩效目标表'],
      ['项目名称', '农村公路养护', null, '资金总额(万元)', 120],
      ['一级指标', '二级指标', '三级指标', '计算符号', '指标值', '计量单位', '分值'],
      ['产出指标(50分)', '数量指标', '养护里程', '≥', 300, '公里', 20],
      [null, null, '桥梁检查次数', '≥', 4, '次', 10],
      [null, '质量指标', '路面合格率', '≥', 95, '%', 10],
      [null, '时效指标', '完成时间', '≤', 12, '月', 10],
      ['成本指标(10分)', '经济成本指标', '每公里养护成本', '≤', 0.4, '万元', 10],
      ['效益指标(30分)', '社会效益指标', '群众出行便利度', '定性', '显著提升', null, 30],
      ['满意度指标(10分)', '服务对象满意度指标', '群众满意度', '≥', 90, '%', 10],
    ];
    const report = await checkSheet(rows, ['A4:A7', 'B4:B5']);
    // A correct table from another province: no finding from any rule.
    expect(report.findings).toEqual([]);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.projects).toEqual([
      { name: '农村公路养护', budget: '120.00', indicators: 7, weightTotal: '100', rows: '4:10' },
    ]);
    expect(ofFamily(report, 'sum', 'weight')).toEqual([]);
  });

  test('a declared 一级 score that disagrees with its children is weight/level-score at the 一级 cell', async () => {
    const rows: CellInput[][] = [
      ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
      ['产出指标(50分)', '数量指标', '培训人次', '≥200人次', 30],
      [null, '质量指标', '培训合格率', '≥95%', 30],
      ['效益指标(30分)', '社会效益指标', '技能提升', '显著', 30],
      ['满意度指标(10分)', '服务对象满意度指标', '学员满意度', '≥90%', 10],
    ];
    const report = await checkSheet(rows, ['A2:A3']);
    expect(where(ofRule(report, 'weight/level-score'))).toEqual(['weight/level-score 绩效目标!A2']);
    expect(ofRule(report, 'weight/level-score')[0]!.data).toMatchObject({ declared: '50', actual: '60' });
    expect(where(ofRule(report, 'weight/sum'))).toEqual([]);
  });

  test('a two-row header ("指标值" over 符号 | 数值) and a 指标值类型 column', async () => {
    const rows: CellInput[][] = [
      ['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', null, '度量单位', '权重(%)'],
      [null, null, null, null, '符号', '数值', null, null],
      ['产出指标', '数量指标', '新建机井', '定量', '≥', 40, '眼', 40],
      ['效益指标', '经济效益指标', '灌溉面积增加', '定量', '≥', 3000, '亩', 30],
      ['满意度指标', '服务对象满意度指标', '受益农户满意度', '定量', '≥', 90, '%', 10],
      ['成本指标', '经济成本指标', '单井造价', '定量', '≤', 3.5, '万元', 10],
    ];
    const report = await checkSheet(rows, ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1', 'G1:G2', 'H1:H2']);
    expect(report.findings).toEqual([]);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.projects![0]).toMatchObject({ indicators: 4, weightTotal: '90' });
    expect(ofFamily(report, 'sum', 'weight')).toEqual([]);
  });

  test('a self-evaluation table (分值 / 得分) starting far from A1, with blank rows and "……" rows inside', async () => {
    const rows: CellInput[][] = Array.from({ length: 9 }, () => []);
    const pad = (cells: CellInput[]): CellInput[] => [null, null, null, null, null, null, ...cells];
    rows.push(pad(['2023年项目支出绩效自评表']));
    rows.push(pad(['项目名称', '社区养老服务补助']));
    rows.push(pad(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分']));
    rows.push(pad(['产出指标', '数量指标', '服务老人人数', '≥500人', '520人', 25, 25]));
    rows.push(pad([null, null, '……', null, null, null, null]));
    rows.push([]);
    rows.push(pad([null, '质量指标', '服务达标率', '≥95%', '97%', 25, 25]));
    rows.push(pad(['效益指标', '社会效益指标', '老人生活质量', '提高', '提高', 30, 28]));
    rows.push(pad(['满意度指标', '服务对象满意度指标', '老人满意度', '≥90%', '93%', 10, 10]));
    const report = await checkSheet(rows);
    expect(report.tables).toHaveLength(1);
    expect(report.tables[0]!.range).toBe('G10:M18');
    expect(report.tables[0]!.projects![0]).toMatchObject({
      name: '社区养老服务补助',
      indicators: 4,
      weightTotal: '90',
    });
    expect(ofFamily(report, 'sum', 'weight')).toEqual([]);
  });

  test('full-width digits, U+3000 spaces and numbers stored as text in the weight column', async () => {
    const rows: CellInput[][] = [
      ['一级指标', '二级指标', '三级指标', '指标值', '指标权重'],
      ['产出指标', '数量指标', '办件量', '≥３０万件', '３０'],
      ['产出指标', '质量指标', '办结率', '≥９８％', '　20　'],
      ['效益指标', '社会效益指标', '群众办事时间缩短', '≥３０％', '30.00'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥９５％', '2O'],
    ];
    const report = await checkSheet(rows);
    expect(report.tables[0]!.projects![0]).toMatchObject({ indicators: 4, weightTotal: '80' });
    // "2O" (letter O) is not a number: said so, and the weight total is reported as it stands.
    expect(where(ofRule(report, 'structure/non-numeric'))).toEqual(['structure/non-numeric 绩效目标!E5']);
    expect(where(ofRule(report, 'weight/sum'))).toEqual(['weight/sum 绩效目标!E2']);
  });

  test('a declared weight total row is checked against the weights', async () => {
    const rows: CellInput[][] = [
      ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
      ['产出指标', '数量指标', '发放人数', '≥100人', 50],
      ['效益指标', '社会效益指标', '生活改善', '改善', 30],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', 10],
      ['合计', null, null, null, 100],
    ];
    // 50 + 30 + 10 = 90 with 预算执行率 10 outside the table: a 总分 of 100 is right (财政部 自评表).
    expect(ofRule(await checkSheet(rows), 'weight/sum')).toEqual([]);
    // Where 预算执行率 is not used, both the total row and the weights are wrong.
    const strict = check(await roundTrip({ file: 'l.xlsx', description: '', sheets: [{ name: '绩效目标', rows }] }), {
      config: { options: { acceptBudgetExecutionWeight: false } },
    });
    expect(
      ofRule(strict, 'weight/sum')
        .map((f) => `${f.messageId} ${f.cell}`)
        .sort(),
    ).toEqual(['total-row E5', 'wrong-total E5']);
    expect(ofRule(strict, 'weight/sum')[0]!.data).toMatchObject({ actual: '90' });
  });
});

describe('budget tables', () => {
  test('codes written "201 03 01" and "201-03-01", amounts in 元, total row at the bottom', async () => {
    const rows: CellInput[][] = [
      ['一般公共预算支出表'],
      ['单位：元'],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', 1500000, 1000000, 500000],
      ['201 03', '政府办公厅（室）及相关机构事务', 1500000, 1000000, 500000],
      ['201 03 01', '行政运行', 1000000, 1000000, null],
      ['201-03-02', '一般行政管理事务', 500000, null, 500000],
      ['208', '社会保障和就业支出', 200000.5, 200000.5, null],
      ['208-05-05', '机关事业单位基本养老保险缴费支出', 200000.5, 200000.5, null],
      ['合计', null, 1700000.5, 1200000.5, 500000],
    ];
    const report = await checkSheet(rows, [], '支出表');
    expect(report.tables[0]).toMatchObject({ kind: 'amounts', layout: 'code', rows: 7 });
    expect(ofFamily(report, 'sum')).toEqual([]);
  });

  test('类 | 款 | 项 in three columns; a 款 that does not add up is sum/hierarchy at the 款 cell', async () => {
    const rows: CellInput[][] = [
      ['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'],
      ['205', null, null, '教育支出', 830.5, 600, 230.5],
      ['205', '02', null, '普通教育', 830.5, 600, 230.5],
      ['205', '02', '01', '学前教育', 200, 150, 50],
      ['205', '02', '02', '小学教育', 630, 450, 180],
      ['合计', null, null, null, 830.5, 600, 230.5],
    ];
    const report = await checkSheet(rows, [], '教育');
    expect(where(ofFamily(report, 'sum'))).toEqual(['sum/hierarchy 教育!E3', 'sum/hierarchy 教育!G3']);
    expect(ofRule(report, 'sum/hierarchy')[0]!.data).toMatchObject({ total: '830.50', sum: '830.00', diff: '0.50' });
  });

  test('a row whose 合计 ≠ 基本支出 + 项目支出 is sum/row-total; a 三公 table with its 合计 last is checked too', async () => {
    const rows: CellInput[][] = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, 100, 60, 40],
      ['201', '一般公共服务支出', 100, 60, 45],
      [],
      [],
      ['“三公”经费预算表'],
      ['因公出国（境）费', '公务用车购置及运行费', null, null, '公务接待费', '合计'],
      [null, '小计', '公务用车购置费', '公务用车运行费', null, null],
      [0, 12, 0, 10, 3, 15],
    ];
    const report = await checkSheet(rows, ['A7:A8', 'B7:D7', 'E7:E8', 'F7:F8'], '表');
    expect(where(ofFamily(report, 'sum')).sort()).toEqual(
      // 公务用车 小计 12 ≠ 0 + 10; the 合计 15 = 0 + 12 + 3 is right.
      ['sum/hierarchy 表!E2', 'sum/row-total 表!C3', 'sum/row-total 表!B9'].sort(),
    );
  });

  test('two tables side by side as 收入 | 支出, with 收入总计 ≠ 支出总计', async () => {
    const rows: CellInput[][] = [
      ['收入', null, '支出', null],
      ['项目', '预算数', '项目', '预算数'],
      ['一、一般公共预算拨款收入', 800, '一、一般公共服务支出', 700],
      ['二、政府性基金预算拨款收入', 0, '二、教育支出', 110],
      ['收入总计', 800, '支出总计', 810],
    ];
    const report = await checkSheet(rows, ['A1:B1', 'C1:D1'], '收支');
    expect(where(ofFamily(report, 'sum'))).toEqual(['sum/balance 收支!B5']);
  });

  test('a #REF! total is reported as an error value and not guessed at', async () => {
    const rows: CellInput[][] = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, { error: '#REF!' }, 60, 40],
      ['201', '一般公共服务支出', 100, 60, 40],
    ];
    const report = await checkSheet(rows, [], '错误');
    expect(where(report.findings)).toEqual(['structure/error-value 错误!C2']);
    expect(report.findings[0]!.message).toContain('#REF!');
  });
});

describe('things it cannot recognize', () => {
  test('a sheet whose numbers stand under unknown headers: one info finding says nothing on it was checked', async () => {
    const rows: CellInput[][] = [['说明'], [], ['甲', '乙', '丙'], [1, 2, 3], [4, 5, 6]];
    const report = await checkSheet(rows, [], '杂项');
    expect(report.tables).toEqual([]);
    expect(report.sheets).toEqual([{ sheet: '杂项', tables: 0, statements: 0 }]);
    expect(where(report.findings)).toEqual(['structure/unrecognized 杂项!A3']);
    expect(report.findings[0]!.messageId).toBe('no-table');
    expect(report.findings[0]!.data.range).toBe('A3:C5');
    expect(report.findings[0]!.message).toContain('未识别到可检查的表格');
  });

  test('a block of numbers beside a recognized table is named by its range', async () => {
    const rows: CellInput[][] = [
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['201', '一般公共服务支出', 100, 60, 40],
      [],
      [],
      ['甲', '乙', '丙'],
      [1, 2, 3],
      [4, 5, 6],
    ];
    const report = await checkSheet(rows, [], '杂项');
    expect(report.sheets).toEqual([{ sheet: '杂项', tables: 1, statements: 0 }]);
    expect(where(report.findings)).toEqual(['structure/unrecognized 杂项!A5']);
    expect(report.findings[0]!.messageId).toBe('unrecognized');
    expect(report.findings[0]!.data.range).toBe('A5:C7');
  });
});
