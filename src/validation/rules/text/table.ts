import { cellAddress, qualifiedAddress } from '../../address';
import { readWorkbookText, tableComparisons } from '../../text';
import { defineRule } from '../types';
import { inUnitOf, nameOf, quote, TEXT_ROUNDING, written } from '../shared/statement-report';

export const textTableRule = defineRule({
  id: 'text/table',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '文字与表格金额不符', 'en-US': 'Text amount ≠ table' },
    description: {
      'zh-CN':
        '说明文字中的金额（“三公”经费及其各项，注明预算种类的基本支出、项目支出、人员经费、公用经费）与本工作簿表格中的同一数字不符（元与万元已换算）。',
      'en-US':
        'An amount in the text (三公 figures; 基本支出, 项目支出, 人员经费, 公用经费 of a named fund) differs from the same figure in the workbook’s tables (元 and 万元 converted).',
    },
    why: {
      'zh-CN': '情况说明是对报表的解释，数字必须与报表一致；不一致通常是报表调整后说明没有同步修改。',
      'en-US':
        'The explanation describes the tables and must quote them; a difference means one was changed and not the other.',
    },
    messages: {
      differs: {
        'zh-CN': '“{sentence}”：{name}写的是 {text}，表格（{where}）中为 {table}',
        'en-US': '“{sentence}”: {name} is {text} in the text but {table} in the table ({where})',
      },
    },
    examples: {
      fail: '“三公”经费表合计 1.27 万元，情况说明写“三公”经费预算 1.62 万元',
      pass: '“三公”经费表合计 0.95 万元（公务接待费 9500 元），情况说明写“三公”经费预算数为 0.95 万元',
    },
    basis: {
      'zh-CN': '部门预算公开的情况说明须与所附报表数字一致（财预〔2016〕143号）。',
      'en-US': 'A budget explanation must agree with the tables it accompanies (财预〔2016〕143号).',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const { mention, figure, outcome } of tableComparisons(context.model, document)) {
        if (outcome === 'equal' || outcome === 'tenThousand') continue; // unit/wan-yuan reports the latter
        const at = mention.source.cell;
        const where = qualifiedAddress(figure.cell.sheet, cellAddress(figure.cell.row, figure.cell.col));
        const rounding = outcome === 'rounding';
        const data = {
          sentence: quote(mention.sentence),
          name: nameOf(mention),
          text: written(mention.quantity),
          table: inUnitOf(figure.value, mention.quantity, 2),
          where,
          // text/rounding's message for a restated figure.
          again: written(mention.quantity),
          first: inUnitOf(figure.value, mention.quantity, 2),
        };
        context.report({
          messageId: rounding ? 'restated' : 'differs',
          kind: rounding ? TEXT_ROUNDING : undefined,
          data,
          at,
          related: [figure.cell],
          tableId: figure.table.id,
        });
      }
    }
  },
});
