import { isMoneyUnit } from '../../indicator-value';
import { directionOf } from '../../vocabulary';
import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const costComparatorRule = defineRule({
  id: 'direction/cost-comparator',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '成本指标应为“≤”', 'en-US': 'Cost target should be “≤”' },
    description: {
      'zh-CN':
        '成本指标是控制性指标，应使用“≤”（或“=”）；用“≥”或不写符号都是错误。以减少、降低、节约为目标的指标除外。',
      'en-US':
        'A cost indicator is a ceiling and takes "≤" (or "="); "≥" or no comparator is wrong. Indicators that aim at a reduction or saving are exempt.',
    },
    why: {
      'zh-CN': '“网络维护费 ≥ 10 万元”等于要求多花钱，财政局会直接退回。',
      'en-US': '"网络维护费 ≥ 10 万元" asks to spend more; the 财政局 sends it straight back.',
    },
    messages: {
      'greater-than': {
        'zh-CN': '成本指标“{name}”使用了“{comparator}”，成本应设上限，请改为“≤”',
        'en-US': 'The cost indicator “{name}” uses “{comparator}”; a cost is a ceiling: use “≤”',
      },
      'no-comparator': {
        'zh-CN': '成本指标“{name}”的指标值“{value}”没有比较符号，应写为“≤ 金额”',
        'en-US': 'The cost indicator “{name}” has no comparator in “{value}”: write “≤ amount”',
      },
    },
    examples: { fail: '网络维护费 | 万元 | ≥ | 10', pass: '网络维护费 | 万元 | ≤ | 7' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      if (!facts.isCost || facts.isReduction || facts.value.declaredQualitative) return;
      // Only 经济成本 is money with a ceiling (财预〔2021〕101号); 社会/生态环境成本 not measured in money may be
      // anything measurable.
      if ((facts.level2 === 'socialCost' || facts.level2 === 'ecoCost') && !isMoneyUnit(facts.value.unit)) return;
      const { comparator, kind } = facts.value;
      if (comparator === '≥' || comparator === '>') {
        context.report({
          messageId: 'greater-than',
          data: { name: indicatorName(indicator), comparator },
          at: indicator.comparator ?? valueCell(indicator, table),
        });
      } else if (
        comparator === undefined &&
        kind === 'quantitative' &&
        // 指标方向 "反向" says the target is a ceiling: the sign is given by the column.
        directionOf(indicator.direction?.text ?? '') !== 'negative'
      ) {
        context.report({
          messageId: 'no-comparator',
          data: { name: indicatorName(indicator), value: cellText(indicator.value) },
          at: indicator.comparator ?? valueCell(indicator, table),
        });
      }
    };
  },
});
