import { factsOf } from '../../indicator-facts';
import type { Level1Kind, Level2Kind } from '../../vocabulary';
import { defineRule } from '../types';

/** Which 二级 belong under which 一级, both generations accepted (domain.md §3). */
const ALLOWED: Record<Level1Kind, ReadonlySet<Level2Kind>> = {
  output: new Set(['quantity', 'quality', 'timeliness', 'cost']),
  cost: new Set(['economicCost', 'socialCost', 'ecoCost', 'cost']),
  benefit: new Set(['economicBenefit', 'socialBenefit', 'ecoBenefit', 'sustainability', 'satisfaction']),
  satisfaction: new Set(['satisfaction']),
};

export const level2ParentRule = defineRule({
  id: 'structure/level2-parent',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '二级指标放错一级指标', 'en-US': 'Level-2 under the wrong level-1' },
    description: {
      'zh-CN':
        '二级指标放在了不属于它的一级指标下（如“数量指标”在“效益指标”下）。旧版体系中“成本指标”在产出下、“满意度”在效益下均可接受。',
      'en-US':
        'A 二级 indicator under a 一级 it does not belong to ("数量指标" under "效益指标"). The older placements (成本 under 产出, 满意度 under 效益) are accepted.',
    },
    why: {
      'zh-CN': '层级错位会使一级指标的分值统计和必备指标检查出错。',
      'en-US': 'A misplaced level breaks the 一级 score totals and the required-indicator checks.',
    },
    messages: {
      wrong: {
        'zh-CN': '二级指标“{level2}”不应放在一级指标“{level1}”之下',
        'en-US': 'The 二级 indicator “{level2}” does not belong under the 一级 indicator “{level1}”',
      },
    },
    examples: { fail: '效益指标 | 数量指标 | 培训人数', pass: '产出指标 | 数量指标 | 培训人数' },
  },
  visitIndicators(context) {
    const reported = new Set<string>();
    return (indicator) => {
      const { level1, level2 } = factsOf(indicator);
      if (!level1 || !level2 || ALLOWED[level1].has(level2) || !indicator.level2) return;
      const key = `${indicator.level2.sheet}!${indicator.level2.row},${indicator.level2.col}`;
      if (reported.has(key)) return;
      reported.add(key);
      context.report({
        messageId: 'wrong',
        data: { level1: indicator.level1!.text, level2: indicator.level2.text },
        at: indicator.level2,
        related: [indicator.level1!],
      });
    };
  },
});
