import { factsOf, indicatorName } from '../../indicator-facts';
import { isMoneyUnit } from '../../indicator-value';
import { defineRule } from '../types';

const COST_WORDS = /预算|成本|费用|经费|费$|补贴|补助|资金(?!到位|拨付|支付|发放)|支出|万元/;
const TIME_WORDS = /及时|时限|时效|按时|准时|时间|工作日|小时内|天内|日内|当天|当日|响应|进度|拨付|支付|发放/;

/** Names that measure time: 供应时效, 及时率, 按期完成率, 办结时限. */
const TIMELINESS_NAME = /时效|及时|按时|按期|准时|时限|完成时间$|到位时间$/;
/** …but a count of timely things is a quantity ("按时发放人数"). */
const COUNT_WORDS = /人数|户数|个数|次数|件数|数量|人次/;
/** Names that measure satisfaction: 满意度, 满意率, 满意程度. */
const SATISFACTION_NAME = /满意(度|率|程度)/;

export const misplacedNameRule = defineRule({
  id: 'structure/misplaced-name',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '三级指标放错二级指标', 'en-US': 'Indicator under the wrong level-2' },
    description: {
      'zh-CN':
        '三级指标的名称属于另一个二级指标：预算、成本类名称放在“时效指标”下，及时性类名称放在“成本指标”或“数量指标”下，满意度类名称放在满意度指标以外。',
      'en-US':
        'A 三级 name that belongs to another 二级: budget or cost words under 时效指标, timeliness words under 成本指标 or 数量指标, a satisfaction indicator outside 满意度指标.',
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
      'time-under-quantity': {
        'zh-CN': '“{name}”是时效类指标，应放在“时效指标”下，却放在“{level2}”下',
        'en-US': '“{name}” is a timeliness indicator and belongs under 时效指标, but sits under “{level2}”',
      },
      'satisfaction-outside': {
        'zh-CN': '“{name}”是满意度指标，应放在“满意度指标”下，却放在“{level2}”下',
        'en-US': '“{name}” is a satisfaction indicator and belongs under 满意度指标, but sits under “{level2}”',
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
      } else if (facts.level2 === 'quantity' && TIMELINESS_NAME.test(facts.name) && !COUNT_WORDS.test(facts.name)) {
        context.report({
          messageId: 'time-under-quantity',
          data: { name: indicatorName(indicator), level2: indicator.level2.text },
          at: indicator.level3,
          related: [indicator.level2],
        });
      } else if (
        SATISFACTION_NAME.test(facts.name) &&
        // "社会满意度提升" measures a change in satisfaction: a benefit of its own.
        !facts.isGrowth &&
        facts.level2 !== undefined &&
        facts.level2 !== 'satisfaction' &&
        facts.level1 !== 'satisfaction'
      ) {
        context.report({
          messageId: 'satisfaction-outside',
          data: { name: indicatorName(indicator), level2: indicator.level2.text },
          at: indicator.level3,
          related: [indicator.level2],
        });
      }
    };
  },
});
