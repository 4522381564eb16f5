import { checkCount } from '../../text/checks';
import { readWorkbookText } from '../../text';
import { defineRule } from '../types';
import { quote } from '../shared/statement-report';

export const textCountRule = defineRule({
  id: 'text/count',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '文字中的个数与所列不符', 'en-US': 'Count in the text ≠ items listed' },
    description: {
      'zh-CN': '说明文字中“设 N 个…：甲、乙、丙”所列项数与 N 不符。',
      'en-US': 'A text that announces N things and lists them ("设 N 个…：甲、乙、丙") lists another number of them.',
    },
    why: {
      'zh-CN': '机构、科室、项目调整后常只改了名单没改数字（或反之），读者一数就会发现。',
      'en-US': 'After a reorganization the list is often updated and the number not (or the other way round).',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{sentence}”：写的是 {count}，但列出了 {counted} 项（{items}）',
        'en-US': '“{sentence}”: it says {count} but lists {counted} ({items})',
      },
    },
    examples: {
      fail: '内设 7 个科室：办公室、财务股、业务股、法规股、信息股、综合股',
      pass: '内设 3 个科室：办公室、财务股和业务股',
    },
    basis: {
      'zh-CN': '部门预算公开情况说明“机构设置”部分的内容须与所列名单一致。',
      'en-US': 'The organization part of a budget explanation must agree with the list it gives.',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const statement of document.statements) {
        if (statement.kind !== 'count') continue;
        const check = checkCount(statement);
        if (check.outcome === 'equal') continue;
        context.report({
          messageId: 'mismatch',
          data: {
            sentence: quote(statement.sentence),
            count: statement.countText,
            counted: check.counted,
            items: statement.items.join('、'),
          },
          at: statement.source.cell,
          tableId: statement.source.tableId,
        });
      }
    }
  },
});
