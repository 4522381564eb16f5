import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const zeroCostRule = defineRule({
  id: 'value/zero-cost',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '成本目标为 0', 'en-US': 'Cost target of 0' },
    description: {
      'zh-CN': '经济成本指标的目标值为 0：成本上限为零的项目无法执行，多半是单位换算或四舍五入后显示为 0。',
      'en-US':
        'An economic cost target of 0: a project with a zero cost ceiling cannot run; usually a unit slip or a value shown rounded to 0.',
    },
    why: {
      'zh-CN': '“出差单位成本 = 0 万元/人”在 1 万元 8 人次时应为 0.125：填成 0 后指标失去意义。',
      'en-US': '“出差单位成本 = 0 万元/人” should be 0.125 for 1 万元 over 8 trips: at 0 the indicator says nothing.',
    },
    messages: {
      zero: {
        'zh-CN': '成本指标“{name}”的目标值为 0，请填写实际的成本上限（注意单位与小数位）',
        'en-US': 'The cost indicator “{name}” has a target of 0: write the real ceiling (mind the unit and decimals)',
      },
    },
    examples: { fail: '出差单位成本 | = | 0 | 万元/人', pass: '出差单位成本 | ≤ | 0.13 | 万元/人' },
    basis: {
      'zh-CN': '财预〔2021〕101号：成本指标反映预期提供的产品或服务所需成本',
      'en-US': '财预〔2021〕101号: a cost indicator states the cost of what the project provides',
    },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { kind, number } = facts.value;
      if (!facts.isEconomicCost || !facts.isCost || kind !== 'quantitative' || number === undefined) return;
      if (!number.isZero()) return;
      context.report({ messageId: 'zero', data: { name: indicatorName(indicator) }, at: valueCell(indicator, table) });
    };
  },
});
