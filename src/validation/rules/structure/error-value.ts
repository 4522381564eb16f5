import { defineRule } from '../types';

export const errorValueRule = defineRule({
  id: 'structure/error-value',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '单元格为错误值', 'en-US': 'Excel error value' },
    description: {
      'zh-CN': '单元格为 Excel 错误值（#REF!、#VALUE!、#DIV/0! 等）。',
      'en-US': 'A cell holds an Excel error value (#REF!, #VALUE!, #DIV/0! …).',
    },
    why: {
      'zh-CN': '错误值通常来自删除了被引用的行或工作表；含错误值的合计无法核对，报送后也无法打印。',
      'en-US':
        'Error values usually come from deleting referenced rows or sheets; a total holding one cannot be checked or printed.',
    },
    messages: {
      'in-table': {
        'zh-CN': '单元格为错误值 {code}，该表的合计无法核对，请修正公式',
        'en-US': 'The cell holds the error value {code}; the totals of this table cannot be checked. Fix the formula',
      },
      'outside-table': {
        'zh-CN': '单元格为错误值 {code}，请修正公式',
        'en-US': 'The cell holds the error value {code}. Fix the formula',
      },
    },
    examples: { fail: '合计单元格显示 #REF!', pass: '合计单元格为 =SUM(C7:C24) 的结果 500.75' },
  },
  check(context) {
    for (const note of context.model.notes) {
      if (note.kind !== 'error-value') continue;
      context.report({ messageId: note.inTable ? 'in-table' : 'outside-table', data: { code: note.code }, at: note });
    }
  },
});
