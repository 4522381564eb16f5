import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { isMoneyUnit, isRateUnit } from '../../indicator-value';
import { defineRule } from '../types';

/** Names that are amounts of money whatever the 二级 above them. */
const MONEY_NAME = /费用|经费|资金|金额|款$|费$/;

export const costUnitRule = defineRule({
  id: 'unit/cost-unit',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '成本指标单位不是金额', 'en-US': 'Cost target not in money' },
    description: {
      'zh-CN':
        '经济成本指标的计量单位应为货币（元、万元、元/人、万元/年 …）或比率（%）；社会成本、生态环境成本指标不在此列。',
      'en-US':
        'An economic cost indicator is measured in money (元, 万元, 元/人, 万元/年 …) or as a rate (%); social and environmental costs are not.',
    },
    why: {
      'zh-CN': '“邮寄成本 … 套”“财政负担成本 = 40000 人/年”无法与预算对照，成本控制目标形同虚设。',
      'en-US':
        '"邮寄成本 … 套" or "财政负担成本 = 40000 人/年" cannot be compared with the budget: the cost control means nothing.',
    },
    messages: {
      'not-money': {
        'zh-CN': '成本指标“{name}”的单位“{unit}”不是货币或比率单位，应为元、万元或 %',
        'en-US': 'The cost indicator “{name}” is measured in “{unit}”, not in money or a rate: use 元, 万元 or %',
      },
    },
    examples: { fail: '邮寄成本 | 套 | ≥ | 10', pass: '邮寄成本 | 万元 | ≤ | 3' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const unit = facts.value.unit;
      // 社会成本 / 生态环境成本 are measured in their own units (起, 亩, 吨标准煤, 分贝), unless the name itself
      // is an amount of money (补偿费用, 治理经费).
      if (
        !facts.isCost ||
        (facts.level2 !== undefined && !facts.isEconomicCost && !MONEY_NAME.test(facts.name)) ||
        facts.value.declaredQualitative ||
        unit === undefined
      )
        return;
      if (facts.value.kind !== 'quantitative' && facts.value.kind !== 'missing-number') return;
      if (isMoneyUnit(unit) || isRateUnit(unit)) return;
      context.report({
        messageId: 'not-money',
        data: { name: indicatorName(indicator), unit },
        at: indicator.unit ?? valueCell(indicator, table),
      });
    };
  },
});
