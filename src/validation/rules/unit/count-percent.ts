import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { isMoneyUnit } from '../../indicator-value';
import { defineRule } from '../types';

export const countPercentRule = defineRule({
  id: 'unit/count-percent',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '数量指标的单位有误', 'en-US': 'Count in a wrong unit' },
    description: {
      'zh-CN': '数量类指标（个数、数量、人次、次数 …）的单位不应是 %，也不应是金额单位（元、万元）。',
      'en-US': 'A count (个数, 数量, 人次, 次数 …) is measured neither in % nor in money (元, 万元).',
    },
    why: {
      'zh-CN': '“网络接入数量 %”无法考核：要么单位应为个/家，要么指标应改为“接入率”。',
      'en-US': '"网络接入数量 %" cannot be assessed: either the unit is 个/家 or the indicator is a rate (接入率).',
    },
    messages: {
      percent: {
        'zh-CN': '“{name}”是数量类指标，单位却是 %，应为个、次、人次等，或改为比率类指标',
        'en-US': '“{name}” counts something but is measured in %: use 个, 次, 人次 …, or make it a rate',
      },
      money: {
        'zh-CN': '“{name}”是数量类指标，单位却是“{unit}”，应为个、户、人次等',
        'en-US': '“{name}” counts something but is measured in {unit}: use 个, 户, 人次 …',
      },
    },
    examples: { fail: '网络接入数量 | % | ≥ | 10', pass: '网络接入数量 | 家 | ≥ | 32' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { unit } = facts.value;
      if (!facts.isCount || unit === undefined) return;
      // "下达资金数量 100 万元" counts money: its name is loose, its unit right.
      const money = isMoneyUnit(unit) && !facts.isCost && !/资金|金额|经费|费|款/.test(facts.name);
      if (unit !== '%' && !money) return;
      context.report({
        messageId: unit === '%' ? 'percent' : 'money',
        data: { name: indicatorName(indicator), unit },
        at: indicator.unit ?? valueCell(indicator, table),
      });
    };
  },
});
