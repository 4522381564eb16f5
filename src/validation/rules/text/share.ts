import { comparePercent, ratioPercent } from '../../text/checks';
import { baseOf, readWorkbookText } from '../../text';
import { defineRule } from '../types';
import {
  cellsOf,
  inUnitOf,
  maxDecimals,
  nameOf,
  percentText,
  quote,
  TEXT_ROUNDING,
  written,
} from '../shared/statement-report';

export const textShareRule = defineRule({
  id: 'text/share',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '文字中的占比算错', 'en-US': 'Share in the text is wrong' },
    description: {
      'zh-CN':
        '说明文字中“A 占 B 的 p%”与 A、B 的金额不符（按 p 的小数位核对）。B 取文中所说的总数、A 所属的合计，或 B 的各组成部分之和。',
      'en-US':
        'A share stated in the text ("A 占 B 的 p%") disagrees with the amounts of A and B, to the precision p is written in. B is the total the text states, the whole A is listed under, or the sum of B’s parts.',
    },
    why: {
      'zh-CN': '占比是读者最先看的数字；写错的占比（常是沿用上年的数）会让整段说明失去可信度。',
      'en-US':
        'Shares are what readers look at first; a wrong one (often last year’s) discredits the whole explanation.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{sentence}”：{name} {amount} ÷ {baseName} {base} = {computed}，文中写的是 {written}',
        'en-US': '“{sentence}”: {name} {amount} ÷ {baseName} {base} = {computed}, but the text says {written}',
      },
    },
    examples: {
      fail: '基本支出 2476260.58 元，占一般公共预算支出的84.06%；项目支出 469500 元，占一般公共预算支出的 19.62%（应为 15.94%）',
      pass: '工资福利支出预算 2016908.34 元，占基本支出预算 81.45%（基本支出预算 2476260.58 元）',
    },
    basis: {
      'zh-CN': '预算公开情况说明的数字须与报表及其自身一致（财预〔2016〕143号）；百分数按其书写的小数位四舍五入核对。',
      'en-US':
        'Figures in a budget explanation must agree (财预〔2016〕143号); a percentage is checked to its written decimals.',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const statement of document.statements) {
        if (statement.kind !== 'share') continue;
        const base = baseOf(statement, document);
        if (typeof base === 'string') continue;
        const ratio = ratioPercent(statement.subject.quantity, { base: base.amount, quantities: base.quantities });
        if (!ratio) continue;
        const check = comparePercent(statement.percent, ratio.computed, ratio.range);
        if (check.outcome === 'equal') continue;
        const like = base.mentions[0]!.quantity;
        const baseText =
          base.how === 'parts'
            ? `${inUnitOf(base.amount, like, maxDecimals(base.quantities))}（${base.mentions.map(nameOf).join(' + ')}）`
            : inUnitOf(base.amount, like, maxDecimals(base.quantities));
        const at = statement.source.cell;
        context.report({
          messageId: check.outcome === 'rounding' ? 'share' : 'mismatch',
          kind: check.outcome === 'rounding' ? TEXT_ROUNDING : undefined,
          data: {
            sentence: quote(statement.sentence),
            name: nameOf(statement.subject),
            amount: written(statement.subject.quantity),
            baseName: statement.baseName ?? nameOf(base.mentions[0]!),
            base: baseText,
            computed: percentText(ratio.computed, statement.percent.decimals),
            written: statement.percent.text.replace(/\s+/g, ''),
          },
          at,
          related: cellsOf(at, [statement.subject, ...base.mentions]),
          tableId: statement.source.tableId,
        });
      }
    }
  },
});
