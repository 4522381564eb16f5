import { indicatorName } from '../../indicator-facts';
import { defineRule } from '../types';

export const notAUnitRule = defineRule({
  id: 'unit/not-a-unit',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '计量单位栏不是单位', 'en-US': 'Unit cell is not a unit' },
    description: {
      'zh-CN': '计量单位一栏应填写单位（个、%、万元、天 …），不应是数字或日期。',
      'en-US': 'The unit column holds a unit (个, %, 万元, 天 …), not a number or a date.',
    },
    why: {
      'zh-CN': '单位栏里的数字多半是错列或把日期填成了序列号（44561 即 2021-12-31），指标值因此没有单位、无法考核。',
      'en-US':
        'A number in the unit column is usually a slipped column or a date stored as its serial (44561 is 2021-12-31): the value is left without a unit.',
    },
    messages: {
      number: {
        'zh-CN': '“{name}”的计量单位是数字“{unit}”，不是单位',
        'en-US': 'The unit of “{name}” is the number “{unit}”, not a unit',
      },
    },
    examples: {
      fail: '项目财政资金到位时间 | = | 44561 | 44561',
      pass: '项目财政资金到位时间 | ≤ | 2021年12月31日前 |',
    },
    basis: {
      'zh-CN': '预算管理一体化系统审核规则：定量指标须填写计量单位',
      'en-US': 'Review rules of the 预算管理一体化 systems: a quantitative indicator has a unit',
    },
  },
  visitIndicators(context) {
    return (indicator) => {
      const unit = indicator.unit;
      if (!unit || !/^[+-]?\d+(?:\.\d+)?$/.test(unit.text.replace(/,/g, ''))) return;
      context.report({
        messageId: 'number',
        data: { name: indicatorName(indicator), unit: unit.text },
        at: unit,
        related: indicator.value ? [indicator.value] : [],
      });
    };
  },
});
