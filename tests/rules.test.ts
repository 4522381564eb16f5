/** Each rule on small grids that pass and grids that fail: rule id, cell and message id. */
import type { CellInput } from '../scripts/examples/types';
import { check, gridOf, ofRule, where } from './helpers';

const departmentForm = (split: [number, number], sources: number, projectsTotal: number): CellInput[][] => [
  ['2023年部门整体支出绩效目标表'],
  ['部门名称', '某县农业农村局'],
  ['年度预算申请（万元）', `资金总额：${sources}万元`, null, null],
  [null, `其中：一般公共预算：${sources}`, null, `其中：基本支出：${split[0]}万元`],
  [null, '政府性基金拨款：', null, `项目支出：${projectsTotal}万元`],
  ['一级指标', '二级指标', '三级指标', '指标值及单位'],
  ['产出指标', '数量指标', '服务农户', '≥1000户'],
];

const projectForm = (name: string, budget: number): CellInput[][] => [
  ['2023年项目支出绩效目标表'],
  ['项目支出名称', name, '预算部门', '某县农业农村局'],
  ['年度本级预算金额', budget, '该项目支出上级资金', null],
  ['一级指标', '二级指标', '三级指标', '指标值及单位'],
  ['产出指标', '数量指标', '培训人次', '≥200人次'],
  [],
  [],
];

describe('sum/form-split', () => {
  test('资金总额 = 一般公共预算 = 基本支出 + 项目支出 passes', () => {
    const report = check(gridOf(departmentForm([100, 50], 150, 50)));
    expect(ofRule(report, 'sum/form-split')).toEqual([]);
  });

  test('基本支出 + 项目支出 ≠ 资金总额 is found at the 资金总额 cell, with both parts related', () => {
    const report = check(gridOf(departmentForm([100, 40], 150, 40)));
    const findings = ofRule(report, 'sum/form-split');
    expect(where(findings)).toEqual(['sum/form-split Sheet1!B3']);
    expect(findings[0]!.related).toEqual(['D4:D5']);
    expect(findings[0]!.data).toMatchObject({ total: '150.00', sum: '140.00', diff: '10.00' });
  });
});

describe('sum/projects-total', () => {
  test('project tables that add up to the department’s 项目支出 pass', () => {
    const rows = [
      ...departmentForm([100, 50], 150, 50),
      [],
      [],
      ...projectForm('农技推广', 30),
      ...projectForm('种子补贴', 20),
    ];
    expect(ofRule(check(gridOf(rows)), 'sum/projects-total', 'sum/projects-untied')).toEqual([]);
  });

  test('project tables on another sheet that do not add up are reported at the 项目支出 cell', () => {
    const department = gridOf(departmentForm([100, 50], 150, 50), { sheet: '部门整体' });
    const projects = gridOf([...projectForm('农技推广', 30), ...projectForm('种子补贴', 25)], { sheet: '项目 表' });
    const findings = ofRule(check([department, projects]), 'sum/projects-total');
    expect(where(findings)).toEqual(['sum/projects-total 部门整体!D5']);
    expect(findings[0]!.related).toEqual(["'项目 表'!B3", "'项目 表'!B10"]);
  });

  test('a project listed twice (two kinds of form) is counted once', () => {
    const rows = [
      ...departmentForm([100, 50], 150, 50),
      [],
      [],
      ...projectForm('农技推广', 50),
      ...projectForm('农技推广', 50),
    ];
    expect(ofRule(check(gridOf(rows)), 'sum/projects-total')).toEqual([]);
  });
});

describe('sum/unit-projects', () => {
  const header: CellInput[] = ['单位名称', '项目名称', '预算数', '一级指标', '二级指标', '三级指标', '指标值', '权重'];
  const flat = (unitTotal: number, repeatTotal: number): CellInput[][] => [
    header,
    ['101-某局', null, unitTotal],
    [null, '项目甲', 6, '产出指标', '数量指标', '指标1', 10, 90],
    [null, '项目乙', 4, '产出指标', '数量指标', '指标2', 10, 90],
    header,
    ['101-某局', null, repeatTotal],
    [null, '项目丙', 2, '产出指标', '数量指标', '指标3', 10, 90],
  ];

  test('the unit line equals Σ projects across a repeated page header', () => {
    const report = check(gridOf(flat(12, 12)));
    expect(report.tables).toHaveLength(1);
    expect(ofRule(report, 'sum/unit-projects')).toEqual([]);
  });

  test('a unit line that disagrees with its projects, and a repetition that disagrees with the first', () => {
    const report = check(gridOf(flat(13, 12.5)));
    expect(ofRule(report, 'sum/unit-projects').map((f) => `${f.messageId} ${f.cell}`)).toEqual([
      'mismatch C2',
      'repeat-differs C6',
    ]);
  });
});

describe('options and severities', () => {
  const rounding: CellInput[][] = [
    ['科目编码', '科目名称', '合计'],
    ['合计', null, 10.01],
    ['201', 'a', 5],
    ['202', 'b', 5],
  ];

  test('a rounding-sized difference is sum/rounding (warning by default), never sum/hierarchy', () => {
    const report = check(gridOf(rounding));
    expect(report.findings.map((f) => `${f.ruleId} ${f.severity} ${f.cell}`)).toEqual(['sum/rounding warning C2']);
  });

  test('sum/rounding can be turned off or raised; tolerance silences small differences', () => {
    expect(check(gridOf(rounding), { config: { rules: { 'sum/rounding': 'off' } } }).findings).toEqual([]);
    expect(
      check(gridOf(rounding), { config: { rules: { 'sum/rounding': { severity: 'error' } } } }).summary.error,
    ).toBe(1);
    expect(check(gridOf(rounding), { config: { options: { tolerance: 0.01 } } }).findings).toEqual([]);
  });

  test('a difference beyond rounding is sum/hierarchy', () => {
    const rows = rounding.map((r) => [...r]);
    rows[1]![2] = 10.2;
    expect(where(check(gridOf(rows)).findings)).toEqual(['sum/hierarchy Sheet1!C2']);
  });

  const weights = (values: number[], execution?: number): CellInput[][] => [
    ['项目名称', '示例项目'],
    ...(execution === undefined ? [] : [['预算执行率 权重', execution]]),
    ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
    ...values.map((w, i): CellInput[] => [
      ['产出指标', '效益指标', '满意度指标'][i % 3]!,
      '数量指标',
      `指标${i}`,
      '≥1',
      w,
    ]),
  ];

  test('weights: 90 passes by default, not when acceptBudgetExecutionWeight is off', () => {
    expect(ofRule(check(gridOf(weights([50, 30, 10]))), 'weight/sum')).toEqual([]);
    const strict = check(gridOf(weights([50, 30, 10])), {
      config: { options: { acceptBudgetExecutionWeight: false } },
    });
    expect(ofRule(strict, 'weight/sum').map((f) => f.data.expected)).toEqual(['100']);
  });

  test('weights: a table that states 预算执行率 权重 10 needs exactly 90', () => {
    expect(ofRule(check(gridOf(weights([50, 30, 10], 10))), 'weight/sum')).toEqual([]);
    const report = check(gridOf(weights([50, 30, 20], 10)), { locale: 'en-US' });
    expect(ofRule(report, 'weight/sum')[0]!.message).toBe(
      'The indicator weights of “示例项目” add up to 100; expected 90 (100 − 预算执行率 10)',
    );
  });

  test('weight/level1-split checks a configured split per 一级 and is silent without one', () => {
    const rows = weights([40, 30, 20]);
    expect(ofRule(check(gridOf(rows)), 'weight/level1-split')).toEqual([]);
    const report = check(gridOf(rows), {
      config: { options: { level1Split: { output: 50, benefit: 30, satisfaction: 10 } } },
    });
    expect(ofRule(report, 'weight/level1-split').map((f) => `${f.cell} ${f.data.level} ${f.data.actual}`)).toEqual([
      'E3 产出指标 40',
      'E5 满意度指标 20',
    ]);
  });

  test('a config with an unknown option is rejected, not ignored', () => {
    expect(() => check(gridOf(rounding), { config: { options: { tolerence: 1 } } as never })).toThrow(/tolerence/);
  });
});
