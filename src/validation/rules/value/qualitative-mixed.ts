import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const qualitativeMixedRule = defineRule({
  id: 'value/qualitative-mixed',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '定性指标填了数值或单位', 'en-US': 'Qualitative target with a number or unit' },
    description: {
      'zh-CN': '定性指标（指标性质或指标值类型为“定性”）的指标值应为等级或描述，不带数值、不带计量单位。',
      'en-US': 'A qualitative (定性) indicator takes a grade or a phrase, with no number and no unit.',
    },
    why: {
      'zh-CN': '定性指标带数值或单位，说明指标性质选错了，或把定量指标误标为定性，评价时无法打分。',
      'en-US':
        'A 定性 indicator with a number or a unit means the wrong type was chosen; it cannot be scored as it stands.',
    },
    messages: {
      number: {
        'zh-CN': '“{name}”标为定性，但指标值“{value}”是数值',
        'en-US': '“{name}” is marked 定性 (qualitative) but its value “{value}” is a number',
      },
      unit: {
        'zh-CN': '“{name}”标为定性，但填写了计量单位“{unit}”',
        'en-US': '“{name}” is marked 定性 (qualitative) but has the unit “{unit}”',
      },
    },
    examples: { fail: '接收服务及时性 | 项 | 定性 | 优', pass: '接收服务及时性 | | 定性 | 优' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      if (!facts.value.declaredQualitative) return;
      if (facts.value.number !== undefined) {
        context.report({
          messageId: 'number',
          data: { name: indicatorName(indicator), value: cellText(indicator.value) },
          at: valueCell(indicator, table),
        });
      } else if (facts.value.unit !== undefined) {
        context.report({
          messageId: 'unit',
          data: { name: indicatorName(indicator), unit: facts.value.unit },
          at: indicator.unit ?? valueCell(indicator, table),
        });
      }
    };
  },
});
