import { factsOf, indicatorName } from '../../indicator-facts';
import { isMoneyUnit } from '../../indicator-value';
import type { Rule } from '../types';

const COST_WORDS = /预算|成本|费用|经费|费$|补贴|补助|资金(?!到位|拨付|支付|发放)|支出|万元/;
const TIME_WORDS = /及时|时限|时效|按时|准时|时间|工作日|小时内|天内|日内|当天|当日|响应|进度|拨付|支付|发放/;

export const misplacedNameRule: Rule = {
  id: 'structure/misplaced-name',
  family: 'structure',
  defaultSeverity: 'warning',
  meta: {
    description: {
      'zh-CN': '三级指标的名称属于另一个二级指标：预算、成本类名称放在“时效指标”下，及时性类名称放在“成本指标”下。',
      'en-US':
        'A 三级 name that belongs to another 二级: budget or cost words under 时效指标, timeliness words under 成本指标.',
    },
    why: {
      'zh-CN': '这类错位通常是复制模板后整行错开，考核时会按错误的维度评价。',
      'en-US':
        'Usually rows that slipped when a template was copied; the indicator would be assessed on the wrong dimension.',
    },
    messages: {
      'cost-under-time': {
        'zh-CN': '“{name}”像是成本/预算指标，却放在“{level2}”下',
        'en-US': '“{name}” reads like a cost or budget indicator but sits under “{level2}”',
      },
      'time-under-cost': {
        'zh-CN': '“{name}”像是时效指标，却放在“{level2}”下',
        'en-US': '“{name}” reads like a timeliness indicator but sits under “{level2}”',
      },
    },
    examples: { fail: '时效指标 | 预算范围内 | 万元', pass: '成本指标 | 预算范围内 | ≤232.03万元' },
  },
  visitIndicators(context) {
    return (indicator) => {
      const facts = factsOf(indicator);
      if (!indicator.level3 || !indicator.level2) return;
      if (
        facts.level2 === 'timeliness' &&
        COST_WORDS.test(facts.name) &&
        !TIME_WORDS.test(facts.name) &&
        !/率$/.test(facts.name)
      ) {
        context.report({
          messageId: 'cost-under-time',
          data: { name: indicatorName(indicator), level2: indicator.level2.text },
          at: indicator.level3,
          related: [indicator.level2],
        });
      } else if (
        facts.underCostLevel &&
        TIME_WORDS.test(facts.name) &&
        !COST_WORDS.test(facts.name) &&
        !isMoneyUnit(facts.value.unit)
      ) {
        context.report({
          messageId: 'time-under-cost',
          data: { name: indicatorName(indicator), level2: indicator.level2.text },
          at: indicator.level3,
          related: [indicator.level2],
        });
      }
    };
  },
};
