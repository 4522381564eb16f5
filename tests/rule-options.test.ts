/** Per-rule options: each rule declares the options it reads; a config may set them for one rule only. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES, RuleOptionsError, parseConfig, ruleOptionsOf } from '../src/validation';
import { cli } from './cli-helpers';
import { check, gridOf, ofRule, tempDir } from './helpers';

// One project whose weights add up to 80: wrong under the default (100, or 90 + 预算执行率 10).
const grid = gridOf([
  ['一级指标', '二级指标', '三级指标', '指标值', '权重'],
  ['产出指标', '数量指标', '培训人次', '≥200人次', 30],
  ['效益指标', '社会效益指标', '培训满意率', '≥95%', 30],
  ['满意度指标', '服务对象满意度指标', '学员满意度', '≥90%', 20],
]);

test('a rule reads its own options over the shared ones; the other rules keep theirs', () => {
  expect(check(grid).tables).toHaveLength(1);
  expect(ofRule(check(grid), 'weight/sum')).toHaveLength(1);
  const config = parseConfig({
    rules: { 'weight/sum': { options: { weightTotal: 80, acceptBudgetExecutionWeight: false } } },
  });
  expect(ofRule(check(grid, { config }), 'weight/sum')).toEqual([]);
  expect(ruleOptionsOf(config).get('weight/sum')).toMatchObject({ weightTotal: 80, satisfactionFloor: 85 });
  // A severity and options together.
  const quiet = parseConfig({ rules: { 'weight/sum': { severity: 'info', options: { weightTotal: 70 } } } });
  expect(ofRule(check(grid, { config: quiet }), 'weight/sum').map((f) => f.severity)).toEqual(['info']);
});

test('a setting the rule cannot take is refused, naming the rule and the option', () => {
  const wrongKind = parseConfig({ rules: { 'weight/sum': { options: { weightTotal: '九十' } } } });
  expect(() => ruleOptionsOf(wrongKind)).toThrow(RuleOptionsError);
  expect(() => ruleOptionsOf(wrongKind)).toThrow(/weight\/sum.*weightTotal/);
  // satisfactionFloor is value/satisfaction-floor's, not weight/sum's.
  const notItsOption = parseConfig({ rules: { 'weight/sum': { options: { satisfactionFloor: 90 } } } });
  expect(() => ruleOptionsOf(notItsOption)).toThrow(/weight\/sum/);
  const noOptions = parseConfig({ rules: { 'structure/nameless': { options: { tolerance: 1 } } } });
  expect(() => ruleOptionsOf(noOptions)).toThrow(/structure\/nameless.*no options/);
  expect(() => check(grid, { config: wrongKind })).toThrow(RuleOptionsError);
});

test('every rule that reads options declares them, with a default for each', () => {
  for (const rule of ALL_RULES) {
    if (!rule.meta.options) continue;
    for (const name of rule.meta.options.names) expect(name in rule.meta.options.defaults).toBe(true);
  }
  expect(ALL_RULES.filter((r) => r.meta.options).length).toBeGreaterThan(5);
});

test('the CLI refuses a config with a bad rule option: one line, exit 2', async () => {
  const dir = tempDir();
  const config = join(dir, 'config.json');
  writeFileSync(config, JSON.stringify({ rules: { 'sum/hierarchy': { options: { tolerance: -1 } } } }));
  const { code, stderr } = await cli('--config', config, dir);
  expect(code).toBe(2);
  expect(stderr).toContain('sum/hierarchy');
  expect(stderr).toContain('tolerance');
});
