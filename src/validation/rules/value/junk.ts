import { indicatorName } from '../../indicator-facts';
import type { Localized } from '../../messages';
import type { TextCell } from '../../model';
import { isJunkOnly } from '../shared/hygiene';
import { defineRule } from '../types';

export const junkRule = defineRule({
  id: 'value/junk',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '只填了符号', 'en-US': 'Only a dash or slash' },
    description: {
      'zh-CN': '指标名称或指标值只填了“-”“_”“*”“/”等符号，等于没有填写。',
      'en-US': 'An indicator name or value holds only "-", "_", "*" or "/": nothing is written.',
    },
    why: {
      'zh-CN': '用符号占位可以绕过“必填”检查，但指标无法考核；一体化系统把这类内容视为未填。',
      'en-US':
        'A symbol gets past a "required" check but leaves nothing to assess; the budget systems treat it as blank.',
    },
    messages: {
      junk: {
        'zh-CN': '{name}的{what}只有“{text}”，请填写实际内容',
        'en-US': 'The {what} of {name} is only “{text}”: fill in the real content',
      },
    },
    examples: { fail: '群众满意度 | -', pass: '群众满意度 | ≥90%' },
    basis: {
      'zh-CN': '预算管理一体化系统绩效目标审核规则：指标名称、指标值不得只含 -、_、*、/ 或空格（常见做法）。',
      'en-US':
        'Review rules of the integrated budget systems: no name or value of only -, _, *, / or spaces (common practice).',
    },
  },
  visitIndicators(context) {
    return (indicator) => {
      const cells: [TextCell | undefined, Localized][] = [
        [indicator.level3, { 'zh-CN': '指标名称', 'en-US': 'name' }],
        [indicator.value, { 'zh-CN': '指标值', 'en-US': 'target value' }],
      ];
      for (const [cell, what] of cells) {
        if (!cell || !isJunkOnly(cell.text)) continue;
        const name =
          cell === indicator.level3
            ? { 'zh-CN': `第 ${indicator.row + 1} 行指标`, 'en-US': `the indicator on row ${indicator.row + 1}` }
            : quoted(indicatorName(indicator));
        context.report({
          messageId: 'junk',
          data: { name, what, text: cell.raw.trim() },
          at: cell,
        });
      }
    };
  },
});

function quoted(name: Localized): Localized {
  return { 'zh-CN': `“${name['zh-CN']}”`, 'en-US': `“${name['en-US']}”` };
}
