import { rowCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const shiftedRowRule = defineRule({
  id: 'structure/shifted-row',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '整行错列', 'en-US': 'Row shifted by a column' },
    description: {
      'zh-CN':
        '整行内容错开了一到两列（如一级指标写在项目名称列、“产出指标”写在二级指标列）。检查器按对齐后的内容核对，但表格本身需要修正。',
      'en-US':
        'A row whose content slid one or two columns (一级 text in the 项目名称 column, 产出指标 in the 二级 column). The checker reads it realigned, but the table needs fixing.',
    },
    why: {
      'zh-CN': '错列的行在汇总系统中会被读错：权重落进方向列、单位落进权重列。',
      'en-US':
        'A shifted row is misread by the collection system: the weight lands in the direction column, the unit in the weight column.',
    },
    messages: {
      right: {
        'zh-CN': '第 {row} 行内容整体右移了 {count} 列',
        'en-US': 'Row {row} has slid {count} column(s) to the right',
      },
      left: {
        'zh-CN': '第 {row} 行内容整体左移了 {count} 列',
        'en-US': 'Row {row} has slid {count} column(s) to the left',
      },
    },
    examples: {
      fail: '| | 产出指标 | 数量指标 | 报送…（二级列中出现一级指标）',
      pass: '| 产出指标 | 数量指标 | 报送… |',
    },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      if (indicator.shift === 0) return;
      const at = indicator.level1 ?? rowCell(indicator, table);
      context.report({
        messageId: indicator.shift > 0 ? 'right' : 'left',
        data: { row: indicator.row + 1, count: Math.abs(indicator.shift) },
        at,
        tableId: table.id,
      });
    };
  },
});
