/**
 * Figures the tables of a 预算公开 set share (issue 16), in the RuleTester shape (tests/rule-tester.ts):
 * sum/across-tables (一般公共预算支出表 合计 = 财政拨款收支总表's 一般公共预算 支出; 基本支出表 合计 = 支出表's 基本支出;
 * 三公 parts ≥ their 经济分类 款), sum/economic-classes (人员经费 = 301 + 303, 公用经费 = 302 + 310) and unit/wan-yuan
 * (one figure 10,000 times its counterpart in another table or in the text). The tables stand one under another
 * on one sheet, each with its title and its unit, as the disclosure workbooks print them.
 */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES, recognizeWorkbook } from '../src/validation';
import { gridOf } from './helpers';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

type Unit = '元' | '万元';

/** The unit line above a table; none when the table does not state it. */
const unitLine = (unit: Unit | null): CellInput[] => (unit ? [`单位：${unit}`] : []);

/** 财政拨款收支总表: 一般公共预算 on both sides, with its 支出 in the 一般公共预算 column. */
function fiscal(general: number, unit: Unit = '万元'): CellInput[][] {
  return [
    ['2024年财政拨款收支总表'],
    [`单位：${unit}`],
    ['收入项目', '预算数', '支出项目', '合计', '一般公共预算', '政府性基金预算'],
    ['一、一般公共预算', general, '一、一般公共服务支出', general, general, null],
    ['二、政府性基金预算', null, null, null, null, null],
    ['收入总计', general, '支出总计', general, general, null],
    [],
  ];
}

/** 一般公共预算支出表 by 功能分类: one 类 and the 合计. */
function generalExpense(basic: number, project: number, unit: Unit = '万元'): CellInput[][] {
  const total = basic + project;
  return [
    ['2024年一般公共预算支出表'],
    [`单位：${unit}`],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', total, basic, project],
    ['合计', null, total, basic, project],
    [],
  ];
}

interface BasicLines {
  wages: number;
  reception: number;
  /** 303 对个人和家庭的补助. */
  pensions?: number;
  /** Put into the 公用经费 column although it is 人员经费 (a line in the wrong column). */
  pensionsAsPublic?: boolean;
  /** An extra 399 其他支出 class, which neither side is configured to hold. */
  other?: number;
  unit?: Unit | null;
}

/** 一般公共预算基本支出表 by 经济分类: 301 (with 30101), 302 (with 30217 公务接待费), 303, 合计. */
function generalBasic(lines: BasicLines): CellInput[][] {
  const { wages, reception, pensions = 0, pensionsAsPublic = false, other } = lines;
  const personnel = wages + (pensionsAsPublic ? 0 : pensions);
  const publicCost = reception + (pensionsAsPublic ? pensions : 0) + (other ?? 0);
  return [
    ['2024年一般公共预算基本支出表'],
    unitLine(lines.unit === undefined ? '元' : lines.unit),
    ['科目编码', '科目名称', '合计', '人员经费', '公用经费'],
    ['301', '工资福利支出', wages, wages, null],
    ['30101', '基本工资', wages, wages, null],
    ['302', '商品和服务支出', reception, null, reception],
    ['30217', '公务接待费', reception, null, reception],
    ...(pensions
      ? [
          [
            '303',
            '对个人和家庭的补助',
            pensions,
            pensionsAsPublic ? null : pensions,
            pensionsAsPublic ? pensions : null,
          ],
          ['30302', '退休费', pensions, pensionsAsPublic ? null : pensions, pensionsAsPublic ? pensions : null],
        ]
      : []),
    ...(other !== undefined ? [['399', '其他支出', other, null, other]] : []),
    ['合计', null, wages + reception + pensions + (other ?? 0), personnel, publicCost],
    [],
  ];
}

/** Rows other than the 类 rows (301, 302, 303): a table that lists only 款. */
const isNotClassRow = (row: CellInput[]): boolean => !['301', '302', '303'].includes(row[0] as string);

/** 一般公共预算“三公”经费支出表: one line, 公务接待费 last (then 机关运行经费 when given). */
function sanGong(reception: number, unit: Unit | null = '万元', runningCost?: number): CellInput[][] {
  const running = runningCost === undefined ? [] : [runningCost];
  return [
    [runningCost === undefined ? '2024年一般公共预算“三公”经费支出表' : '2024年“三公”经费和机关运行经费预算表'],
    unitLine(unit),
    [
      '合计',
      '因公出国（境）费',
      '公务用车购置及运行费',
      '公务接待费',
      ...(runningCost === undefined ? [] : ['机关运行经费']),
    ],
    [reception, 0, 0, reception, ...running],
    [],
  ];
}

ruleTester(rule('sum/across-tables'), {
  valid: [
    {
      name: 'the four tables agree (三公 in 万元, 30217 in 元)',
      rows: [
        ...fiscal(500.75),
        ...generalExpense(299.3, 201.45),
        ...generalBasic({ wages: 2_983_500, reception: 9_500 }),
        ...sanGong(0.95),
      ],
      tables: ['amounts', 'amounts', 'amounts', 'amounts', 'amounts'],
    },
    {
      name: 'the 三公 公务接待费 above 30217: the rest is 项目支出',
      rows: [...generalBasic({ wages: 100_000, reception: 9_500 }), ...sanGong(1.5)],
      tables: ['amounts', 'amounts'],
    },
    {
      name: 'the same figure to the 万元 table’s printed cents (229.43 万元, 2,294,335 元)',
      rows: [...generalExpense(229.43, 10, '万元'), ...generalBasic({ wages: 2_284_335, reception: 10_000 })],
      tables: ['amounts', 'amounts'],
    },
    {
      name: '机关运行经费 (万元) within the 公用经费 (元): the 行政 units’ part',
      rows: [...generalBasic({ wages: 100_000, reception: 9_500 }), ...sanGong(0.95, '万元', 0.9)],
      tables: ['amounts', 'amounts'],
    },
  ],
  invalid: [
    {
      name: '机关运行经费 above the 公用经费 it is part of',
      rows: [...generalBasic({ wages: 100_000, reception: 9_500 }), ...sanGong(0.95, '万元', 1.2)],
      tables: ['amounts', 'amounts'],
      errors: [{ cell: 'E8', messageId: 'less-than-part', related: ['E13'] }],
    },
    {
      name: 'the 一般公共预算支出表 合计 is not the 财政拨款收支总表’s 一般公共预算 支出',
      rows: [...fiscal(490.75), ...generalExpense(299.3, 201.45)],
      tables: ['amounts', 'amounts', 'amounts'],
      errors: [{ cell: 'C12', messageId: 'mismatch', related: ['E6'] }],
    },
    {
      name: 'the 基本支出表 合计 is not the 支出表’s 基本支出',
      rows: [...generalExpense(299.3, 201.45), ...generalBasic({ wages: 2_900_000, reception: 10_000 })],
      tables: ['amounts', 'amounts'],
      errors: [{ cell: 'C14', messageId: 'mismatch', related: ['D5'] }],
    },
    {
      name: 'the 三公 公务接待费 below the 基本支出表’s 30217',
      rows: [...generalBasic({ wages: 100_000, reception: 12_000 }), ...sanGong(0.95)],
      tables: ['amounts', 'amounts'],
      errors: [{ cell: 'D13', messageId: 'less-than-part', related: ['C7'] }],
    },
    {
      name: 'one cent apart in one unit: a rounding residue',
      rows: [...generalExpense(299.3, 201.45), ...generalBasic({ wages: 299, reception: 0.29, unit: '万元' })],
      tables: ['amounts', 'amounts'],
      errors: [{ ruleId: 'sum/rounding', cell: 'C14', messageId: 'rounding' }],
    },
  ],
});

ruleTester(rule('sum/economic-classes'), {
  valid: [
    {
      name: '人员经费 = 301 + 303, 公用经费 = 302',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500, pensions: 717_240 }),
      tables: ['amounts'],
    },
    {
      name: 'a table of 款 only, added up by their 类',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500, pensions: 717_240 }).filter(isNotClassRow),
      tables: ['amounts'],
    },
    {
      name: 'a 399 class neither side is configured for: not checked',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500, pensions: 717_240, pensionsAsPublic: true, other: 5 }),
      tables: ['amounts'],
    },
    {
      name: '303 configured as 公用经费 (a region that counts it so)',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500, pensions: 717_240, pensionsAsPublic: true }),
      config: { options: { personnelClasses: ['301'], publicCostClasses: ['302', '303', '310'] } },
      tables: ['amounts'],
    },
  ],
  invalid: [
    {
      name: '303 退休费 put under 公用经费',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500, pensions: 717_240, pensionsAsPublic: true }),
      tables: ['amounts'],
      errors: [
        { cell: 'D10', messageId: 'mismatch', related: ['C4', 'C8'] },
        { cell: 'E10', messageId: 'mismatch', related: ['C6'] },
      ],
    },
    {
      name: 'a table of 款 only (no 类 rows): 30302 退休费 under 公用经费',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500, pensions: 717_240, pensionsAsPublic: true }).filter(
        isNotClassRow,
      ),
      tables: ['amounts'],
      errors: [
        { cell: 'D7', messageId: 'mismatch', related: ['C4', 'C6'] },
        { cell: 'E7', messageId: 'mismatch', related: ['C5'] },
      ],
    },
    {
      name: 'a 人员经费 total left blank',
      rows: generalBasic({ wages: 2_000_000, reception: 9_500 }).map((row) =>
        row[0] === '合计' ? ['合计', null, row[2] ?? null, null, row[4] ?? null] : row,
      ),
      tables: ['amounts'],
      errors: [{ cell: 'D8', messageId: 'blank-total' }],
    },
  ],
});

ruleTester(rule('unit/wan-yuan'), {
  valid: [
    {
      name: '0.95 万元 in the 三公 table, 9,500 元 in the 基本支出表',
      rows: [...generalBasic({ wages: 100_000, reception: 9_500 }), ...sanGong(0.95)],
      tables: ['amounts', 'amounts'],
    },
    {
      name: 'the text in 万元 quotes the 元 table',
      rows: [
        ...generalBasic({ wages: 100_000, reception: 9_500 }),
        ...sanGong(9_500, '元'),
        ['2024年“三公”经费预算 0.95 万元，其中公务接待费 0.95 万元。'],
      ],
      tables: ['amounts', 'amounts'],
    },
    {
      name: 'neither table states its unit: 10,000 times apart is what 万元 beside 元 looks like',
      rows: [...generalBasic({ wages: 100_000, reception: 9_500, unit: null }), ...sanGong(0.95, null)],
      tables: ['amounts', 'amounts'],
    },
  ],
  invalid: [
    {
      name: 'the 三公 table says 万元 but holds 元',
      rows: [...generalBasic({ wages: 100_000, reception: 9_500 }), ...sanGong(9_500)],
      tables: ['amounts', 'amounts'],
      errors: [{ cell: 'D13', messageId: 'tables', related: ['C7'] }],
    },
    {
      name: 'the 基本支出表 says 万元 but holds 元',
      rows: [...generalExpense(299.3, 201.45), ...generalBasic({ wages: 2_983_000, reception: 10_000, unit: '万元' })],
      tables: ['amounts', 'amounts'],
      errors: [{ cell: 'C14', messageId: 'tables', related: ['D5'] }],
    },
    {
      name: 'the text writes 元 as 万元',
      rows: [...sanGong(0.95), ['2024年“三公”经费预算 9500 万元，其中公务接待费 9500 万元。']],
      tables: ['amounts'],
      errors: [
        { cell: 'A6', messageId: 'text', related: ['A4'] },
        { cell: 'A6', messageId: 'text', related: ['D4'] },
      ],
    },
  ],
});

describe('the unit a table states, as the unit rules read it', () => {
  test.each([
    ['单位：万元', '万元'],
    ['单位 ：万元', '万元'],
    ['单位\n：元', '元'],
    ['金额单位:元', '元'],
    ['编制单位：元阳县财政局', undefined],
  ])('%j → %s', (line, unit) => {
    const rows = generalExpense(299.3, 201.45).map((row, i) => (i === 1 ? [line] : row));
    const [table] = recognizeWorkbook([gridOf(rows)]).tables;
    expect(table?.kind === 'amounts' && table.moneyUnit).toBe(unit ?? undefined);
  });
});
