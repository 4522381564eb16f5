/**
 * A province's own column names as data: a config (or a profile) adds names to the built-in vocabulary, and the
 * table is then recognized with those columns, without a code change.
 */
import { checkGrids, parseConfig, recognizeWorkbook } from '../src/validation';
import { gridOf } from './helpers';

// "考核分值" and "预期达到" are not built-in names for the weight and value columns.
const grid = gridOf(
  [
    ['一级指标', '二级指标', '三级指标', '预期达到', '计量单位', '考核分值'],
    ['产出指标', '数量指标', '培训人数', '≥200', '人次', 40],
    ['成本指标', '经济成本指标', '培训成本', '≤20', '万元', 20],
    ['效益指标', '社会效益指标', '群众知晓率', '≥90', '%', 20],
    ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90', '%', 15],
  ],
  { sheet: 'T' },
);

const vocabulary = { indicatorColumns: { weight: ['考核分值'], value: ['预期达到'] } };

test('without the names, no weight column is read: the weights are not checked, and the report says so', () => {
  const tables = recognizeWorkbook([grid]).tables;
  expect(tables.some((t) => t.kind === 'indicators' && t.columns.weight !== undefined)).toBe(false);
  const findings = checkGrids([grid]).findings;
  expect(findings.filter((f) => f.ruleId === 'weight/sum')).toEqual([]);
  expect(findings.some((f) => f.ruleId === 'structure/unrecognized')).toBe(true);
});

test('with the names in the config, the columns are read and the 95-point total is found', () => {
  const config = parseConfig({ vocabulary });
  const table = recognizeWorkbook([grid], config.vocabulary).tables[0];
  expect(table?.kind === 'indicators' && [table.columns.weight, table.columns.value]).toEqual([5, 3]);
  const findings = checkGrids([grid], { config: { vocabulary } }).findings.filter((f) => f.ruleId === 'weight/sum');
  expect(findings.map((f) => f.cell)).toEqual(['F2']);
});

test('a config names only known roles, with at least one name each', () => {
  expect(() => parseConfig({ vocabulary: { indicatorColumns: { weights: ['分'] } } })).toThrow();
  expect(() => parseConfig({ vocabulary: { amountColumns: { total: [] } } })).toThrow();
  expect(parseConfig({ vocabulary: { amountColumns: { total: ['经费合计'] } } }).vocabulary).toEqual({
    indicatorColumns: {},
    amountColumns: { total: ['经费合计'] },
  });
  expect(parseConfig({}).vocabulary).toBeUndefined();
});
