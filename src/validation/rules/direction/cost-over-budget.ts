import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { isMoneyUnit } from '../../indicator-value';
import { money } from '../../messages';
import { toYuan } from '../../normalize';
import { projectName } from '../shared/names';
import { defineRule } from '../types';

export const costOverBudgetRule = defineRule({
  id: 'direction/cost-over-budget',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '成本目标超过项目预算', 'en-US': 'Cost target above the budget' },
    description: {
      'zh-CN': '以元或万元计的成本目标高于项目本身的预算（如“项目总成本 ≤ 614.06 万元”而当年预算 531.40 万元）。',
      'en-US':
        'A cost target in 元 or 万元 above the project\'s own budget ("项目总成本 ≤ 614.06 万元" against a budget of 531.40).',
    },
    why: {
      'zh-CN': '成本上限超过预算本身，控制目标没有约束力，通常是沿用了上年数字或单位写错。',
      'en-US': 'A ceiling above the budget itself constrains nothing: usually last year’s figure, or a wrong unit.',
    },
    messages: {
      above: {
        'zh-CN': '成本指标“{name}”的目标 {target} 高于项目“{project}”的预算 {budget}',
        'en-US': 'The cost target {target} of “{name}” is above the budget {budget} of “{project}”',
      },
      'unit-price': {
        'zh-CN':
          '成本指标“{name}”是单价 {target}，仅一个单位就超过项目“{project}”的全部预算 {budget}，请核对单位或数值',
        'en-US':
          '“{name}” is a unit price of {target}: one unit alone costs more than the whole budget {budget} of “{project}”; check the unit or the figure',
      },
    },
    examples: { fail: '项目成本 ≤ 8 万元，当年预算 6.00 万元', pass: '项目成本 ≤ 6 万元，当年预算 6.00 万元' },
  },
  visitIndicators(context) {
    return (indicator, project, table) => {
      const facts = factsOf(indicator);
      const { number, unit } = facts.value;
      if (!facts.isCost || facts.isReduction || number === undefined || !project.budget || !isMoneyUnit(unit)) return;
      // "万元/平方米", "元/人" are prices per unit: not a total to compare with the budget, but one unit costing more
      // than the whole budget is still a wrong unit or figure. Per year or per project is the whole cost.
      const per = unit!.split('/')[1]?.trim();
      const unitPrice = per !== undefined && !WHOLE_BUDGET_PER.test(per);
      const targetUnit = unit!.startsWith('万元') ? '万元' : unit!.startsWith('元') ? '元' : undefined;
      if (!targetUnit) return;
      const budgetUnit = project.budgetUnit ?? table.moneyUnit ?? '万元';
      const over =
        targetUnit === budgetUnit
          ? number.gt(project.budget.value)
          : toYuan(number, targetUnit).gt(toYuan(project.budget.value, budgetUnit));
      if (!over) return;
      context.report({
        messageId: unitPrice ? 'unit-price' : 'above',
        data: {
          name: indicatorName(indicator),
          target: `${number.toString()} ${unit}`,
          budget: `${money(project.budget.value)} ${budgetUnit}`,
          project: projectName(project),
        },
        at: valueCell(indicator, table),
        related: [project.budget],
      });
    };
  },
});

/** What a cost "per …" may be per and still be the whole project's cost: a year, the project. */
const WHOLE_BUDGET_PER = /^(每)?(年|年度|项目?|个项目)$/;
