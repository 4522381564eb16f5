import { indicatorName, withoutTemplateMarks } from '../../indicator-facts';
import { money } from '../../messages';
import { isPlaceholderText, keyOfNormalized } from '../../normalize';
import { indicatorTexts, placeholderIn } from '../shared/hygiene';
import { defineRule } from '../types';

export const placeholderRule = defineRule({
  id: 'value/placeholder',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '占位符未替换', 'en-US': 'Placeholder left in' },
    description: {
      'zh-CN':
        '指标名称、指标值、单位、实际完成值中仍留有模板占位符：XX、××、***、某某、待填、待定；金额表中名称只有“……”的模板省略行却填了金额。',
      'en-US':
        'An indicator name, value, unit or result still holds a template placeholder: XX, ××, ***, 某某, 待填, 待定; or a “……” row of an amount table holds amounts.',
    },
    why: {
      'zh-CN': '照抄模板或上年表格时留下的“≥XX%”“某某村”没有可考核的内容，审核系统会直接拦下。',
      'en-US':
        'A "≥XX%" or "某某村" left from a template or last year’s file has nothing to assess; the review systems block it.',
    },
    messages: {
      placeholder: {
        'zh-CN': '“{name}”的{what}“{text}”含占位符“{placeholder}”，请填写实际内容',
        'en-US': 'The {what} “{text}” of “{name}” holds the placeholder “{placeholder}”: fill in the real content',
      },
      'ellipsis-row': {
        'zh-CN': '第 {row} 行是模板的省略行“{text}”，却填有金额 {amount}：请写明科目或项目名称，或删除该行',
        'en-US':
          'Row {row} is the template’s “{text}” row, yet it holds the amount {amount}: name the line or delete the row',
      },
    },
    examples: { fail: '种植作物成活率 | ≥XX%', pass: '种植作物成活率 | ≥90%' },
    basis: {
      'zh-CN': '预算管理一体化系统绩效目标审核规则：指标内容不得含 XX、××、***、某某、待填等占位符（常见做法）。',
      'en-US':
        'Review rules of the integrated budget systems: no XX, ××, ***, 某某 or 待填 placeholders (common practice).',
    },
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'amounts') continue;
      for (const row of table.rows) {
        if (row.code !== undefined || !row.label || !isPlaceholderText(row.label.text)) continue;
        const amount = table.columns.map((c) => row.amounts.get(c.col)).find((cell) => cell && !cell.value.isZero());
        if (!amount) continue;
        context.report({
          messageId: 'ellipsis-row',
          data: { row: row.row + 1, text: row.label.raw.trim(), amount: money(amount.value) },
          at: row.label,
          related: [amount],
          tableId: table.id,
        });
      }
    }
  },
  visitIndicators(context) {
    return (indicator) => {
      for (const { cell, what } of indicatorTexts(indicator)) {
        // An indicator library's hint in a name ("成活率(≥**%)") names the target kept in its own column.
        const text = cell === indicator.level3 ? withoutTemplateMarks(keyOfNormalized(cell.text)) : cell.text;
        const placeholder = placeholderIn(text);
        if (!placeholder) continue;
        context.report({
          messageId: 'placeholder',
          data: { name: indicatorName(indicator), what, text: cell.raw.trim(), placeholder },
          at: cell,
        });
      }
    };
  },
});
