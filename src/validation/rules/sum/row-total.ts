import type { AmountTable } from '../../model';
import { defineRule, ruleOptions } from '../types';
import { MISMATCH_MESSAGE, BLANK_TOTAL_MESSAGE, addsUpExactly, compareSum } from '../shared/compare';
import { columnHeader, rowLabel } from '../shared/labels';

export const rowTotalRule = defineRule({
  id: 'sum/row-total',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '行合计不等于各列之和', 'en-US': 'Row total ≠ its columns' },
    description: {
      'zh-CN':
        '每一行的合计列等于其组成列之和：合计 = 基本支出 + 项目支出，基本支出 = 人员经费 + 公用经费，三公合计 = 因公出国（境）+ 公务用车 + 公务接待，小计 = 购置 + 运行，合计 = 各资金来源。',
      'en-US':
        "Each row's total column equals the sum of its component columns: 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费, 三公 total = travel abroad + vehicles + reception, vehicle subtotal = purchase + running, total = Σ funding sources.",
    },
    why: {
      'zh-CN': '横向不平是预算公开表最常见的退回原因之一，通常是改了某一列却忘了改合计。',
      'en-US':
        'Rows that do not add across are a common reason for a file to be sent back: one column changed, the total not.',
    },
    messages: { mismatch: MISMATCH_MESSAGE, 'blank-total': BLANK_TOTAL_MESSAGE },
    examples: {
      fail: '合计 500.75，基本支出 299.30，项目支出 201.35',
      pass: '合计 500.75 = 基本支出 299.30 + 项目支出 201.45',
    },
    options: ruleOptions('tolerance', 'roundingUnit'),
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'amounts') continue;
      for (const formula of table.rowFormulas) {
        if (!partsUsed(table, formula.parts)) continue;
        const partsHeader = formula.parts.map((c) => columnHeader(table, c)).join(' + ');
        const totalHeader = columnHeader(table, formula.total);
        const partsLabel = { 'zh-CN': partsHeader, 'en-US': partsHeader };
        for (const row of table.rows) {
          const { amounts } = row;
          if (
            row.errorColumns.size === 0 &&
            addsUpExactly(
              amounts.value(formula.total),
              formula.parts.map((c) => amounts.value(c)),
            )
          )
            continue;
          compareSum(context, {
            totalAt: { sheet: table.sheet, row: row.row, col: formula.total },
            total: amounts.get(formula.total),
            parts: formula.parts.map((c) => amounts.get(c)),
            subject: () => {
              const label = rowLabel(row);
              if (label === '')
                return {
                  'zh-CN': `第 ${row.row + 1} 行的${totalHeader}`,
                  'en-US': `${totalHeader} of row ${row.row + 1}`,
                };
              return { 'zh-CN': `“${label}”行的${totalHeader}`, 'en-US': `${totalHeader} of row “${label}”` };
            },
            partsLabel,
            tableId: table.id,
            unverifiable:
              row.errorColumns.size > 0 &&
              (row.errorColumns.has(formula.total) || formula.parts.some((c) => row.errorColumns.has(c))),
          });
        }
      }
    }
  },
});

/** A formula whose part columns are blank on every row is not one the table uses. */
function partsUsed(table: AmountTable, parts: number[]): boolean {
  return table.rows.some((row) => parts.some((c) => row.amounts.value(c)));
}
