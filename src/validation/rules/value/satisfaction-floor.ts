import Decimal from 'decimal.js';
import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule, ruleOptions } from '../types';

export const satisfactionFloorRule = defineRule({
  id: 'value/satisfaction-floor',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '满意度目标过低', 'en-US': 'Satisfaction target too low' },
    description: {
      'zh-CN': '满意度目标低于配置的下限（默认 85%）。',
      'en-US': 'A satisfaction target below the configured floor (85 % by default).',
    },
    why: {
      'zh-CN': '满意度目标过低通常是填错了数（如把权重 10 填成目标），即使是真实目标也难以通过审核。',
      'en-US':
        'A very low satisfaction target is usually a mistyped number (a weight of 10 as the target); even when meant, it will not pass review.',
    },
    messages: {
      low: {
        'zh-CN': '“{name}”的满意度目标为 {value}%，低于 {floor}%',
        'en-US': 'The satisfaction target of “{name}” is {value} %, below {floor} %',
      },
    },
    examples: { fail: '群众满意度 ≥ 10%', pass: '群众满意度 ≥ 90%' },
    options: ruleOptions('satisfactionFloor'),
  },
  visitIndicators(context) {
    const floor = context.options.satisfactionFloor;
    const floorValue = new Decimal(floor);
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { number, unit, comparator } = facts.value;
      if (!facts.isSatisfaction || number === undefined || (unit !== undefined && unit !== '%')) return;
      if (comparator === '≤' || comparator === '<' || number.gt(HUNDRED)) return;
      if (number.gte(floorValue)) return;
      context.report({
        messageId: 'low',
        data: { name: indicatorName(indicator), value: number.toString(), floor },
        at: valueCell(indicator, table),
      });
    };
  },
});

const HUNDRED = new Decimal(100);
