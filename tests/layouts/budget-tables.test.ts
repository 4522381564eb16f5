/**
 * Budget-disclosure layouts (issue 14): for each small made-up sheet, the model recognition must make of it: header
 * rows, column roles by letter, every row as [sheet row, kind, code, parent's row], and the identities each row must
 * satisfy.
 */
import { checkGrids } from '../../src/validation';
import * as fixtures from './budget-fixtures';
import { findingsOf, gridOfFixture, modelOf, reportOf } from './recognize';

describe('功能分类 tables', () => {
  test('功能分类科目编码 above 类 | 款 | 项, 合计 on top: codes from the three columns, 合计 = Σ 类', () => {
    expect(modelOf(fixtures.classSectionItemTotalOnTop)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '一般公共预算支出表',
          range: 'A3:G13',
          title: '2025年一般公共预算支出预算表(按支出功能分类科目)',
          moneyUnit: '元',
          headerRows: [3, 4],
          columns: {
            A: 'code:类',
            B: 'code:款',
            C: 'code:项',
            D: 'label',
            E: 'total',
            F: 'basic',
            G: 'project',
          },
          paths: { A: '功能分类科目编码›类', B: '功能分类科目编码›款', C: '功能分类科目编码›项' },
          layout: 'code',
          rows: [
            [5, 'total'],
            [6, 'item', '208'],
            [7, 'item', '20805', 6],
            [8, 'item', '2080501', 7],
            [9, 'item', '2080505', 7],
            [10, 'item', '210'],
            [11, 'item', '21001', 10],
            [12, 'item', '2100101', 11],
            [13, 'item', '2100199', 11],
          ],
          rowFormulas: ['E = F + G'],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.classSectionItemTotalOnTop)).toEqual([]);
  });

  test('类 | 款 | 项 with only each line’s own part written ("", "06", "01"), 合计 at the bottom', () => {
    expect(modelOf(fixtures.classSectionItemTotalAtBottom)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '功能分类',
          range: 'A2:G11',
          moneyUnit: '元',
          headerRows: [2, 3],
          columns: {
            A: 'code:类',
            B: 'code:款',
            C: 'code:项',
            D: 'label',
            E: 'total',
            F: 'basic',
            G: 'project',
          },
          paths: { A: '功能分类科目编码›类', B: '功能分类科目编码›款', C: '功能分类科目编码›项' },
          layout: 'code',
          rows: [
            [4, 'item', '201'],
            [5, 'item', '20106', 4],
            [6, 'item', '2010601', 5],
            [7, 'item', '2010699', 5],
            [8, 'item', '221'],
            [9, 'item', '22102', 8],
            [10, 'item', '2210201', 9],
            [11, 'total'],
          ],
          rowFormulas: ['E = F + G'],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.classSectionItemTotalAtBottom)).toEqual([]);
  });

  test('three header rows (科目 / 科目编码 / 类 款 项): the third is header, and a real 10.00 mismatch is found', () => {
    expect(modelOf(fixtures.threeHeaderRows)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '支出表',
          range: 'A1:G8',
          headerRows: [1, 2, 3],
          columns: {
            A: 'code:类',
            B: 'code:款',
            C: 'code:项',
            D: 'label',
            E: 'total',
            F: 'basic',
            G: 'project',
          },
          paths: {
            A: '科目›科目编码›类',
            B: '科目›科目编码›款',
            C: '科目›科目编码›项',
            D: '科目›科目名称',
            E: '本年预算›合计',
            F: '本年预算›基本支出',
            G: '本年预算›项目支出',
          },
          layout: 'code',
          rows: [
            [4, 'total'],
            [5, 'item', '201'],
            [6, 'item', '20101', 5],
            [7, 'item', '2010101', 6],
            [8, 'item', '2010104', 6],
          ],
          rowFormulas: ['E = F + G'],
        },
      ],
      notes: [],
    });
    // 款 20101 states 50 (基本 30) where its 项 add up to 60 (基本 40); 类 201 (60, 基本 40) is then ≠ its 款.
    expect(findingsOf(fixtures.threeHeaderRows)).toEqual([
      'sum/hierarchy E5 mismatch',
      'sum/hierarchy F5 mismatch',
      'sum/hierarchy E6 mismatch',
      'sum/hierarchy F6 mismatch',
    ]);
  });

  test('a total column headed 一般公共预算支出合计 is the 合计 of 基本支出 + 项目支出', () => {
    expect(modelOf(fixtures.qualifiedTotalHeader)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '一般公共预算支出表',
          range: 'A1:E6',
          headerRows: [1],
          columns: { A: 'code', B: 'label', C: 'total', D: 'basic', E: 'project' },
          layout: 'code',
          rows: [
            [2, 'total'],
            [3, 'item', '201'],
            [4, 'item', '20103', 3],
            [5, 'item', '2010301', 4],
            [6, 'item', '2010350', 4],
          ],
          rowFormulas: ['C = D + E'],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.qualifiedTotalHeader)).toEqual([]);
  });

  test('a table of one 类: its 合计 is that 类 (Σ top-level rows), not Σ every row', () => {
    expect(modelOf(fixtures.oneClassOnly)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '政府性基金',
          range: 'A2:E7',
          title: '政府性基金预算支出表',
          headerRows: [2],
          columns: { A: 'code', B: 'label', C: 'total', D: 'basic', E: 'project' },
          layout: 'code',
          rows: [
            [3, 'total'],
            [4, 'item', '212'],
            [5, 'item', '21208', 4],
            [6, 'item', '2120803', 5],
            [7, 'item', '2120899', 5],
          ],
          rowFormulas: ['C = D + E'],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.oneClassOnly)).toEqual([]);
  });
});

describe('收支总表 and lists of labels', () => {
  test('收支总表 with a 序号 column and a 栏次 row: two sides, 栏次 in the header, 序号 in no table', () => {
    expect(modelOf(fixtures.summaryWithSerialAndColumnNumbers)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '部门预算收支总表',
          range: 'B3:C12',
          title: '部门预算收支总表',
          moneyUnit: '万元',
          headerRows: [3, 4, 5],
          columns: { B: 'label', C: 'amount' },
          paths: { B: '收入›项目', C: '收入›预算数' },
          layout: 'labels:income',
          rows: [
            [6, 'item'],
            [7, 'item'],
            [8, 'item'],
            [10, 'total'],
            [11, 'item'],
            [12, 'total'],
          ],
          rowFormulas: [],
        },
        {
          kind: 'amounts',
          sheet: '部门预算收支总表',
          range: 'D3:E12',
          title: '部门预算收支总表',
          moneyUnit: '万元',
          headerRows: [3, 4, 5],
          columns: { D: 'label', E: 'amount' },
          paths: { D: '支出›项目', E: '支出›预算数' },
          layout: 'labels:expense',
          rows: [
            [6, 'item'],
            [7, 'item'],
            [8, 'item'],
            [9, 'item'],
            [10, 'total'],
            [11, 'item'],
            [12, 'total'],
          ],
          rowFormulas: [],
        },
      ],
      notes: [],
    });
    // 本年收入合计 320 ≠ 本年支出合计 340 is right (上年结转结余 20 is spent); the 栏次 numbers are added to nothing.
    expect(findingsOf(fixtures.summaryWithSerialAndColumnNumbers)).toEqual([]);
  });

  test('其中 lines are parts of the line above; the next numbered line is not', () => {
    expect(modelOf(fixtures.ofWhichLines)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '支出总表',
          // "…总表" is a title like "…支出表" (issue 16: the 公开 set is told by its titles).
          title: '部门支出总表',
          range: 'A2:B8',
          headerRows: [2],
          columns: { A: 'label', B: 'amount' },
          layout: 'labels',
          rows: [
            [3, 'item'],
            [4, 'part', null, 3],
            [5, 'part', null, 3],
            [6, 'item'],
            [7, 'part', null, 6],
            [8, 'total'],
          ],
          rowFormulas: [],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.ofWhichLines)).toEqual([]);
  });

  test('收入构成 / 支出构成 with a 合计 each, under 当年金额 | 近两年收支金额 › 2019年 | 2020年 | 占比', () => {
    expect(modelOf(fixtures.incomeExpenseComposition)).toEqual({
      tables: [
        {
          kind: 'amounts',
          sheet: '申报表',
          range: 'C3:G10',
          title: '部门整体支出绩效目标申报表',
          headerRows: [3, 4],
          columns: { A: null, B: null, C: 'label', D: 'amount', E: null, F: null, G: 'share' },
          paths: { E: '近两年收支金额›2019年', F: '近两年收支金额›2020年' },
          layout: 'labels',
          rows: [
            [5, 'item'],
            [6, 'item'],
            [7, 'total'],
            [8, 'item'],
            [9, 'item'],
            [10, 'total'],
          ],
          rowFormulas: [],
          infoColumns: { G: 'share' },
        },
      ],
      notes: [],
    });
    // Each 合计 adds its own group: 500 = 500 + 0 and 500 = 375 + 125; the phone number is no amount.
    expect(findingsOf(fixtures.incomeExpenseComposition)).toEqual([]);
    // With no indicator block below it, the composition is a table of its own: its sheet counts it as checked.
    expect(reportOf(fixtures.incomeExpenseComposition).sheets[0]!.tables).toBe(1);
  });

  test('a text-only sheet: no table, and nothing to say (no numbers in cells)', () => {
    expect(modelOf(fixtures.textOnly)).toEqual({ tables: [], notes: [] });
    expect(reportOf(fixtures.textOnly).sheets).toEqual([{ sheet: '情况说明', tables: 0, statements: 2 }]);
    expect(findingsOf(fixtures.textOnly)).toEqual([]);
  });
});

describe('三公 tables', () => {
  test('a one-row 三公 table: 合计 = 出国 + 公务用车 + 接待, 公务用车 小计 = 购置 + 运行', () => {
    expect(modelOf(fixtures.sanGongOneRow)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          range: 'A3:F5',
          moneyUnit: '万元',
          headerRows: [3, 4],
          columns: {
            A: 'total',
            B: 'abroad',
            C: 'vehicle',
            D: 'vehiclePurchase',
            E: 'vehicleRunning',
            F: 'reception',
          },
          paths: { C: '公务用车购置及运行费›小计', D: '公务用车购置及运行费›购置费', E: '公务用车购置及运行费›运行费' },
          rows: [[5, 'item']],
          rowFormulas: ['A = B + C + F', 'C = D + E'],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.sanGongOneRow)).toEqual([]);
  });

  test('without merges, the 说明 paragraph under the table (in the 合计 column) ends the table, not a line of it', () => {
    const unmerged = {
      ...fixtures.sanGongOneRow,
      rows: [...fixtures.sanGongOneRow.rows.slice(0, 5), ['(一)因公出国(境)费预算5万元，与上年持平。']],
      merges: ['C3:E3'],
    };
    expect(modelOf(unmerged).tables[0]).toMatchObject({ range: 'A3:F5', rows: [[5, 'item']] });
    expect(findingsOf(unmerged)).toEqual([]);
  });

  test('a one-row 三公 table is a table of its own, counted on its sheet', () => {
    expect(modelOf(fixtures.sanGongOneRow).tables[0]).toMatchObject({ layout: 'flat' });
    expect(reportOf(fixtures.sanGongOneRow).sheets).toEqual([{ sheet: '三公经费', tables: 1, statements: 1 }]);
  });

  test('a three-row 三公 header with 机关运行经费 beside it: 机关运行经费 is an amount of its own', () => {
    expect(modelOf(fixtures.sanGongThreeRowHeader)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          title: '2025年部门“三公”经费和机关运行经费预算表',
          moneyUnit: '万元',
          headerRows: [3, 4, 5],
          columns: {
            A: 'total',
            B: 'abroad',
            C: 'vehicle',
            D: 'vehiclePurchase',
            E: 'vehicleRunning',
            F: 'reception',
            G: 'separate',
          },
          paths: {
            A: '“三公”经费预算数›合计',
            B: '“三公”经费预算数›因公出国(境)费',
            C: '“三公”经费预算数›公务用车购置及运行费›小计',
            D: '“三公”经费预算数›公务用车购置及运行费›购置费',
            E: '“三公”经费预算数›公务用车购置及运行费›运行费',
            F: '“三公”经费预算数›公务接待费',
          },
          rows: [[6, 'item']],
          rowFormulas: ['A = B + C + F', 'C = D + E'],
          infoColumns: { G: 'separate' },
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.sanGongThreeRowHeader)).toEqual([]);
  });

  test('a three-row 三公 header: a table of its own, its range covering 机关运行经费', () => {
    expect(modelOf(fixtures.sanGongThreeRowHeader).tables[0]).toMatchObject({ layout: 'flat', range: 'A3:G6' });
    expect(reportOf(fixtures.sanGongThreeRowHeader).sheets).toEqual([
      { sheet: '三公和机关运行经费', tables: 1, statements: 0 },
    ]);
  });

  test('a 项目 | 预算数 三公 list numbered 1. 2. 3. with 其中 (1) (2)', () => {
    expect(modelOf(fixtures.sanGongList)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          range: 'A3:B9',
          title: '“三公”经费预算表',
          moneyUnit: '万元',
          headerRows: [3],
          columns: { A: 'label', B: 'amount' },
          layout: 'labels',
          rowFormulas: [],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.sanGongList)).toEqual([]);
  });

  test('其中 (1) … (2) …: both lines are parts of 公务用车购置及运行费', () => {
    expect(modelOf(fixtures.sanGongList).tables[0]).toMatchObject({
      rows: [
        [4, 'total'],
        [5, 'item'],
        [6, 'item'],
        [7, 'part', null, 6],
        [8, 'part', null, 6],
        [9, 'item'],
      ],
    });
  });

  test('比上年增、减情况 › 增减金额 | 增减幅度 and the 注 merged below', () => {
    expect(modelOf(fixtures.sanGongWithChange)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          range: 'A3:E10',
          moneyUnit: '万元',
          headerRows: [3, 4],
          columns: { A: 'label', B: 'amount', C: 'amount', E: 'change' },
          paths: { D: '比上年增、减情况›增减金额', E: '比上年增、减情况›增减幅度' },
          layout: 'labels',
          rows: [
            [5, 'total'],
            [6, 'item'],
            [7, 'item'],
            [8, 'item'],
            [9, 'part', null, 8],
            [10, 'part', null, 8],
          ],
          rowFormulas: [],
        },
      ],
    });
    expect(findingsOf(fixtures.sanGongWithChange, 'sum')).toEqual([]);
  });

  test('增减金额 is a change column like 增减幅度, not an unrecognized range', () => {
    expect(modelOf(fixtures.sanGongWithChange)).toMatchObject({
      tables: [{ columns: { D: 'change', E: 'change' }, infoColumns: { D: 'change', E: 'change' } }],
      notes: [],
    });
  });
});

test('a set of tables on their own sheets, and a text sheet: each sheet says how many tables were checked', () => {
  const grids = [
    fixtures.summaryWithSerialAndColumnNumbers,
    fixtures.classSectionItemTotalAtBottom,
    fixtures.ofWhichLines,
    fixtures.textOnly,
  ].map(gridOfFixture);
  expect(modelOf(grids).tables.map((t) => `${t.sheet} ${t.layout}`)).toEqual([
    '部门预算收支总表 labels:income',
    '部门预算收支总表 labels:expense',
    '功能分类 code',
    '支出总表 labels',
  ]);
  expect(checkGrids(grids).sheets).toEqual([
    { sheet: '部门预算收支总表', tables: 2, statements: 0 },
    { sheet: '功能分类', tables: 1, statements: 0 },
    { sheet: '支出总表', tables: 1, statements: 0 },
    { sheet: '情况说明', tables: 0, statements: 2 },
  ]);
  expect(checkGrids(grids).findings).toEqual([]);
});

test('every budget fixture with numbers is recognized: a table on its sheet, every number claimed', () => {
  const all = Object.entries(fixtures).filter(
    (entry): entry is [string, fixtures.Fixture] => typeof entry[1] === 'object' && 'rows' in entry[1],
  );
  expect(all.length).toBeGreaterThanOrEqual(13);
  for (const [name, fixture] of all) {
    if (fixture === fixtures.textOnly) continue;
    const model = modelOf(fixture);
    expect({ name, tables: model.tables.length > 0 }).toEqual({ name, tables: true });
    expect({ name, noTable: model.notes.filter((n) => n.startsWith('no-table')) }).toEqual({ name, noTable: [] });
  }
});
