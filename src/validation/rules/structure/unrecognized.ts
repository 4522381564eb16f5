import { rangeAddress } from '../../address';
import { defineRule } from '../types';

export const unrecognizedRule = defineRule({
  id: 'structure/unrecognized',
  defaultSeverity: 'info',
  meta: {
    name: { 'zh-CN': '未识别、未检查的内容', 'en-US': 'Content not recognized, not checked' },
    description: {
      'zh-CN': '工作表中含有数字、但不属于任何已识别表格的区域：检查器说明它没有核对这些数字，而不是悄悄跳过。',
      'en-US':
        'A block of numbers that belongs to no recognized table: the checker says it did not check them instead of skipping them silently.',
    },
    why: {
      'zh-CN': '表头写法不常见时，表格可能未被识别；用户需要知道哪些数字没有经过检查。',
      'en-US':
        'A table with unusual headers may not be recognized; the user needs to know which numbers went unchecked.',
    },
    messages: {
      'no-table': {
        'zh-CN':
          '工作表“{sheet}”含 {numbers} 个数字（{range}），但未识别到可检查的表格，整张表未作检查（表头是否为标准列名？）',
        'en-US':
          'The sheet “{sheet}” holds {numbers} numbers ({range}) but no table could be recognized on it, so nothing on it was checked (are the column headers standard?)',
      },
      unrecognized: {
        'zh-CN':
          '区域 {range} 含 {numbers} 个数字，但未能识别为绩效目标表或预算表，未作检查（请检查表头是否为标准列名）',
        'en-US':
          'The range {range} holds {numbers} numbers but was not recognized as a target or budget table, so it was not checked (are the column headers standard?)',
      },
    },
    examples: {
      fail: '表头为“金额A | 金额B”的数字区域',
      pass: '表头为“科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出”的预算表',
    },
  },
  check(context) {
    for (const note of context.model.notes) {
      if (note.kind === 'no-table') {
        context.report({
          messageId: 'no-table',
          data: { sheet: note.sheet, numbers: note.numbers, range: rangeAddress(note.range) },
          at: { sheet: note.sheet, row: note.range.top, col: note.range.left },
          related: [{ sheet: note.sheet, row: note.range.bottom, col: note.range.right }],
        });
        continue;
      }
      if (note.kind !== 'unrecognized-range') continue;
      context.report({
        messageId: 'unrecognized',
        data: { range: rangeAddress(note.range), numbers: note.numbers },
        at: { sheet: note.sheet, row: note.range.top, col: note.range.left },
        related: [{ sheet: note.sheet, row: note.range.bottom, col: note.range.right }],
      });
    }
  },
});
