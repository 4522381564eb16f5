import type { AmountRow, AmountTable, NumberCell } from '../../model';
import type { Rule, RuleContext } from '../types';
import { MISMATCH_MESSAGE, compareSum } from './compare';
import { columnHeader, rowName } from './labels';

export const hierarchyRule: Rule = {
  id: 'sum/hierarchy',
  family: 'sum',
  defaultSeverity: 'error',
  meta: {
    description: {
      'zh-CN': '科目层级逐级相加：类 = Σ 款，款 = Σ 项，合计 = Σ 类（每个末级只加一次）；收支总表中合计 = Σ 一级项目，“一、本年收入”= Σ 其下各项。',
      'en-US': 'Classification codes add up level by level: 类 = Σ 款, 款 = Σ 项, total = Σ 类 (each leaf counted once); in 收支总表, the total = Σ numbered items and each numbered item = Σ its sub-items.',
    },
    why: {
      'zh-CN': '纵向不平说明漏填、重复填列或把上级与下级一起相加。',
      'en-US': 'A column that does not add down means a missing or duplicated line, or a parent added together with its children.',
    },
    messages: { mismatch: MISMATCH_MESSAGE },
    examples: {
      fail: '201 一般公共服务支出 418.06，其下 20103 为 418.16',
      pass: '合计 500.75 = 201 418.06 + 208 49.81 + 210 12.43 + 221 20.45',
    },
    options: ['tolerance', 'roundingUnit'],
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'amounts' || table.layout === 'flat') continue;
      const children = new Map<number, AmountRow[]>();
      const roots: AmountRow[] = [];
      table.rows.forEach((row) => {
        if (row.kind === 'total') return;
        if (row.parent !== undefined) {
          const list = children.get(row.parent) ?? [];
          list.push(row);
          children.set(row.parent, list);
        } else if (table.layout === 'labels' || row.code !== undefined) roots.push(row);
      });
      table.rows.forEach((row, index) => {
        if (row.kind === 'total') {
          if (roots.length > 0) compareColumns(context, table, row, roots, { 'zh-CN': `${roots.length} 个一级项目之和`, 'en-US': `the sum of its ${roots.length} top-level lines` });
          return;
        }
        const kids = children.get(index);
        if (kids) compareColumns(context, table, row, kids, { 'zh-CN': `其下 ${kids.length} 个下级项目之和`, 'en-US': `the sum of its ${kids.length} sub-lines` });
      });
    }
  },
};

function compareColumns(
  context: RuleContext,
  table: AmountTable,
  parent: AmountRow,
  kids: AmountRow[],
  partsLabel: { 'zh-CN': string; 'en-US': string },
): void {
  const name = rowName(parent);
  for (const column of table.columns) {
    const parts: (NumberCell | null | undefined)[] = kids.map((kid) => kid.amounts.get(column.col));
    const header = columnHeader(table, column.col);
    compareSum(context, {
      totalAt: { sheet: table.sheet, row: parent.row, col: column.col },
      total: parent.amounts.get(column.col),
      parts,
      subject: { 'zh-CN': `“${name['zh-CN']}”的${header}`, 'en-US': `${header} of “${name['en-US']}”` },
      partsLabel,
      tableId: table.id,
      unverifiable: [parent, ...kids].some((row) => row.errorColumns.has(column.col)),
    });
  }
}
