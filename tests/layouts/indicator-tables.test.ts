/**
 * Indicator-table layouts (issue 14): for each small made-up sheet, the model recognition must make of it, written
 * out in full (tables, header rows, column roles by letter, projects).
 */
import { explainModel, recognizeWorkbook } from '../../src/validation';
import * as fixtures from './indicator-fixtures';
import { findingsOf, gridOfFixture, indicatorsOf, modelOf, reportOf } from './recognize';

describe('comparator, value and unit columns', () => {
  test('指标值 merged over 符号 | 数值: 符号 is the comparator, 数值 the value', () => {
    expect(modelOf(fixtures.signValueSplit)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '绩效目标表',
          range: 'A1:G9',
          title: '2024年项目支出绩效目标表',
          headerRows: [3, 4],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'comparator', E: 'value', F: 'unit', G: 'weight' },
          paths: { D: '指标值›符号', E: '指标值›数值' },
          layout: 'form:project',
          projects: [{ name: '乡村道路养护', budget: '60', indicators: 5, weights: '90', rows: '5:9' }],
        },
      ],
      notes: [],
    });
    expect(indicatorsOf(fixtures.signValueSplit).slice(0, 2)).toEqual([
      [5, '产出指标', '数量指标', '养护道路长度', '≥', '12', '公里', '30'],
      // 一级 merged over two rows holds for both.
      [6, '产出指标', '质量指标', '验收合格率', '≥', '95', '%', '20'],
    ]);
    expect(findingsOf(fixtures.signValueSplit)).toEqual([]);
  });

  test('--explain shows each column’s header path, role and evidence', () => {
    const lines = explainModel(recognizeWorkbook([gridOfFixture(fixtures.signValueSplit)]));
    expect(lines).toEqual(
      expect.arrayContaining([
        '      D: 指标值 › 符号 → comparator (header)',
        '      E: 指标值 › 数值 → value (header)',
      ]),
    );
  });

  test('a comparator column headed 运算符 (no known name) is a comparator by its ≥ ≤ cells', () => {
    expect(modelOf(fixtures.operatorColumn)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '指标',
          range: 'A1:G6',
          headerRows: [1],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'comparator', E: 'value', F: 'unit', G: 'weight' },
          layout: 'form:project',
          projects: [{ indicators: 5, weights: '90', rows: '2:6' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.operatorColumn)).toEqual([]);
  });

  test('指标性质 holding 定量/定性 is the value type; 计算符号 beside it is the comparator', () => {
    expect(modelOf(fixtures.natureAndCalcSign)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '绩效目标',
          range: 'A1:H7',
          headerRows: [2],
          columns: {
            A: 'level1',
            B: 'level2',
            C: 'level3',
            D: 'valueType',
            E: 'comparator',
            F: 'value',
            G: 'unit',
            H: 'weight',
          },
          layout: 'form:project',
          projects: [{ name: '社区文化活动', budget: '8', indicators: 5, weights: '90', rows: '3:7' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.natureAndCalcSign)).toEqual([]);
  });

  test('指标性质 holding 正向/反向 is the direction; 指标方向 holding "=" is the comparator', () => {
    expect(modelOf(fixtures.natureDirectionEquals)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '目标表',
          range: 'A1:I10',
          title: '市场监管抽检经费项目绩效目标表',
          headerRows: [4],
          columns: {
            A: 'level1',
            B: 'level2',
            C: 'level3',
            D: 'direction',
            E: 'comparator',
            F: 'value',
            G: 'unit',
            H: 'weight',
            I: null,
          },
          layout: 'form:project',
          projects: [{ name: '食品安全抽检', budget: '6', indicators: 6, weights: '90', rows: '5:10' }],
        },
      ],
      notes: [],
    });
    // The date serial in both 目标值 and 计量单位 is read as written, and reported.
    expect(indicatorsOf(fixtures.natureDirectionEquals)[2]).toEqual([
      7,
      '产出指标',
      '时效指标',
      '抽检完成时间',
      '=',
      '45657',
      '45657',
      '10',
    ]);
    expect(findingsOf(fixtures.natureDirectionEquals)).toEqual([
      'value/date-serial F7 serial',
      'unit/not-a-unit G7 number',
    ]);
  });

  test('"=" in a column of its own under a blank header cell is the comparator', () => {
    expect(modelOf(fixtures.blankHeaderComparator)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: 'Sheet1',
          range: 'A1:G6',
          headerRows: [1],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'comparator', E: 'value', F: 'unit', G: 'weight' },
          layout: 'form:project',
          projects: [{ indicators: 5, weights: '90', rows: '2:6' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.blankHeaderComparator)).toEqual([]);
  });

  test('header marks "★三级指标", "*指标值", "*权重" name their columns', () => {
    expect(modelOf(fixtures.headerMarks)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '指标',
          range: 'A1:F5',
          headerRows: [1],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value', E: 'unit', F: 'weight' },
          layout: 'form:project',
          projects: [{ indicators: 4, weights: '90', rows: '2:5' }],
        },
      ],
      notes: [],
    });
  });

  test('a value column headed 2024年度指标值', () => {
    expect(modelOf(fixtures.yearValueHeader)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '指标',
          range: 'A1:E5',
          headerRows: [1],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value', E: 'weight' },
          layout: 'form:project',
          projects: [{ indicators: 4, weights: '90', rows: '2:5' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.yearValueHeader)).toEqual([]);
  });
});

describe('level columns', () => {
  test('twin columns (长期) | (年度): the 年度 ones, which hold the content, are the 二级/三级/指标值', () => {
    expect(modelOf(fixtures.twinColumns)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '项目支出绩效目标表',
          range: 'A1:G6',
          headerRows: [1],
          columns: { A: 'level1', B: null, C: null, D: null, E: 'level2', F: 'level3', G: 'value' },
          layout: 'form:project',
          projects: [{ indicators: 5, rows: '2:6' }],
        },
      ],
      notes: [],
    });
  });

  test('a 一级指标 column holding 数量指标/质量指标/成本指标 is the 二级, the 二级指标 column the 三级', () => {
    expect(modelOf(fixtures.level1HoldsLevel2)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '绩效目标',
          range: 'A1:C7',
          headerRows: [1],
          columns: { A: 'level2', B: 'level3', C: 'value' },
          layout: 'form:project',
          projects: [{ indicators: 6, rows: '2:7' }],
        },
      ],
      notes: [],
    });
  });

  test('一级 names with a score "(50分)" are 产出指标 and state 50', () => {
    const model = modelOf(fixtures.scoredLevel1('产出指标(50分)'));
    expect(model).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '指标',
          range: 'A1:E6',
          headerRows: [1],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value', E: 'weight' },
          layout: 'form:project',
          projects: [{ indicators: 5, weights: '90', rows: '2:6' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.scoredLevel1('产出指标(50分)'))).toEqual([]);
    // 40 + 20 under a declared 50: the score is read from the name.
    expect(findingsOf(fixtures.scoredLevel1('产出指标(50分)', 40), 'weight', 'structure')).toEqual([
      'weight/level-score A2 mismatch',
    ]);
  });

  test('a score range "(40-50)分" states no score: 产出指标 with nothing to check', () => {
    expect(findingsOf(fixtures.scoredLevel1('产出指标(40-50)分', 40), 'weight', 'structure')).toEqual([]);
  });

  test('一级 names with a score "（权重50）" are 产出指标 and state 50', () => {
    expect(findingsOf(fixtures.scoredLevel1('产出指标（权重50）'))).toEqual([]);
    expect(findingsOf(fixtures.scoredLevel1('产出指标（权重50）', 40), 'weight', 'structure')).toEqual([
      'weight/level-score A2 mismatch',
    ]);
  });
});

describe('时效 targets written as dates', () => {
  test('the text 2024年12月31日 is a date: no finding', () => {
    expect(indicatorsOf(fixtures.dateTarget('2024年12月31日'))[1]).toEqual([
      3,
      '产出指标',
      '时效指标',
      '改造完成时间',
      '',
      '2024年12月31日',
      '',
      '20',
    ]);
    expect(findingsOf(fixtures.dateTarget('2024年12月31日'))).toEqual([]);
  });

  test('the serial number 45657 is read as written, and said to be a date (2024-12-31)', () => {
    expect(indicatorsOf(fixtures.dateTarget(45657))[1]).toEqual([
      3,
      '产出指标',
      '时效指标',
      '改造完成时间',
      '',
      '45657',
      '',
      '20',
    ]);
    expect(findingsOf(fixtures.dateTarget(45657))).toEqual(expect.arrayContaining(['value/date-serial D3 serial']));
  });

  test('the serial number 45657 is one finding, value/date-serial, not also a missing unit', () => {
    expect(findingsOf(fixtures.dateTarget(45657))).toEqual(['value/date-serial D3 serial']);
  });
});

describe('flat lists (one row per indicator, projects in columns)', () => {
  test('项目预算 | 资金来源 › 本级财政资金 | 上级补助资金 | 其他资金: each project’s budget and its sources', () => {
    expect(modelOf(fixtures.flatListWithSources)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '项目绩效目标',
          range: 'A1:N12',
          title: '2025年度项目支出绩效目标表',
          moneyUnit: '万元',
          headerRows: [3, 4],
          columns: {
            A: 'projectName',
            B: 'budget',
            C: 'fundSource',
            D: 'fundSource',
            E: 'fundSource',
            F: 'target',
            G: 'level1',
            H: 'level2',
            I: 'level3',
            J: 'valueType',
            K: 'comparator',
            L: 'value',
            M: 'unit',
            N: 'weight',
          },
          paths: { C: '资金来源›本级财政资金', D: '资金来源›上级补助资金', E: '资金来源›其他资金' },
          layout: 'flat:project',
          fundSourceColumns: ['C', 'D', 'E'],
          projects: [
            {
              name: '农田灌溉渠道维护',
              budget: '120',
              sources: ['80', '40', '0'],
              indicators: 4,
              weights: '90',
              yearTarget: '维护渠道60公里',
              rows: '5:8',
            },
            {
              name: '村庄保洁',
              budget: '45',
              sources: ['45', '0', '0'],
              indicators: 4,
              weights: '90',
              yearTarget: '全年保洁',
              rows: '9:12',
            },
          ],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.flatListWithSources)).toEqual([]);
  });

  test('the same list where the office merges nothing: 资金来源 in its first cell, blanks beside and below', () => {
    const unmerged = { ...fixtures.flatListWithSources, merges: [] };
    expect(modelOf(unmerged).tables[0]).toMatchObject({
      headerRows: [3, 4],
      columns: { B: 'budget', C: 'fundSource', D: 'fundSource', E: 'fundSource', F: 'target' },
      fundSourceColumns: ['C', 'D', 'E'],
    });
    expect(findingsOf(unmerged)).toEqual([]);
    // 45 = 40 + 0 + 0 is now found wrong, as with the merges.
    const wrong = {
      ...unmerged,
      rows: unmerged.rows.map((row) => (row[0] === '村庄保洁' ? row.map((cell, c) => (c === 2 ? 40 : cell)) : row)),
    };
    expect(findingsOf(wrong).filter((f) => f.startsWith('sum/'))).toEqual(['sum/form-split B9 mismatch']);
  });

  test('a 序号 column whose name sits in the lower header row (blank above it): the band keeps both rows', () => {
    const serial = {
      ...fixtures.flatListWithSources,
      rows: fixtures.flatListWithSources.rows.map((row, r) => [
        r === 3 ? '序号' : r >= 4 && row[0] !== null ? (r === 4 ? 1 : 2) : null,
        ...row,
      ]),
      merges: [],
    };
    expect(modelOf(serial).tables[0]).toMatchObject({
      headerRows: [3, 4],
      columns: { C: 'budget', D: 'fundSource', E: 'fundSource', F: 'fundSource' },
    });
    expect(findingsOf(serial)).toEqual([]);
  });

  test('单位名称 | 项目名称 | 预算数 | 年度目标 | 一级 …: the department line and its projects', () => {
    expect(modelOf(fixtures.flatListWithUnitLine)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '绩效目标申报表',
          range: 'A1:L12',
          title: '部门预算项目绩效目标申报表(2023年度)',
          moneyUnit: '元',
          headerRows: [3],
          columns: {
            A: 'unitName',
            B: 'projectName',
            C: 'budget',
            D: 'target',
            E: 'level1',
            F: 'level2',
            G: 'level3',
            H: 'comparator',
            I: 'value',
            J: 'unit',
            K: 'weight',
            L: 'direction',
          },
          layout: 'flat:project',
          units: [{ name: '301-某镇部门', total: '12000', projects: ['村级公益事业补助', '镇村道路保洁'] }],
          projects: [
            {
              name: '村级公益事业补助',
              budget: '8600',
              indicators: 4,
              weights: '90',
              yearTarget: '完成6个村公益项目',
              rows: '5:8',
            },
            {
              name: '镇村道路保洁',
              budget: '3400',
              indicators: 4,
              weights: '90',
              yearTarget: '道路保洁全覆盖',
              rows: '9:12',
            },
          ],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.flatListWithUnitLine)).toEqual([]);
  });
});

describe('forms (label → value rows above the indicator block)', () => {
  test('a nine-column department table under 名称/职责/总体目标: columns and rows', () => {
    expect(modelOf(fixtures.departmentFormNineColumns)).toMatchObject({
      tables: [
        {
          kind: 'indicators',
          range: 'A1:I12',
          headerRows: [6],
          columns: {
            A: 'level1',
            B: 'level2',
            C: 'level3',
            D: 'valueType',
            E: 'value',
            F: 'unit',
            G: 'weight',
            H: 'direction',
            I: null,
          },
          layout: 'form:department',
          projects: [{ indicators: 6, weights: '100', rows: '7:12' }],
        },
      ],
      notes: [],
    });
  });

  test('a department table under "名称 | …" is named after it', () => {
    expect(modelOf(fixtures.departmentFormNineColumns).tables[0]).toMatchObject({
      projects: [{ name: '某区价格认证中心', indicators: 6 }],
    });
  });

  test('the old 88号 layout: 成本 and 满意度 as 二级 under 产出 and 效益', () => {
    expect(modelOf(fixtures.oldFrameworkForm)).toMatchObject({
      tables: [
        {
          kind: 'indicators',
          title: '2023年项目支出绩效目标申报表',
          moneyUnit: '万元',
          headerRows: [6],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value' },
          layout: 'form:project',
          projects: [{ name: '道路洒水降尘服务' }],
        },
      ],
      notes: [],
    });
    expect(indicatorsOf(fixtures.oldFrameworkForm)[5]).toEqual([
      12,
      '效益指标',
      '社会公众或服务对象满意度指标',
      '市民满意度',
      '',
      '≥85%',
      '',
      '',
    ]);
  });

  test('the 财政部门审核意见 footer ends the table', () => {
    expect(modelOf(fixtures.oldFrameworkForm).tables[0]).toMatchObject({
      range: 'A1:D12',
      projects: [{ name: '道路洒水降尘服务', indicators: 6, rows: '7:12' }],
    });
  });

  test('a 101号 approval form: the 项目资金/预算执行 block gives 预算执行率 its 10 points', () => {
    expect(modelOf(fixtures.approvalFormWithExecution)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          headerRows: [4],
          columns: { A: 'label', B: 'amount', C: 'amount', D: 'amount', E: 'rate', F: 'points', G: 'score' },
          layout: 'block:labels',
          rows: [[5, 'item']],
          rowFormulas: [],
          infoColumns: { E: 'rate', F: 'points', G: 'score' },
        },
        {
          kind: 'indicators',
          range: 'A1:G13',
          moneyUnit: '万元',
          headerRows: [7],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value', E: 'weight' },
          layout: 'form:project',
          projects: [
            {
              name: '集镇污水管网配套',
              budget: '50',
              indicators: 6,
              weights: '90',
              budgetExecutionWeight: '10',
              rows: '8:13',
            },
          ],
        },
      ],
      notes: [],
    });
    // 30 + 20 under 产出指标(50分); the range "(0-20)分" states nothing; the 5-digit 科目代码 is no amount.
    expect(findingsOf(fixtures.approvalFormWithExecution, 'sum', 'weight')).toEqual([]);
  });

  test('a 履职目标 list inside the form is a block of it; the form states 资金总额 150', () => {
    expect(modelOf(fixtures.dutyListForm)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          headerRows: [4],
          columns: { D: 'label', E: 'amount' },
          layout: 'block:labels',
          rows: [
            [5, 'item'],
            [6, 'item'],
          ],
          rowFormulas: [],
        },
        {
          kind: 'indicators',
          range: 'A1:G13',
          headerRows: [7],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'standard', E: 'value' },
          layout: 'form:department',
          projects: [{ budget: '150', indicators: 6, rows: '8:13' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.dutyListForm, 'sum')).toEqual([]);
  });

  test('a list’s 项目名称 column header is not the form’s 项目名称 label', () => {
    expect(modelOf(fixtures.dutyListForm).tables[1]).toMatchObject({
      projects: [{ name: '县档案馆', budget: '150', indicators: 6 }],
    });
  });

  test('an indicator library’s names, "(≥**株)" hints and ★ marks, ASCII >=', () => {
    expect(modelOf(fixtures.libraryNamesForm)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '设定表',
          range: 'A1:D8',
          headerRows: [3],
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value' },
          layout: 'form:project',
          projects: [{ name: '设施蔬菜种植', budget: '40', indicators: 5, rows: '4:8' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.libraryNamesForm, 'value', 'unit', 'direction', 'sum')).toEqual([]);
  });

  test('资金情况 as text, value and unit in one cell, merged 一级/二级, the 注 below', () => {
    expect(modelOf(fixtures.textFundsForm)).toMatchObject({
      tables: [
        {
          kind: 'indicators',
          range: 'A1:D11',
          title: '乡村振兴衔接资金绩效目标申报表',
          columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value' },
          layout: 'form:project',
          projects: [{ name: '高标准农田建设', indicators: 6, rows: '6:11' }],
        },
      ],
      notes: [],
    });
    expect(indicatorsOf(fixtures.textFundsForm)[1]).toEqual([
      7,
      '产出指标',
      '数量指标',
      '新建渠道长度',
      '',
      '≥2公里',
      '',
      '',
    ]);
  });

  test('a form row right above the header is the form’s, not the header’s (年度目标)', () => {
    expect(modelOf(fixtures.textFundsForm).tables[0]).toEqual({
      kind: 'indicators',
      sheet: '申报表',
      range: 'A1:D11',
      title: '乡村振兴衔接资金绩效目标申报表',
      headerRows: [5],
      columns: { A: 'level1', B: 'level2', C: 'level3', D: 'value' },
      layout: 'form:project',
      projects: [{ name: '高标准农田建设', indicators: 6, yearTarget: '建成高标准农田500亩', rows: '6:11' }],
    });
  });

  test('a form row right above the header is the form’s, not the header’s (项目名称, 资金总额)', () => {
    expect(modelOf(fixtures.twinColumnsUnderForm)).toEqual({
      tables: [
        {
          kind: 'indicators',
          sheet: '项目支出绩效目标表',
          range: 'A1:G7',
          headerRows: [2],
          columns: { A: 'level1', B: null, C: null, D: null, E: 'level2', F: 'level3', G: 'value' },
          layout: 'form:project',
          projects: [{ name: '学校运动场改造', budget: '300', indicators: 5, rows: '3:7' }],
        },
      ],
      notes: [],
    });
  });
});

test('every indicator fixture is recognized: the report counts a checked table on its sheet', () => {
  const all = Object.entries(fixtures).filter(
    (entry): entry is [string, fixtures.Fixture] => typeof entry[1] === 'object' && 'rows' in entry[1],
  );
  expect(all.length).toBeGreaterThanOrEqual(15);
  for (const [name, fixture] of all) {
    expect({ name, sheets: reportOf(fixture).sheets }).toEqual({
      name,
      sheets: [{ sheet: fixture.sheet, tables: 1, statements: expect.any(Number) as number }],
    });
  }
});
