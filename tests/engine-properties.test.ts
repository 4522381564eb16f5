/**
 * For arbitrary grids (header words, numbers, text numbers, errors, placeholders, merges), the
 * engine never throws, no rule crashes, the report validates against its schema, and every
 * finding and related cell lies inside the grid it names.
 */
import fc from 'fast-check';
import { parseCellAddress, parseRangeAddress } from '../src/validation/address';
import { ReportSchema, checkGrids, type CellValue, type Grid } from '../src/validation';
import type { ConfigInput } from '../src/validation/config';
import { SheetView } from '../src/validation/sheet';

const WORDS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '指标值',
  '权重',
  '分值',
  '计量单位',
  '指标性质',
  '项目名称',
  '单位名称',
  '预算数',
  '产出指标',
  '效益指标',
  '满意度指标',
  '成本指标(20分)',
  '数量指标',
  '质量指标',
  '≥',
  '≤',
  '定性',
  '合计',
  '总计',
  '小计',
  '科目编码',
  '科目名称',
  '基本支出',
  '项目支出',
  '人员经费',
  '公用经费',
  '项目',
  '收入',
  '支出',
  '一、本年收入',
  '二、上年结转',
  '收入合计',
  '支出合计',
  '因公出国（境）费',
  '公务接待费',
  '公务用车购置及运行费',
  '资金总额：582.03万元',
  '其中：基本支出：1',
  '201',
  '20103',
  '2010301',
  '201 03 01',
  '301',
  '30101',
  '……',
  '—',
  '',
  '　',
  '５８２．０３',
  '1,234.50',
  '天',
  '≥98%',
  '2O',
];

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 3, arbitrary: fc.integer({ min: -1000, max: 100000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom({ error: '#REF!' }, { error: '#VALUE!' }, { error: '#DIV/0!' }) },
  { weight: 1, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.boolean() },
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    sheet: fc.constantFrom('Sheet1', '表 二', "O'Brien 😀", '基本支出表'),
    cells: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 30 }),
    merges: fc.array(fc.record({ top: fc.nat(30), left: fc.nat(10), height: fc.nat(3), width: fc.nat(3) }), {
      maxLength: 6,
    }),
  })
  .map(({ sheet, cells, merges }) => ({
    sheet,
    cells,
    merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.height, right: m.left + m.width })),
  }));

function inside(grid: Grid, a1: string): boolean {
  const range = parseRangeAddress(a1);
  const rows = grid.cells.length;
  const cols = Math.max(0, ...grid.cells.map((r) => r.length));
  return range.bottom < Math.max(rows, 1) && range.right < Math.max(cols, 1);
}

test('the engine never throws and always returns a valid report whose cells lie inside the grid', () => {
  fc.assert(
    fc.property(
      fc.array(gridArb, { minLength: 1, maxLength: 3 }),
      fc.constantFrom('zh-CN' as const, 'en-US' as const),
      (grids, locale) => {
        const named = grids.map((g, i) => ({ ...g, sheet: `${g.sheet}${i}` }));
        const report = checkGrids(named, { locale });
        ReportSchema.parse(report);
        expect(report.findings.filter((f) => f.messageId === 'rule-crashed')).toEqual([]);
        for (const finding of report.findings) {
          const grid = named.find((g) => g.sheet === finding.sheet)!;
          expect(grid).toBeDefined();
          expect(inside(grid, finding.cell)).toBe(true);
          for (const related of finding.related) {
            const bang = related.lastIndexOf('!');
            const sheet = bang < 0 ? finding.sheet : related.slice(0, bang).replace(/^'|'$/g, '').replace(/''/g, "'");
            const target = named.find((g) => g.sheet === sheet);
            expect(target).toBeDefined();
            expect(inside(target!, bang < 0 ? related : related.slice(bang + 1))).toBe(true);
          }
          expect(finding.message).not.toMatch(/\{\w+\}/);
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('ragged rows, holes and merges past the grid edge are accepted', () => {
  const grid: Grid = {
    sheet: 'S',
    cells: [
      [],
      ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
      ['合计', null, 10, 4],
      ['201', 'x', 10, 4, 6, 99, 98],
    ],
    merges: [{ top: 0, left: 0, bottom: 50, right: 50 }],
  };
  const report = checkGrids([grid]);
  ReportSchema.parse(report);
  for (const finding of report.findings) expect(parseCellAddress(finding.cell).row).toBeLessThan(4);
});

test('a user config with a profile and a satisfaction floor (the pane’s settings) is applied, not mistaken for a resolved one', () => {
  const grid: Grid = {
    sheet: '绩效目标',
    cells: [
      ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
      ['产出指标', '数量指标', '培训人数', '≥100人', 45],
      ['成本指标', '经济成本指标', '培训成本', '≤5万元', 25],
      ['效益指标', '社会效益指标', '群众知晓率', '≥90%', 20],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%', 10],
    ],
  };
  const floorFindings = (config: ConfigInput) =>
    checkGrids([grid], { locale: 'zh-CN', config })
      .findings.filter((f) => f.ruleId === 'value/satisfaction-floor')
      .map((f) => f.cell);
  expect(floorFindings({ profile: 'national-2021' })).toEqual([]);
  expect(floorFindings({ profile: 'legacy', options: { satisfactionFloor: 95 } })).toEqual(['D5']);
});

describe('rules that visit indicators share one walk', () => {
  const grid: Grid = {
    sheet: '表',
    cells: [
      ['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '度量单位', '权重'],
      ['项目甲', '产出指标', '数量指标', '培训人次', '≥100', '人次', 50],
      [null, '满意度指标', '服务对象满意度指标', '满意度', '≥665', '%', 50],
    ],
  };
  const visiting = (id: string, onIndicator: () => void) => ({
    id,
    family: 'value' as const,
    defaultSeverity: 'warning' as const,
    meta: {
      name: { 'zh-CN': '测试', 'en-US': 'test' },
      description: { 'zh-CN': '测', 'en-US': 't' },
      why: { 'zh-CN': '测', 'en-US': 't' },
      messages: {},
      examples: { fail: '', pass: '' },
    },
    visitIndicators: () => onIndicator,
  });

  it('a visitor that throws is reported once as rule-crashed, and the other visitors still see every indicator', () => {
    let seen = 0;
    const throwing = visiting('value/throws', () => {
      throw new Error('boom');
    });
    const counting = visiting('value/counts', () => {
      seen++;
    });
    const report = checkGrids([grid], { rules: [throwing, counting] });
    expect(report.findings.filter((f) => f.messageId === 'rule-crashed').map((f) => f.ruleId)).toEqual([
      'value/throws',
    ]);
    expect(seen).toBe(2);
  });

  it('a rule whose project and indicator visitors both throw is reported once', () => {
    const both = {
      ...visiting('value/throws-twice', () => {
        throw new Error('indicator');
      }),
      visitProjects: () => () => {
        throw new Error('project');
      },
    };
    const report = checkGrids([grid], { rules: [both] });
    expect(report.findings.filter((f) => f.messageId === 'rule-crashed')).toHaveLength(1);
  });

  it('an Excel error value with no code reads as an empty cell, as its text is empty', () => {
    const view = new SheetView({ sheet: 'S', cells: [[{ error: '' }, { error: '#REF!' }, ' ', 0, NaN, false]] });
    expect([0, 1, 2, 3, 4, 5].map((c) => view.isEmpty(0, c))).toEqual([true, false, true, false, true, false]);
    expect(view.filledColumns(0)).toEqual([1, 3, 5]);
  });
});
