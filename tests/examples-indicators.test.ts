/**
 * The indicator rules (value, unit, direction, structure, text) on the four seed workbooks: every
 * defect domain.md §5 lists is found at its cell, and nothing else is reported (exact lists), so a
 * false positive fails here as surely as a miss.
 */
import { EXAMPLE_WORKBOOKS } from '../scripts/examples';
import type { Report } from '../src/validation';
import { check, ofFamily, ofRule, roundTrip, tempDir, where } from './helpers';

const reports = new Map<string, Report>();

beforeAll(async () => {
  const dir = tempDir();
  for (const spec of EXAMPLE_WORKBOOKS) reports.set(spec.file.slice(0, 3), check(await roundTrip(spec, dir)));
});

function found(seed: string, ...families: string[]): string[] {
  return where(ofFamily(reports.get(seed)!, ...families)).sort();
}

const cells = (rule: string, sheet: string, list: string) => list.split(' ').map((cell) => `${rule} ${sheet}!${cell}`);

test('004: impossible rates, copied weights, cost with ≥, cost in 套, a count in %, cost above budget, nameless weights', () => {
  const general = '一般性项目绩效目标表';
  const projects = '项目支出绩效目标表';
  expect(found('004', 'value', 'unit', 'direction', 'structure', 'text')).toEqual(
    [
      // 满意度 ≥ 665 % (F38), ≥ 380 % (F100, F142), 合格率 = 200 % (F31, F32), 聘用人员工资待遇及时 ≥ 190 % (F35), 质量合格率 (F36), 清洁度保持率 (F39)
      ...cells('value/rate-range', general, 'F31 F32 F35 F36 F38 F39 F100 F142'),
      // the seven 项目支出 tables: every 指标值 equals its 指标权重
      ...cells('value/copied-weight', projects, 'H12 H33 H54 H74 H94 H114 H134'),
      // 网络维护费 ≥ 10 万元 (×2), 基本工资, 电力支出, 系统维护费, 邮寄成本, 设备成本 ≥ … 万元/年
      ...cells('direction/cost-comparator', projects, 'G12 G41 G61 G75 G95 G121 G142'),
      // 项目总成本 ≤ 614.06 vs 531.40 (F91), 项目成本 ≤ 8 vs 6.00 (F122), 年租赁单价 ≤ 167.24 万元/平方米 vs 95.13 (F157),
      // 项目总成本 ≤ 299.5 vs 282.50 (F40), ≤ 60 vs 36.60 (F144)
      ...cells('direction/cost-over-budget', general, 'F40 F91 F122 F144 F157'),
      'unit/cost-unit 项目支出绩效目标表!F121', // 邮寄成本 … 套
      'unit/count-percent 项目支出绩效目标表!F94', // 网络接入数量 %
      // rows with a weight (or a value) but no indicator name
      ...cells('structure/nameless', general, 'B28 B32 B34 B42 B45 B158 B164'),
      // The 公开 tables of the filing are not the whole set of 8 (an info, issue 16).
      'structure/disclosure-set 财政拨款收支总表!A3',
      // 定性 indicators with the unit 项
      ...cells('value/qualitative-mixed', general, 'D27 D28 D29 D30 D96 D97 D98 D118 D119'),
      // 项目概述 and 当年绩效目标 quote 70.34 万元/年 for a project budgeted at 49.24
      ...cells('text/amount', projects, 'B29 B31'),
    ].sort(),
  );
  // What the copied weights cause is folded into the copied-weight finding of its project, not listed again: each
  // 满意度 target "≥ 10 %", and 网络维护费 / 系统维护费 10 万元 above a budget of 7.00 (H12, H95).
  const copied = ofRule(reports.get('004')!, 'value/copied-weight');
  const folded = copied.flatMap((f) => (f.folded ?? []).map((x) => `${x.ruleId} ${f.sheet}!${x.cell}`)).sort();
  expect(folded).toEqual(
    [
      ...cells('value/satisfaction-floor', projects, 'H15 H39 H56 H74 H99 H114 H137'),
      ...cells('direction/cost-over-budget', projects, 'H12 H95'),
    ].sort(),
  );
  expect(copied.find((f) => f.cell === 'H94')!.related).toEqual(expect.arrayContaining(['H95:H101', 'B88']));
  // A unit price is not a total: 167.24 万元/平方米 is reported as one square metre costing more than the budget.
  const price = ofRule(reports.get('004')!, 'direction/cost-over-budget').find((f) => f.cell === 'F157')!;
  expect(price.messageId).toBe('unit-price');
  expect(price.message).toContain('单价 167.24 万元/平方米，仅一个单位就超过项目');
});

test('003: shifted rows and a cost in 人/年; the 2021 framework asks each project for a 成本指标', () => {
  const sheet = '项目支出绩效目标申报表';
  expect(found('003', 'value', 'unit', 'direction', 'structure', 'text')).toEqual(
    [
      // 综合管理's last row slid right (产出指标 in the 二级 column); 外事工作 and 公务用车 rows slid left
      ...cells('structure/shifted-row', sheet, 'G34 C38 C39 C40 C42 C43 C44'),
      'unit/cost-unit 项目支出绩效目标申报表!K58', // 财政负担成本 = 40000 人/年
      // every project but 人才补贴 has no 成本指标 (national-2021 profile)
      ...cells('structure/required-levels', sheet, 'F6 F14 F20 F25 F30 F37 F41 F47 F53'),
    ].sort(),
  );
});

test('003 under the legacy profile: 成本指标 is not required', async () => {
  const spec = EXAMPLE_WORKBOOKS.find((s) => s.file.startsWith('003'))!;
  const legacy = check(await roundTrip(spec), { config: { profile: 'legacy' } });
  expect(where(ofFamily(legacy, 'structure')).filter((f) => f.startsWith('structure/required-levels'))).toEqual([]);
});

test('000: values with a unit but no number, "天2", 三级 under the wrong 二级, 2022 in a 2023 table, "20232年"', () => {
  const department = '部门整体支出绩效目标表';
  const forms = ['项目支出绩效目标表', '项目绩效目标表'];
  const unitOnly = (sheet: string, rows: number[]) => rows.map((r) => `value/incomplete ${sheet}!E${r}`);
  expect(found('000', 'value', 'unit', 'direction', 'structure', 'text')).toEqual(
    [
      // "天", "天2", "次", "万元", … in the 部门整体 table (E16 is "天2")
      ...unitOnly(department, [14, 16, 18, 20, 22, 24, 28, 30]),
      ...unitOnly(forms[0]!, [9, 11, 13, 15, 17, 19, 23, 25, 37, 39, 41, 43, 45, 47, 51, 53]),
      ...unitOnly(forms[1]!, [18, 20, 22, 24, 26, 28, 32, 34, 57, 59, 61, 63, 65, 67, 71, 73]),
      // 成本指标 "信息公开及时、准确 次" and 时效指标 "预算范围内 万元"
      'structure/misplaced-name 部门整体支出绩效目标表!D18',
      'structure/misplaced-name 部门整体支出绩效目标表!D20',
      'text/year 项目绩效目标表!D52', // 20232年1月
      'text/year 项目绩效目标表!D55', // 年度目标 2022年乡镇政务服务管理
    ].sort(),
  );
  const unparseable = reports.get('000')!.findings.find((f) => f.cell === 'E16' && f.sheet === department)!;
  expect(unparseable.messageId).toBe('unparseable');
  expect(unparseable.message).toBe(
    '“信用办工作有效开展”的指标值“天2”看不出目标数值，应写成如“≥ 250 天”的形式（符号、数值、单位）',
  );
  // The missing numbers of each table are one group, so a list can show "同类 8 处" once; the group's count is
  // how many findings share its key, and no group spans two tables.
  const missing = ofRule(reports.get('000')!, 'value/incomplete').filter((f) => f.messageId === 'no-number');
  const byKey = new Map<string, typeof missing>();
  for (const f of missing) byKey.set(f.group!.key, [...(byKey.get(f.group!.key) ?? []), f]);
  for (const members of byKey.values()) {
    expect(members.every((f) => f.group!.count === members.length && f.tableId === members[0]!.tableId)).toBe(true);
  }
  expect(byKey.get(missing.find((f) => f.sheet === department)!.group!.key)).toHaveLength(7);
});

test('002: a cost with ≥, a satisfaction with no unit; "降低工作人员停车成本 ≤15%" under 经济效益 is fine', () => {
  expect(found('002', 'value', 'unit', 'direction', 'structure', 'text')).toEqual([
    'direction/cost-comparator 项目支出绩效目标表!E32', // 日常运营维护费用 ≥10% under 成本指标
    'unit/missing 项目支出绩效目标表!E15', // 企业群众好评率 ≥98
  ]);
});

test('messages read naturally in both languages', async () => {
  const spec = EXAMPLE_WORKBOOKS.find((s) => s.file.startsWith('004'))!;
  const english = check(await roundTrip(spec), { locale: 'en-US' });
  const chinese = reports.get('004')!;
  const pick = (report: Report, rule: string, cell: string) =>
    report.findings.find((f) => f.ruleId === rule && f.cell === cell)!.message;
  expect(pick(chinese, 'value/rate-range', 'F38')).toBe(
    '“服务对象满意度”的目标值是 ≥ 665%，比率不可能超出 0%–100%，请检查是否误填了权重或其他数字',
  );
  expect(pick(english, 'value/rate-range', 'F38')).toBe(
    'The target of “服务对象满意度” is ≥ 665%, but a rate lies between 0 % and 100 %: a weight or another number typed in?',
  );
  // "= 200 %" reads "200%"; a row without a name is named by its row, unquoted.
  expect(pick(chinese, 'value/rate-range', 'F32')).toBe(
    '第 32 行指标的目标值是 200%，比率不可能超出 0%–100%，请检查是否误填了权重或其他数字',
  );
  expect(pick(chinese, 'direction/cost-over-budget', 'F91')).toBe(
    '成本指标“项目总成本”的目标 614.06 万元/每项目 高于项目“石柱车辆购置更新及运行保障”的预算 531.40 万元',
  );
  expect(pick(english, 'direction/cost-comparator', 'G12')).toBe(
    'The cost indicator “网络维护费” uses “≥”; a cost is a ceiling: use “≤”',
  );
});
