import { factsOf } from '../../indicator-facts';
import type { Level1Kind } from '../../vocabulary';
import { projectName } from '../shared/names';
import { defineRule, ruleOptions } from '../types';

const LABEL: Record<Level1Kind, { 'zh-CN': string; 'en-US': string }> = {
  output: { 'zh-CN': '产出指标', 'en-US': '产出 (output)' },
  cost: { 'zh-CN': '成本指标', 'en-US': '成本 (cost)' },
  benefit: { 'zh-CN': '效益指标', 'en-US': '效益 (benefit)' },
  satisfaction: { 'zh-CN': '满意度指标', 'en-US': '满意度 (satisfaction)' },
};

export const requiredLevelsRule = defineRule({
  id: 'structure/required-levels',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '缺少必备的一级指标', 'en-US': 'Missing a required level-1' },
    description: {
      'zh-CN':
        '每个项目至少有一个产出指标、一个效益指标、一个满意度指标；2021 年体系（national-2021）还须有成本指标（一级，或旧版的二级“成本指标”）。',
      'en-US':
        'Every project has at least one 产出, one 效益 and one 满意度 indicator; under the 2021 framework (national-2021) also a 成本 indicator (一级, or the older 二级 成本指标).',
    },
    why: {
      'zh-CN': '缺少必备维度的绩效目标表不符合指标体系要求，审核时会被退回补充。',
      'en-US': 'A table missing a required dimension does not meet the framework and is sent back.',
    },
    messages: {
      missing: {
        'zh-CN': '“{project}”没有{level}',
        'en-US': '“{project}” has no {level} indicator',
      },
    },
    examples: { fail: '只有产出指标和满意度指标的项目', pass: '产出、成本、效益、满意度指标齐全的项目' },
    options: ruleOptions('requireCostIndicator'),
  },
  visitProjects(context) {
    return (project, table) => {
      if (table.columns.level1 === undefined || project.indicators.length === 0) return;
      const present = new Set<Level1Kind>();
      for (const indicator of project.indicators) {
        const facts = factsOf(indicator);
        if (facts.level1) present.add(facts.level1);
        if (facts.underCostLevel) present.add('cost');
        if (facts.level2 === 'satisfaction') present.add('satisfaction');
      }
      if (present.size === 0) return;
      const required: Level1Kind[] = ['output', 'benefit', 'satisfaction'];
      if (context.options.requireCostIndicator) required.splice(1, 0, 'cost');
      // The finding points at the project's indicators, where the missing rows belong; its name is related.
      const first = project.indicators[0]!;
      const at = first.level1 ??
        first.level2 ??
        first.level3 ?? {
          sheet: table.sheet,
          row: project.firstRow,
          col: table.range.left,
        };
      for (const kind of required) {
        if (present.has(kind)) continue;
        context.report({
          messageId: 'missing',
          data: { project: projectName(project), level: LABEL[kind] },
          at,
          related: project.name ? [project.name] : [],
          tableId: table.id,
        });
      }
    };
  },
});
