import { defineRule } from '../types';

/**
 * Filed by the text rules when a figure in the text is off by no more than the rounding of the figures it is
 * compared with can explain (parts to their whole, a percentage to its last digit). Its own check has nothing
 * to look at; its id, severity and messages are what the other text rules use.
 */
export const textRoundingRule = defineRule({
  id: 'text/rounding',
  defaultSeverity: 'warning',
  meta: {
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
        'zh-CN': '“{sentence}”：{name}为 {whole}，所列各项合计 {sum}，相差 {difference}，属四舍五入尾差（≤ {bound}）',
        'en-US':
          '“{sentence}”: {name} is {whole}, the parts listed add up to {sum}: a difference of {difference}, within rounding (≤ {bound})',
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
  check: () => undefined,
});
