import type { AmountTable, FormValue, IndicatorTable, NumberCell } from '../../model';
import { toYuan } from '../../normalize';
import { formFieldOf, type FormField } from '../../vocabulary';
import { defineRule, ruleOptions } from '../types';
import { MISMATCH_MESSAGE, BLANK_TOTAL_MESSAGE, compareSum } from '../shared/compare';

/** Amounts a form states once and a list inside the same form may state again. */
const STATED_TWICE: ReadonlySet<FormField> = new Set(['total', 'basic', 'project', 'generalBudget', 'governmentFund']);

export const formListRule = defineRule({
  id: 'sum/form-list',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '同一金额前后不一致', 'en-US': 'One amount stated twice, differently' },
    description: {
      'zh-CN':
        '同一张表里同一个金额只能有一个数：表头写明的基本支出、项目支出、资金总额，在表内清单（履职目标、资金构成）中再次出现时须相同。',
      'en-US':
        'One amount, one number within a form: the 基本支出, 项目支出 or 资金总额 a form states must be the same where a list inside the form (履职目标, 资金构成) states it again.',
    },
    why: {
      'zh-CN': '清单中把资金总额填在“基本支出”一行，各项之和便超过了总额，审核时会被退回。',
      'en-US': 'A list that puts the whole 资金总额 on its 基本支出 line no longer adds up to the total.',
    },
    messages: { mismatch: MISMATCH_MESSAGE, 'blank-total': BLANK_TOTAL_MESSAGE },
    examples: {
      fail: '年度预算安排：基本支出 110.61；履职目标：基本支出 171.41',
      pass: '年度预算安排：基本支出 110.61；履职目标：基本支出 110.61',
    },
    basis: { 'zh-CN': '通行做法', 'en-US': 'common practice' },
    options: ruleOptions('tolerance', 'roundingUnit'),
  },
  check(context) {
    const blocks = context.model.tables.filter((t): t is AmountTable => t.kind === 'amounts' && t.block);
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators' || table.form.length === 0) continue;
      for (const block of blocksOf(table, blocks)) {
        const amountCol = block.columns[0]?.col;
        if (amountCol === undefined) continue;
        for (const row of block.rows) {
          if (!row.label) continue;
          const field = formFieldOf(row.label.text);
          if (!field || !STATED_TWICE.has(field)) continue;
          const stated = table.form.find((f) => f.field === field && f.amount !== undefined);
          const listed = row.amounts.get(amountCol);
          if (!stated || !listed || (stated.row === listed.row && stated.col === listed.col)) continue;
          const [listedValue, statedValue] = comparable(listed, block.moneyUnit, stated, table.moneyUnit);
          compareSum(context, {
            // The list's line is what disagrees with the form: the finding points at it.
            totalAt: listed,
            total: { ...stated, value: statedValue },
            parts: [{ ...listed, value: listedValue }],
            subject: { 'zh-CN': `表头的“${row.label.text}”`, 'en-US': `“${row.label.text}” in the form` },
            partsLabel: { 'zh-CN': `表内清单中的“${row.label.text}”`, 'en-US': `“${row.label.text}” in the list` },
            related: [stated],
            tableId: table.id,
          });
        }
      }
    }
  },
});

/** The blocks inside the form of the table (above its header). */
function blocksOf(table: IndicatorTable, blocks: AmountTable[]): AmountTable[] {
  const headerTop = Math.min(...table.headerRows);
  return blocks.filter((b) => b.sheet === table.sheet && b.range.top >= table.range.top && b.range.bottom < headerTop);
}

/** The two amounts in one unit: as written when their units agree or are unknown, else in 元. */
function comparable(
  listed: NumberCell,
  listedUnit: AmountTable['moneyUnit'],
  stated: FormValue,
  tableUnit: IndicatorTable['moneyUnit'],
): [NumberCell['value'], NumberCell['value']] {
  const statedUnit = stated.unit ?? tableUnit;
  if (listedUnit && statedUnit && listedUnit !== statedUnit) {
    return [toYuan(listed.value, listedUnit), toYuan(stated.amount!, statedUnit)];
  }
  return [listed.value, stated.amount!];
}
