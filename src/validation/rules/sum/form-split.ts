import type { FormValue, IndicatorTable, NumberCell } from '../../model';
import { toYuan } from '../../normalize';
import type { FormField } from '../../vocabulary';
import { defineRule, ruleOptions, type RuleContext } from '../types';
import { projectName } from '../shared/names';
import { MISMATCH_MESSAGE, BLANK_TOTAL_MESSAGE, compareSum } from '../shared/compare';

/** Ways a form splits its 资金总额: by source of funds, and by kind of expenditure. */
const SOURCE_SETS: readonly (readonly FormField[])[] = [
  ['generalBudget', 'governmentFund', 'specialAccount', 'carryOver', 'otherFunds'],
  ['budgetFunds', 'ownFunds', 'carryOver', 'otherFunds'],
  ['localFunds', 'upperFunds'],
];
const EXPENDITURE_SET: readonly FormField[] = ['basic', 'project'];

export const formSplitRule = defineRule({
  id: 'sum/form-split',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '资金总额不等于各资金来源之和', 'en-US': 'Budget ≠ sum of its fund sources' },
    description: {
      'zh-CN':
        '绩效目标表表头的资金总额等于各资金来源之和（一般公共预算 + 政府性基金 + 专户 + 其他；本级 + 上级），也等于基本支出 + 项目支出。',
      'en-US':
        "A target table's 资金总额 equals the sum of its sources (一般公共预算 + 政府性基金 + 专户 + 其他; 本级 + 上级) and equals 基本支出 + 项目支出.",
    },
    why: {
      'zh-CN': '表头金额是审核的第一眼：总额与其构成不一致，整张表都会被退回。',
      'en-US':
        'The header amounts are what a reviewer reads first: a total that disagrees with its split sends the whole table back.',
    },
    messages: { mismatch: MISMATCH_MESSAGE, 'blank-total': BLANK_TOTAL_MESSAGE },
    examples: {
      fail: '资金总额 582.03，基本支出 223.56，项目支出 348.47',
      pass: '资金总额 582.03 = 基本支出 223.56 + 项目支出 358.47',
    },
    options: ruleOptions('tolerance', 'roundingUnit'),
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators') continue;
      for (const project of table.projects) {
        if (!project.budget || !project.sources) continue;
        compareSum(context, {
          totalAt: project.budget,
          total: project.budget,
          parts: project.sources,
          subject: {
            'zh-CN': `“${projectName(project)}”的项目预算`,
            'en-US': `the budget of “${projectName(project)}”`,
          },
          partsLabel: { 'zh-CN': '各资金来源之和', 'en-US': 'the sum of the funding sources' },
          tableId: table.id,
        });
      }
      if (table.form.length === 0) continue;
      const total = table.form.find((f) => f.field === 'total' && f.amount !== undefined);
      if (!total) continue;
      const sources = SOURCE_SETS.map((set) => present(table.form, set)).sort((a, b) => b.length - a.length)[0] ?? [];
      // An amount under a label the checker does not know may be one of the sources: not asserted then.
      const unknownSource = table.form.some(
        (f) => f.field === 'unknownAmount' && /资金|拨款|收入|结转|结余|经费|预算/.test(f.label),
      );
      if (sources.length > 0 && !unknownSource)
        compareSplit(context, table, total, sources, {
          'zh-CN': '各资金来源之和',
          'en-US': 'the sum of the funding sources',
        });
      const expenditure = present(table.form, EXPENDITURE_SET);
      if (expenditure.length > 0)
        compareSplit(context, table, total, expenditure, {
          'zh-CN': '基本支出与项目支出之和',
          'en-US': '基本支出 + 项目支出',
        });
    }
  },
});

function present(form: FormValue[], fields: readonly FormField[]): FormValue[] {
  return fields
    .map((field) => form.find((f) => f.field === field && f.amount !== undefined))
    .filter((f): f is FormValue => f !== undefined);
}

function compareSplit(
  context: RuleContext,
  table: IndicatorTable,
  total: FormValue,
  parts: FormValue[],
  partsLabel: { 'zh-CN': string; 'en-US': string },
): void {
  const unitOf = (f: FormValue) => f.unit ?? table.moneyUnit;
  const mixedUnits = parts.some(
    (p) => unitOf(p) !== undefined && unitOf(total) !== undefined && unitOf(p) !== unitOf(total),
  );
  const asCell = (f: FormValue): NumberCell => ({
    sheet: f.sheet,
    row: f.row,
    col: f.col,
    value: mixedUnits ? toYuan(f.amount!, unitOf(f)) : f.amount!,
  });
  compareSum(context, {
    totalAt: total,
    total: asCell(total),
    parts: parts.map(asCell),
    subject: { 'zh-CN': total.label.replace(/\s+/g, ''), 'en-US': total.label.replace(/\s+/g, '') },
    partsLabel,
    tableId: table.id,
  });
}
