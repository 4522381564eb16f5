import { defineRule } from '../types';

export const nonNumericRule = defineRule({
  id: 'structure/non-numeric',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '金额列中有非数字', 'en-US': 'Non-number in an amount column' },
    description: {
      'zh-CN': '金额列或权重列中出现了不是数字的内容（文字、带单位的数字等），该单元格未计入合计核对。',
      'en-US':
        'An amount or weight column holds something that is not a number (text, a number with words); the cell was left out of the sum checks.',
    },
    why: {
      'zh-CN': '以文本形式录入的金额在 Excel 的 SUM 中按 0 计算，表面平衡的表可能实际不平。',
      'en-US': "Amounts typed as text count as 0 in Excel's SUM, so a table can look balanced when it is not.",
    },
    messages: {
      amount: {
        'zh-CN': '“{column}”列的“{text}”不是数字，未计入合计核对',
        'en-US': '“{text}” in column “{column}” is not a number and was left out of the sum checks',
      },
      weight: {
        'zh-CN': '“{project}”的权重“{text}”不是数字，未计入权重合计',
        'en-US': 'The weight “{text}” of “{project}” is not a number and was left out of the weight total',
      },
    },
    examples: { fail: '基本支出列填“见附表”', pass: '基本支出列填 229.61' },
  },
  check(context) {
    for (const note of context.model.notes) {
      if (note.kind !== 'non-numeric-amount') continue;
      context.report({ messageId: 'amount', data: { column: note.column, text: note.text }, at: note });
    }
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators') continue;
      for (const project of table.projects) {
        for (const indicator of project.indicators) {
          if (!indicator.weightText) continue;
          context.report({
            messageId: 'weight',
            data: { project: project.name?.text ?? '', text: indicator.weightText.text },
            at: indicator.weightText,
            tableId: table.id,
          });
        }
      }
    }
  },
});
