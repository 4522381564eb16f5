import Decimal from 'decimal.js';
import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const satisfactionFullRule = defineRule({
  id: 'value/satisfaction-full',
  defaultSeverity: 'info',
  meta: {
    name: { 'zh-CN': '满意度目标为 100%', 'en-US': 'Satisfaction target of 100 %' },
    description: {
      'zh-CN': '满意度目标为 100% 或 ≥100%：目标过高，难以评价。',
      'en-US': 'A satisfaction target of 100 % or ≥ 100 %: too high to be assessed.',
    },
    why: {
      'zh-CN': '满意度调查几乎不可能全部满意，100% 的目标到自评时必然“未完成”，或被随意填满分。',
      'en-US': 'A survey is almost never unanimous: a 100 % target is either missed or scored full regardless.',
    },
    messages: {
      full: {
        'zh-CN': '“{name}”的满意度目标为“{value}”，目标过高，难以评价（常见为 ≥85% 或 ≥90%）',
        'en-US': 'The satisfaction target “{value}” of “{name}” is too high to assess (≥85 % or ≥90 % is usual)',
      },
    },
    examples: { fail: '群众满意度 | ≥100%', pass: '群众满意度 | ≥90%' },
    basis: {
      'zh-CN': '财预〔2021〕101号：满意度指标值一般不低于 85%、不设为 100%（常见做法）。',
      'en-US': '财预〔2021〕101号: satisfaction targets are usually ≥ 85 % and not 100 % (common practice).',
    },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { number, unit, comparator } = facts.value;
      if (!facts.isSatisfaction || number === undefined || (unit !== undefined && unit !== '%')) return;
      if (comparator === '≤' || comparator === '<' || !number.equals(HUNDRED)) return;
      context.report({
        messageId: 'full',
        data: { name: indicatorName(indicator), value: cellText(indicator.value) },
        at: valueCell(indicator, table),
      });
    };
  },
});

const HUNDRED = new Decimal(100);
