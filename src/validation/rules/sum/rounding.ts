import { defineRule, ruleOptions } from '../types';

/**
 * Filed by every sum rule (see compare.ts) when a total differs from its parts by no more than
 * roundingUnit/2 per addend: tables in 万元 are rounded from 元, so a parent can be a cent off.
 * Its own check has nothing to look at; its id, severity and message are what the other rules use.
 */
export const roundingRule = defineRule({
  id: 'sum/rounding',
  defaultSeverity: 'warning',
  meta: {
    description: {
      'zh-CN': '合计与分项之和相差在四舍五入误差以内（每个分项 ≤ 0.005）。',
      'en-US': 'A total differs from the sum of its parts by no more than rounding can explain (≤ 0.005 per addend).',
    },
    why: {
      'zh-CN': '以万元列示的表由元四舍五入而来，差一两分钱通常是尾差；应调整尾差使表内平衡，但这与真正的错账不同。',
      'en-US':
        'Tables in 万元 are rounded from 元, so a cent or two is usually a rounding residue: worth balancing, but not a real error.',
    },
    messages: {
      rounding: {
        'zh-CN': '{subject}为 {total}，{parts}为 {sum}，相差 {diff}，属四舍五入尾差（≤ {bound}），建议调整尾差',
        'en-US':
          '{subject} is {total}, {parts} is {sum}: a difference of {diff}, within rounding (≤ {bound}); adjust the residue',
      },
    },
    examples: {
      fail: '本年收入 471.53 + 上年结转 29.21 = 500.74，收入合计填 500.75',
      pass: '本年收入 471.53 + 上年结转 29.22 = 收入合计 500.75',
    },
    options: ruleOptions('roundingUnit', 'tolerance'),
  },
  check: () => undefined,
});
