import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const countPercentRule = defineRule({
  id: 'unit/count-percent',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '数量指标用了 %', 'en-US': 'Count given in %' },
    description: {
      'zh-CN': '数量类指标（个数、数量、人次、次数 …）的单位不应是 %。',
      'en-US': 'A count (个数, 数量, 人次, 次数 …) is not measured in %.',
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
    },
    examples: { fail: '网络接入数量 | % | ≥ | 10', pass: '网络接入数量 | 家 | ≥ | 32' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      if (!facts.isCount || facts.value.unit !== '%') return;
      context.report({
        messageId: 'percent',
        data: { name: indicatorName(indicator) },
        at: indicator.unit ?? valueCell(indicator, table),
      });
    };
  },
});
