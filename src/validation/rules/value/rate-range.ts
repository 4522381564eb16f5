import Decimal from 'decimal.js';
import { ZERO } from '../../decimal';
import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const rateRangeRule = defineRule({
  id: 'value/rate-range',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '比率超出 0%–100%', 'en-US': 'Rate outside 0–100 %' },
    description: {
      'zh-CN': '比率类指标（%，满意度、合格率、覆盖率等）的目标值应在 0%–100% 之间；增长、提高类指标除外。',
      'en-US':
        'A rate target (%, satisfaction, pass rate, coverage …) lies between 0 % and 100 %; growth and improvement rates excepted.',
    },
    why: {
      'zh-CN': '满意度“≥ 665%”、合格率“= 200%”不可能达到，通常是把权重或其他数字填进了指标值。',
      'en-US':
        'A satisfaction of "≥ 665 %" or a pass rate of "= 200 %" cannot be reached: usually a weight or another number typed into the value.',
    },
    messages: {
      'out-of-range': {
        'zh-CN': '“{name}”的目标值是 {value}，比率不可能超出 0%–100%，请检查是否误填了权重或其他数字',
        'en-US':
          'The target of “{name}” is {value}, but a rate lies between 0 % and 100 %: a weight or another number typed in?',
      },
    },
    examples: { fail: '服务对象满意度 ≥ 665 %', pass: '服务对象满意度 ≥ 95 %' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { number, unit } = facts.value;
      // "%" written, or a rate by its name with no unit at all ("服务对象满意度 ≥665").
      const isPercent = unit === '%' || (unit === undefined && facts.isRate);
      if (number === undefined || !isPercent || facts.isGrowth) return;
      // Over-completion is possible (完成率 110 %); 200 % is not.
      if (/完成率$/.test(facts.name) && number.lte(OVER_COMPLETION_LIMIT) && number.gte(ZERO)) return;
      if (number.gt(HUNDRED) || number.lt(ZERO)) {
        // "= 200 %" reads as "200%": an equals sign says nothing a reader needs.
        const comparator = facts.value.comparator === '=' ? undefined : facts.value.comparator;
        const shown = `${comparator ? `${comparator} ` : ''}${number.toString()}%`;
        context.report({
          messageId: 'out-of-range',
          data: { name: indicatorName(indicator), value: shown },
          at: valueCell(indicator, table),
          related: indicator.unit ? [indicator.unit] : [],
        });
      }
    };
  },
});

// Made once: comparing a Decimal with a plain number makes a Decimal of it on every call.
const HUNDRED = new Decimal(100);
const OVER_COMPLETION_LIMIT = new Decimal(150);
