import Decimal from 'decimal.js';
import { ZERO } from '../../decimal';
import { weightSum } from '../../indicator-facts';
import { Localized, plain } from '../../messages';
import type { Project } from '../../model';
import { projectName } from '../shared/names';
import { defineRule, ruleOptions } from '../types';

export const weightSumRule = defineRule({
  id: 'weight/sum',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '权重合计不为 100', 'en-US': 'Weights do not total 100' },
    description: {
      'zh-CN':
        '每个项目三级指标的权重（分值）之和为 100；预算执行率单独占 10 分时为 90。表中有权重合计行时，合计行也须等于各项之和。',
      'en-US':
        "The weights (scores) of a project's 三级 indicators add up to 100, or to 90 when 预算执行率 holds the other 10 outside the table; a weight total row must equal the sum of the weights.",
    },
    why: {
      'zh-CN': '权重合计不等于 100 是绩效目标表被退回的头号原因。',
      'en-US': 'Weights that do not sum to 100 are the first reason a performance target table is sent back.',
    },
    messages: {
      'wrong-total': {
        'zh-CN': '“{project}”的指标权重合计为 {actual}，应为 {expected}',
        'en-US': 'The indicator weights of “{project}” add up to {actual}; expected {expected}',
      },
      'total-row': {
        'zh-CN': '“{project}”的权重合计行为 {declared}，但各指标权重之和为 {actual}',
        'en-US': 'The weight total row of “{project}” says {declared}, but the weights add up to {actual}',
      },
    },
    examples: {
      fail: '综合管理：30 + 10 + 30 + 20 + 20 = 110',
      pass: '市长公开电话：30 + 10 + 30 + 20 = 90（预算执行率 10 分另计）',
    },
    options: ruleOptions(
      'weightTotal',
      'acceptBudgetExecutionWeight',
      'requireBudgetExecutionWeight',
      'budgetExecutionWeight',
    ),
  },
  check(context) {
    const { weightTotal, acceptBudgetExecutionWeight, budgetExecutionWeight } = context.options;
    const outsidePoints = acceptBudgetExecutionWeight ? new Decimal(budgetExecutionWeight) : ZERO;
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators' || table.columns.weight === undefined) continue;
      for (const project of table.projects) {
        const weighted = project.indicators.filter((i) => i.weight);
        if (weighted.length === 0) continue;
        const actual = weightSum(weighted);
        // A 总分 row may include the 预算执行率 points that are not in the table (财政部 自评表: 90 + 10 = 100).
        const executionPoints = project.budgetExecutionWeight?.value ?? outsidePoints;
        if (
          project.weightTotal &&
          !project.weightTotal.value.equals(actual) &&
          !project.weightTotal.value.equals(actual.plus(executionPoints))
        ) {
          context.report({
            messageId: 'total-row',
            data: { project: projectName(project), declared: plain(project.weightTotal.value), actual: plain(actual) },
            at: project.weightTotal,
            related: weighted.map((i) => i.weight!),
            tableId: table.id,
          });
        }
        const expected = expectedTotals(
          project,
          weightTotal,
          acceptBudgetExecutionWeight,
          budgetExecutionWeight,
        ).filter((_expected, i, all) => !context.options.requireBudgetExecutionWeight || all.length === 1 || i > 0);
        if (expected.some((e) => e.value.equals(actual))) continue;
        context.report({
          messageId: 'wrong-total',
          data: {
            project: projectName(project),
            actual: plain(actual),
            expected: {
              'zh-CN': expected.map((e) => e.label()['zh-CN']).join(' 或 '),
              'en-US': expected.map((e) => e.label()['en-US']).join(' or '),
            },
          },
          at: project.weightTotal ?? weighted[0]!.weight!,
          related: weighted.map((i) => i.weight!),
          tableId: table.id,
        });
      }
    }
  },
});

/** The totals a project's weights may have; labels are made only for a finding. */
function expectedTotals(
  project: Project,
  total: number,
  acceptExecution: boolean,
  executionWeight: number,
): { value: Decimal; label: () => Localized }[] {
  const full = new Decimal(total);
  if (project.budgetExecutionWeight) {
    const execution = project.budgetExecutionWeight.value;
    const rest = full.minus(execution);
    return [
      {
        value: rest,
        label: () => ({
          'zh-CN': `${plain(rest)}（${plain(full)} − 预算执行率 ${plain(execution)}）`,
          'en-US': `${plain(rest)} (${plain(full)} − 预算执行率 ${plain(execution)})`,
        }),
      },
    ];
  }
  const options: { value: Decimal; label: () => Localized }[] = [
    { value: full, label: () => ({ 'zh-CN': plain(full), 'en-US': plain(full) }) },
  ];
  if (acceptExecution && executionWeight > 0) {
    const rest = full.minus(executionWeight);
    options.push({
      value: rest,
      label: () => ({
        'zh-CN': `${plain(rest)}（另计预算执行率 ${executionWeight}）`,
        'en-US': `${plain(rest)} (with 预算执行率 ${executionWeight} outside the table)`,
      }),
    });
  }
  return options;
}
