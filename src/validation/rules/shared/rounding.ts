/**
 * Rounding differences: a kind of finding, not a rule. A total or a figure in a text that is off by no more than
 * the rounding of the figures it is compared with can explain is reported by the rule that compared them (a sum
 * rule, a text rule), filed as one of these kinds: its own id (what a config sets, e.g. "sum/rounding": "info"),
 * severity and message, so that a reviewer sees a 尾差 apart from a real mismatch.
 */
import { defineFindingKind } from '../types';

export const SUM_ROUNDING = defineFindingKind({
  id: 'sum/rounding',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '合计尾差', 'en-US': 'Rounding residue in a total' },
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
        'zh-CN':
          '{subject}为 {total}，{parts}为 {sum}，相差 {diff}，未超过各分项四舍五入可能累积的误差 {bound}，属尾差，建议调整使之相符',
        'en-US':
          '{subject} is {total}, {parts} is {sum}: a difference of {diff}, no more than the {bound} that rounding each part can add up to; adjust the residue',
      },
    },
    examples: {
      fail: '本年收入 471.53 + 上年结转 29.21 = 500.74，收入合计填 500.75',
      pass: '本年收入 471.53 + 上年结转 29.22 = 收入合计 500.75',
    },
  },
  reportedBy: {
    'zh-CN': '各合计核对规则（sum 类）在差额不超过舍入误差时报告',
    'en-US': 'reported by the sum rules when a difference is within rounding',
  },
});

export const TEXT_ROUNDING = defineFindingKind({
  id: 'text/rounding',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '文字中的尾差', 'en-US': 'Rounding residue in the text' },
    description: {
      'zh-CN': '说明文字中的数字与其各项、基数或增减额相差在四舍五入误差以内（尾差）。',
      'en-US': 'A figure in the text differs from its parts, base or change by no more than rounding explains.',
    },
    why: {
      'zh-CN': '尾差通常是先四舍五入再相加造成的，不是错账；但公开文本中的数字应能互相核对，建议调整尾差。',
      'en-US':
        'A rounding residue comes from adding rounded figures, not from a wrong figure; published figures should still check, so adjust it.',
    },
    messages: {
      parts: {
        'zh-CN':
          '“{sentence}”：{name}为 {whole}，所列各项合计 {sum}，相差 {difference}，未超过各项四舍五入可能累积的误差 {bound}，属尾差，建议调整使之相符',
        'en-US':
          '“{sentence}”: {name} is {whole}, the parts listed add up to {sum}: a difference of {difference}, no more than the {bound} that rounding each part can add up to; adjust the residue',
      },
      share: {
        'zh-CN': '“{sentence}”：按 {amount} ÷ {base} 计算为 {computed}，文中写 {written}，相差在尾数的舍入范围内',
        'en-US': '“{sentence}”: {amount} ÷ {base} is {computed}, the text says {written}: off in the last digit only',
      },
      change: {
        'zh-CN':
          '“{sentence}”：上年为 {previous}，{delta} ÷ {previous} = {computed}，文中写 {written}，相差在尾数的舍入范围内',
        'en-US':
          '“{sentence}”: last year was {previous}, {delta} ÷ {previous} = {computed}, the text says {written}: off in the last digit only',
      },
      'previous-rounding': {
        'zh-CN': '“{sentence}”：上年 {previous} {sign} {delta} 为 {expected}，与本年 {current} 相差一个尾数',
        'en-US':
          '“{sentence}”: last year’s {previous} {sign} {delta} is {expected}, one unit in the last digit from this year’s {current}',
      },
      restated: {
        'zh-CN': '“{sentence}”：{name}写作 {again}，前文（{where}）写作 {first}，相差一个尾数',
        'en-US':
          '“{sentence}”: {name} is given as {again}, earlier ({where}) as {first}: one unit in the last digit apart',
      },
    },
    examples: {
      fail: '支出 500.75 万元，其中：418.06 + 49.81 + 12.43 + 20.44 万元（合计 500.74）',
      pass: '支出 500.75 万元，其中：418.06 + 49.81 + 12.44 + 20.44 万元',
    },
    basis: {
      'zh-CN': '预算公开文本与报表数字一致的要求（财预〔2016〕143号）；尾差按四舍五入规则处理。',
      'en-US':
        'Published budget texts must agree with their tables (财预〔2016〕143号); residues follow rounding rules.',
    },
  },
  reportedBy: {
    'zh-CN': '说明文字核对规则（text 类）在差额不超过舍入误差时报告',
    'en-US': 'reported by the text rules when a difference is within rounding',
  },
});
