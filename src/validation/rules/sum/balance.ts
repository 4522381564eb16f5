import type { AmountRow, AmountTable } from '../../model';
import { defineRule, ruleOptions } from '../types';
import { compareSum } from '../shared/compare';

export const balanceRule = defineRule({
  id: 'sum/balance',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '收支总表收支不平衡', 'en-US': 'Income and expenditure totals differ' },
    description: {
      'zh-CN': '收支总表两侧平衡：收入合计（总计）= 支出合计（总计）。',
      'en-US': 'Both sides of a 收支总表 balance: total income = total expenditure.',
    },
    why: {
      'zh-CN': '部门预算必须收支平衡；两侧合计不等说明某一侧漏列或错列。',
      'en-US': 'A department budget must balance; unequal sides mean a line is missing or wrong on one side.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{subject}为 {total}，但{parts}为 {sum}，相差 {diff}，收支不平衡',
        'en-US': '{subject} is {total}, but {parts} is {sum} (difference {diff}): the table does not balance',
      },
      'blank-total': {
        'zh-CN': '{subject}未填写，但{parts}为 {sum}，收支不平衡',
        'en-US': '{subject} is blank, but {parts} is {sum}: the table does not balance',
      },
    },
    examples: { fail: '收入合计 500.75，支出合计 500.70', pass: '收入合计 500.75 = 支出合计 500.75' },
    options: ruleOptions('tolerance'),
  },
  check(context) {
    const tables = context.model.tables.filter((t): t is AmountTable => t.kind === 'amounts');
    for (const income of tables) {
      if (income.side !== 'income' || !income.pairedWith) continue;
      const expense = tables.find((t) => t.id === income.pairedWith);
      if (!expense) continue;
      const incomeTotal = lastTotal(income);
      const expenseTotal = lastTotal(expense);
      const incomeCol = income.columns[0]?.col;
      const expenseCol = (expense.columns.find((c) => c.role === 'total') ?? expense.columns[0])?.col;
      if (!incomeTotal || !expenseTotal || incomeCol === undefined || expenseCol === undefined) continue;
      const incomeLabel = incomeTotal.label?.text ?? '收入合计';
      const expenseLabel = expenseTotal.label?.text ?? '支出合计';
      compareSum(context, {
        totalAt: { sheet: income.sheet, row: incomeTotal.row, col: incomeCol },
        total: incomeTotal.amounts.get(incomeCol),
        parts: [expenseTotal.amounts.get(expenseCol)],
        subject: { 'zh-CN': incomeLabel, 'en-US': incomeLabel },
        partsLabel: { 'zh-CN': expenseLabel, 'en-US': expenseLabel },
        tableId: income.id,
        unverifiable: incomeTotal.errorColumns.has(incomeCol) || expenseTotal.errorColumns.has(expenseCol),
      });
    }
  },
});

function lastTotal(table: AmountTable): AmountRow | undefined {
  return [...table.rows].reverse().find((row) => row.kind === 'total');
}
