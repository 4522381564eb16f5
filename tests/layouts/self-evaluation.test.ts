/**
 * 绩效自评表 in three layouts (issue 16): recognized as self-evaluation tables with their 实际完成值, 得分, 偏差原因,
 * 预算执行 block and 总分 row; right as written (no finding of any rule), and each broken figure found by its rule.
 */
import { recognizeWorkbook } from '../../src/validation';
import type { IndicatorTable } from '../../src/validation/model';
import type { Fixture } from './indicator-fixtures';
import { findingsOf, gridOfFixture } from './recognize';
import * as fixtures from './self-evaluation-fixtures';

function selfEvaluation(fixture: Fixture): IndicatorTable {
  const tables = recognizeWorkbook([gridOfFixture(fixture)]).tables.filter(
    (t): t is IndicatorTable => t.kind === 'indicators',
  );
  expect(tables).toHaveLength(1);
  return tables[0]!;
}

/** The fixture with one cell changed (A1 address, 1-based row). */
function changed(fixture: Fixture, ...edits: [string, string | number | null][]): Fixture {
  const copy: Fixture = structuredClone(fixture);
  for (const [address, value] of edits) {
    const match = /^([A-Z])(\d+)$/.exec(address)!;
    const row = copy.rows[Number(match[2]) - 1]!;
    row[match[1]!.charCodeAt(0) - 65] = value;
  }
  return copy;
}

const LAYOUTS: [string, Fixture][] = [
  ['one 一级 column, scores in the names', fixtures.scoresInNames],
  ['一级 | 二级 | 三级 with 分值 | 得分', fixtures.threeLevels],
  ['a 预算执行 block above the indicators', fixtures.executionBlock],
];

describe.each(LAYOUTS)('自评表: %s', (_name, fixture) => {
  test('is recognized as a self-evaluation table with its scores and results, and is right as written', () => {
    const table = selfEvaluation(fixture);
    expect(table.purpose).toBe('self-evaluation');
    expect(Object.keys(table.columns)).toEqual(expect.arrayContaining(['value', 'actual', 'weight', 'score']));
    const project = table.projects[0]!;
    expect(project.indicators.length).toBeGreaterThanOrEqual(5);
    expect(project.indicators.every((i) => i.actual && i.score && i.weight)).toBe(true);
    expect(project.scoreTotal).toBeDefined();
    expect(findingsOf(fixture)).toEqual([]);
  });
});

test('the three layouts: columns, 偏差原因, 总分 and the 预算执行 line as read', () => {
  const names = selfEvaluation(fixtures.scoresInNames);
  expect(names.columns).toMatchObject({ level1: 0, level3: 1, value: 2, actual: 3, weight: 4, score: 5, deviation: 6 });
  expect(names.projects[0]!.declaredScores).toEqual([]);
  expect(names.projects[0]!.indicators[1]!.deviation?.text).toBe('雨季施工,部分路段返工');
  expect(names.projects[0]!).toMatchObject({ weightTotal: { row: 9 }, scoreTotal: { row: 9, col: 5 } });

  const levels = selfEvaluation(fixtures.threeLevels);
  expect(levels.projects[0]!.scoreTotal?.value.toString()).toBe('85.5');
  expect(levels.projects[0]!.execution).toBeUndefined();

  const block = selfEvaluation(fixtures.executionBlock).projects[0]!;
  expect(block.execution).toMatchObject({
    initialBudget: { row: 4, col: 2 },
    budget: { row: 4, col: 3 },
    executed: { row: 4, col: 4 },
    points: { row: 4, col: 5 },
    rate: { row: 4, col: 6, decimals: 0 },
    score: { row: 4, col: 7 },
  });
  expect(block.execution?.rate?.value.toString()).toBe('95');
  expect(block.scoreTotal?.value.toString()).toBe('97.5');
});

test('a 绩效目标表 with 分值 but no 实际完成值 or 得分 is not a self-evaluation table', () => {
  const target: Fixture = {
    sheet: 'T',
    rows: [
      ['项目支出绩效目标表'],
      ['一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['产出指标', '数量指标', '维修面积', '≥1000平方米', 50],
      ['效益指标', '社会效益指标', '办公条件改善', '显著', 40],
      ['满意度指标', '服务对象满意度指标', '职工满意度', '≥90%', 10],
    ],
  };
  expect(selfEvaluation(target).purpose).toBe('targets');
});

describe('each broken figure is found by its rule', () => {
  test.each<[string, Fixture, string[]]>([
    ['得分 above 分值', changed(fixtures.threeLevels, ['G4', 22], ['G12', 87.5]), ['score/over-points G4 over']],
    ['总分 row ≠ Σ 得分', changed(fixtures.threeLevels, ['G12', 90]), ['score/total G12 mismatch']],
    [
      '执行率 ≠ 全年执行数 ÷ 全年预算数',
      changed(fixtures.executionBlock, ['G5', '98%']),
      // The 得分 9.5 follows the amounts (38 / 40): only the rate is wrong.
      ['score/execution-rate G5 mismatch'],
    ],
    [
      '预算执行 得分 ≠ 执行率 × 分值',
      changed(fixtures.executionBlock, ['H5', 10], ['H16', 98]),
      ['score/execution-score H5 mismatch'],
    ],
    [
      'a target met with less than the full 分值',
      changed(fixtures.scoresInNames, ['F4', 18], ['F10', 94]),
      ['score/target-met F4 met-not-full', 'score/deviation-reason G4 missing'],
    ],
    [
      'a target missed with the full 分值',
      changed(fixtures.executionBlock, ['H14', 20], ['H16', 99.5]),
      ['score/target-met H14 unmet-full'],
    ],
    [
      '未达成 with full points',
      changed(fixtures.threeLevels, ['E8', '未达成'], ['G8', 5], ['G12', 87]),
      ['score/grade-band G8 band'],
    ],
    [
      'a lost point with no 偏差原因',
      changed(fixtures.threeLevels, ['H9', null]),
      ['score/deviation-reason H9 missing'],
    ],
    [
      'a grade for a 定量 target',
      changed(fixtures.executionBlock, ['F14', '达成预期指标']),
      ['score/actual-kind F14 not-number'],
    ],
  ])('%s', (_name, fixture, expected) => {
    expect(findingsOf(fixture, 'score', 'weight', 'sum')).toEqual(expected);
  });
});

test('a rate stored as a fraction and shown as a percentage is read to the format’s decimals', () => {
  const grid = gridOfFixture(changed(fixtures.executionBlock, ['G5', 0.9499]));
  grid.numberFormats = [];
  grid.numberFormats[4] = [null, null, null, null, null, null, '0.00%'];
  const rate = recognizeWorkbook([grid]).tables.flatMap((t) =>
    t.kind === 'indicators' ? t.projects.map((p) => p.execution?.rate) : [],
  )[0];
  expect(rate).toMatchObject({ decimals: 2 });
  expect(rate?.value.toString()).toBe('94.99');
});
