import { cellAddress } from '../../address';
import { readWorkbookText, restatements } from '../../text';
import { defineRule } from '../types';
import { nameOf, quote, TEXT_ROUNDING, written } from '../shared/statement-report';

export const textRestatedRule = defineRule({
  id: 'text/restated',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '同一数字前后不一致', 'en-US': 'Same figure stated twice, differently' },
    description: {
      'zh-CN': '同一说明中同一数量（基本支出、项目支出、“三公”经费、机关运行经费、政府采购等）前后写了两个不同的金额。',
      'en-US':
        'The same named quantity (基本支出, 项目支出, 三公经费, 机关运行经费, 政府采购 …) is given two different amounts in one text.',
    },
    why: {
      'zh-CN': '前后不一的金额说明有一处没有随预算调整而更新。',
      'en-US': 'Two amounts for one thing mean one place was not updated when the budget changed.',
    },
    messages: {
      differs: {
        'zh-CN': '“{sentence}”：{name}写作 {again}，前文（{where}）写作 {first}',
        'en-US': '“{sentence}”: {name} is given as {again}, but earlier ({where}) as {first}',
      },
    },
    examples: {
      fail: '“三公”经费预算 1.27 万元……；“三公”经费预算 1.26 万元，比上年减少……',
      pass: '基本支出预算 2476260.58 元……；本年一般公共预算基本支出 2476260.58 元',
    },
    basis: {
      'zh-CN': '预算公开情况说明的数字须与报表及其自身一致（财预〔2016〕143号）。',
      'en-US': 'Figures in a budget explanation must agree with themselves and the tables (财预〔2016〕143号).',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const { first, again, outcome } of restatements(document)) {
        const at = again.source.cell;
        const where =
          first.source.cell.sheet === at.sheet
            ? cellAddress(first.source.cell.row, first.source.cell.col)
            : first.source.cell.sheet;
        const rounding = outcome === 'rounding';
        context.report({
          messageId: rounding ? 'restated' : 'differs',
          kind: rounding ? TEXT_ROUNDING : undefined,
          data: {
            sentence: quote(again.sentence),
            name: nameOf(again),
            again: written(again.quantity),
            first: written(first.quantity),
            where,
          },
          at,
          related: [first.source.cell],
          tableId: again.source.tableId,
        });
      }
    }
  },
});
