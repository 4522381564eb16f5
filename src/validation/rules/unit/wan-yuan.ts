import { cellAddress, qualifiedAddress } from '../../address';
import { readWorkbookText, tableComparisons } from '../../text';
import { compareTie, disclosureTiePairs, figureText } from '../shared/cross-table';
import { inUnitOf, nameOf, quote, written } from '../shared/statement-report';
import { defineRule } from '../types';

export const wanYuanRule = defineRule({
  id: 'unit/wan-yuan',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '元与万元混用', 'en-US': '元 and 万元 mixed up' },
    description: {
      'zh-CN':
        '同一数字在两张公开表之间、或在说明文字与表格之间恰好相差 1 万倍：金额单位“元”与“万元”写错或数字按另一单位填列。',
      'en-US':
        'One figure is exactly 10,000 times its counterpart in another table of the set or in the text: 元 and 万元 are mixed up.',
    },
    why: {
      'zh-CN': '单位错一级，数字就差一万倍；公开后最易被社会质疑，审核时必退。',
      'en-US':
        'One unit off makes a figure 10,000 times too large or small: the kind of error a published budget is mocked for.',
    },
    messages: {
      tables: {
        'zh-CN':
          '{claim}为 {claimValue}，{counterpart}为 {counterpartValue}，两者恰好相差 1 万倍：请核对金额单位（元/万元）',
        'en-US':
          '{claim} is {claimValue}, {counterpart} is {counterpartValue}: exactly 10,000 times apart; check the unit (元/万元)',
      },
      text: {
        'zh-CN':
          '“{sentence}”：{name}写的是 {text}，表格（{where}）中为 {table}，恰好相差 1 万倍：请核对金额单位（元/万元）',
        'en-US':
          '“{sentence}”: {name} is {text} in the text but {table} in the table ({where}), exactly 10,000 times apart; check the unit (元/万元)',
      },
    },
    examples: {
      fail: '基本支出表（单位：元）中 30217 公务接待费 9500，“三公”经费表（单位：万元）公务接待费 9500',
      pass: '“三公”经费表公务接待费 0.95 万元，基本支出表 30217 公务接待费 9,500 元',
    },
    basis: {
      'zh-CN': '财预〔2016〕143号：公开表须注明金额单位，表间、表文数字一致；常见审核问题。',
      'en-US':
        '财预〔2016〕143号: the tables state their unit and agree with one another and with the text; a common review finding.',
    },
  },
  check(context) {
    for (const pair of disclosureTiePairs(context.model)) {
      const { claim, counterpart, tie } = pair;
      // Without both units stated, 10,000 times apart is what a 万元 table beside a 元 one looks like.
      if (!claim.unit || !counterpart.unit) continue;
      if (compareTie(pair, context.options.tolerance) !== 'tenThousand') continue;
      context.report({
        messageId: 'tables',
        data: {
          claim: tie.claim.name,
          counterpart: tie.counterpart.name,
          claimValue: figureText(claim),
          counterpartValue: figureText(counterpart),
        },
        at: claim.at,
        related: [counterpart.at],
        tableId: claim.table.id,
      });
    }
    for (const document of readWorkbookText(context.model).documents) {
      for (const { mention, figure, outcome } of tableComparisons(context.model, document)) {
        if (outcome !== 'tenThousand') continue;
        context.report({
          messageId: 'text',
          data: {
            sentence: quote(mention.sentence),
            name: nameOf(mention),
            text: written(mention.quantity),
            table: inUnitOf(figure.value, mention.quantity, 2),
            where: qualifiedAddress(figure.cell.sheet, cellAddress(figure.cell.row, figure.cell.col)),
          },
          at: mention.source.cell,
          related: [figure.cell],
          tableId: figure.table.id,
        });
      }
    }
  },
});
