import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import type { Localized } from '../../messages';
import type { Indicator } from '../../model';
import { defineRule } from '../types';

export const incompleteValueRule = defineRule({
  id: 'value/incomplete',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '定量指标缺少数值', 'en-US': 'Quantitative target without a number' },
    description: {
      'zh-CN':
        '定量指标的指标值须有数值：只填了单位（“天”“%”“万元”）、只填了符号，或写成无法识别的文字（“天2”），都无法考核。',
      'en-US':
        'A quantitative indicator needs a number: a unit alone ("天", "%", "万元"), a comparator alone, or text that cannot be read ("天2") cannot be assessed.',
    },
    why: {
      'zh-CN': '没有数值的目标无法在年底对照实际完成值，绩效目标表会被退回补填。',
      'en-US':
        'A target without a number cannot be compared with the result at year end; the table is sent back to be completed.',
    },
    messages: {
      'no-number': {
        'zh-CN': '“{name}”的指标值“{value}”缺少数值',
        'en-US': 'The value “{value}” of “{name}” has no number',
      },
      unparseable: {
        'zh-CN': '“{name}”的指标值“{value}”看不出目标数值，应写成如“≥ 250 天”的形式（符号、数值、单位）',
        'en-US':
          'The value “{value}” of “{name}” has no readable target: write it like “≥ 250 天” (comparator, number, unit)',
      },
      text: {
        'zh-CN': '“{name}”是定量指标，但指标值“{value}”是文字，应写成如“≥ 95%”的形式（符号、数值、单位）',
        'en-US':
          '“{name}” is quantitative but its value “{value}” is text: write it like “≥ 95%” (comparator, number, unit)',
      },
      'no-value': {
        'zh-CN': '“{name}”是定量指标（{hint}），但没有填写指标值',
        'en-US': '“{name}” is quantitative ({hint}) but has no value',
      },
      'cost-text': {
        'zh-CN': '成本指标“{name}”的指标值“{value}”是文字，应填写金额上限（如“≤ 20 万元”）',
        'en-US':
          'The cost indicator “{name}” has the text “{value}” for a value: write an amount ceiling (e.g. “≤ 20 万元”)',
      },
    },
    examples: { fail: '中心及窗口运转 | 天', pass: '中心及窗口运转 | ≥250天' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { kind, declaredQualitative } = facts.value;
      if (declaredQualitative || !indicator.level3) return;
      if (kind === 'missing-number')
        context.report({ messageId: 'no-number', data: nameAndValue(indicator), at: valueCell(indicator, table) });
      else if (kind === 'unparseable')
        context.report({ messageId: 'unparseable', data: nameAndValue(indicator), at: valueCell(indicator, table) });
      else if (
        (kind === 'qualitative' || (kind === 'reference' && facts.value.comparator === undefined)) &&
        facts.isEconomicCost
      ) {
        // 经济成本 is money with a ceiling (财预〔2021〕101号); 社会/生态环境成本 may be described in words.
        context.report({ messageId: 'cost-text', data: nameAndValue(indicator), at: valueCell(indicator, table) });
      } else if (
        kind === 'qualitative' &&
        (facts.value.declaredQuantitative || facts.value.comparator !== undefined || facts.isCount)
      ) {
        // "定量", a ≥ / ≤ sign, or a 数量指标 with a phrase for a value ("较多"): there is nothing to compare.
        context.report({ messageId: 'text', data: nameAndValue(indicator), at: valueCell(indicator, table) });
      } else if (kind === 'empty' && (facts.value.comparator !== undefined || facts.value.declaredQuantitative)) {
        const hint = facts.value.comparator ? facts.value.comparator : '定量';
        context.report({
          messageId: 'no-value',
          data: { name: indicatorName(indicator), hint },
          at: valueCell(indicator, table),
        });
      }
    };
  },
});

/** Made only for a finding: most values are fine. */
function nameAndValue(indicator: Indicator): { name: Localized; value: string } {
  return { name: indicatorName(indicator), value: cellText(indicator.value) };
}
