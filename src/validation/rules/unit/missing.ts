import { TEMPLATE_HINT, cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { textKey } from '../../normalize';
import { defineRule } from '../types';

export const missingUnitRule = defineRule({
  id: 'unit/missing',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '缺少计量单位', 'en-US': 'Missing unit' },
    description: {
      'zh-CN': '定量指标有数值但没有计量单位（指标值和计量单位列都没有）。',
      'en-US': 'A quantitative indicator has a number but no unit, neither in the value nor in a unit column.',
    },
    why: {
      'zh-CN': '“满意度 ≥98”是 98% 还是 98 分？没有单位的目标无法考核。',
      'en-US': 'Is "满意度 ≥98" 98 % or 98 points? A target without a unit cannot be assessed.',
    },
    messages: {
      missing: {
        'zh-CN': '“{name}”的指标值“{value}”没有计量单位',
        'en-US': 'The value “{value}” of “{name}” has no unit',
      },
    },
    examples: { fail: '企业群众好评率 | ≥98', pass: '企业群众好评率 | ≥98%' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { kind, unit, declaredQualitative } = facts.value;
      // A date's serial number (44561) is value/date-serial's: a date has no unit.
      if (facts.dateSerial !== undefined) return;
      // A row with no name is structure/nameless's business.
      if (kind !== 'quantitative' || unit !== undefined || declaredQualitative || !indicator.level3) return;
      // "培训人数（人次）", "合格率（%）": the unit is written in the name.
      const nameKey = textKey(indicator.level3.text);
      if (/\((单位[:：])?[^()]{1,6}\)$/.test(nameKey) && !TEMPLATE_HINT.test(nameKey)) return;
      context.report({
        messageId: 'missing',
        data: { name: indicatorName(indicator), value: cellText(indicator.value) },
        at: indicator.unit ?? valueCell(indicator, table),
      });
    };
  },
});
