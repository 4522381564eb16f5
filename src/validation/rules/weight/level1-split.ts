import Decimal from 'decimal.js';
import { factsOf, weightSum } from '../../indicator-facts';
import { plain } from '../../messages';
import type { Level1Kind } from '../../vocabulary';
import { defineRule, ruleOptions } from '../types';
import { projectName } from '../shared/names';

const LEVEL1_LABEL: Record<Level1Kind, string> = {
  output: '产出指标',
  cost: '成本指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};

export const level1SplitRule = defineRule({
  id: 'weight/level1-split',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '一级指标分值分配不符', 'en-US': 'Level-1 score split differs' },
    description: {
      'zh-CN':
        '配置了一级指标分值（如 产出 50 / 效益 30 / 满意度 10）时，每个项目各一级指标下的权重之和与之相符。未配置时不检查。',
      'en-US':
        'When a per-一级 split is configured (e.g. 产出 50 / 效益 30 / 满意度 10), the weights under each 一级 of every project match it. Not checked when no split is configured.',
    },
    why: {
      'zh-CN': '不少地区对一级指标分值有统一要求，偏离会在审核时被退回。',
      'en-US': 'Many regions prescribe the split between 一级 indicators; a table that departs from it is sent back.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{project}”的{level}权重合计为 {actual}，本地区要求为 {expected}',
        'en-US': 'The {level} weights of “{project}” add up to {actual}; this region expects {expected}',
      },
    },
    examples: { fail: '要求产出 50：产出指标权重 20 + 20 = 40', pass: '要求产出 50：产出指标权重 20 + 20 + 10 = 50' },
    options: ruleOptions('level1Split'),
  },
  check(context) {
    const split = context.options.level1Split;
    if (!split) return;
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators' || table.columns.weight === undefined || table.columns.level1 === undefined)
        continue;
      for (const project of table.projects) {
        for (const [kind, expected] of Object.entries(split) as [Level1Kind, number | undefined][]) {
          if (expected === undefined) continue;
          const below = project.indicators.filter((i) => i.weight && factsOf(i).level1 === kind);
          const actual = weightSum(below);
          if (actual.equals(new Decimal(expected))) continue;
          const at = below[0]?.weight ?? project.indicators.find((i) => i.weight)?.weight;
          if (!at) continue;
          context.report({
            messageId: 'mismatch',
            data: { project: projectName(project), level: LEVEL1_LABEL[kind], actual: plain(actual), expected },
            at,
            related: below.map((i) => i.weight!),
            tableId: table.id,
          });
        }
      }
    }
  },
});
