import { rowCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const namelessRule = defineRule({
  id: 'structure/nameless',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '缺少指标名称', 'en-US': 'Indicator without a name' },
    description: {
      'zh-CN': '有权重或指标值、却没有三级指标名称的行。',
      'en-US': 'A row with a weight or a value but no 三级 indicator name.',
    },
    why: {
      'zh-CN': '没有名称的权重也计入合计，却无法考核；通常是删除指标时漏删了整行。',
      'en-US':
        'A weight without a name still counts in the total but cannot be assessed: usually a row left behind when an indicator was deleted.',
    },
    messages: {
      nameless: {
        'zh-CN': '第 {row} 行有{what}，但没有指标名称',
        'en-US': 'Row {row} has {what} but no indicator name',
      },
    },
    examples: { fail: '| 5 | % | ≥ | 95（无指标名称）', pass: '服务合格率 | 5 | % | ≥ | 95' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      if (indicator.level3 || table.columns.level3 === undefined) return;
      const what = indicator.weight
        ? {
            'zh-CN': `权重 ${indicator.weight.value.toString()}`,
            'en-US': `a weight of ${indicator.weight.value.toString()}`,
          }
        : { 'zh-CN': '指标值', 'en-US': 'a value' };
      context.report({
        messageId: 'nameless',
        data: { row: indicator.row + 1, what },
        at: rowCell(indicator, table),
        related: indicator.weight ? [indicator.weight] : indicator.value ? [indicator.value] : [],
      });
    };
  },
});
