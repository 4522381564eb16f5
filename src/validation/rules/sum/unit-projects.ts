import { defineRule, ruleOptions } from '../types';
import { MISMATCH_MESSAGE, BLANK_TOTAL_MESSAGE, compareSum } from '../shared/compare';

export const unitProjectsRule = defineRule({
  id: 'sum/unit-projects',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '单位预算不等于其项目之和', 'en-US': 'Unit budget ≠ sum of its projects' },
    description: {
      'zh-CN': '按项目逐行列示的绩效目标申报表中，单位行的预算数等于其下各项目预算数之和；分页重复的单位行数字一致。',
      'en-US':
        "In a one-row-per-indicator list, a unit line's 预算数 equals the sum of its projects' budgets, and every repetition of the line (page headers) shows the same amount.",
    },
    why: {
      'zh-CN': '单位合计与项目明细不一致，说明有项目漏报、重复或金额填错。',
      'en-US': 'A unit total that disagrees with its projects means a project is missing, doubled or mistyped.',
    },
    messages: {
      mismatch: MISMATCH_MESSAGE,
      'blank-total': BLANK_TOTAL_MESSAGE,
      'repeat-differs': {
        'zh-CN': '单位行“{unit}”在此处为 {value}，与首次出现时的 {first} 不一致',
        'en-US': 'The unit line “{unit}” shows {value} here but {first} where it first appears',
      },
    },
    examples: {
      fail: '201-平武县人民政府办公室 97.20，其下 10 个项目合计 96.20',
      pass: '201-平武县人民政府办公室 97.20 = Σ 10 个项目 97.20',
    },
    options: ruleOptions('tolerance', 'roundingUnit'),
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators' || table.layout !== 'flat') continue;
      for (const unit of table.units) {
        for (const repeat of unit.repeats) {
          if (!repeat.value.equals(unit.total.value)) {
            context.report({
              messageId: 'repeat-differs',
              data: { unit: unit.name.text, value: repeat.value.toFixed(2), first: unit.total.value.toFixed(2) },
              at: repeat,
              related: [unit.total],
              tableId: table.id,
            });
          }
        }
        const projects = unit.projectIndices.map((i) => table.projects[i]!);
        if (projects.length === 0) continue;
        compareSum(context, {
          totalAt: unit.total,
          total: unit.total,
          parts: projects.map((p) => p.budget),
          subject: { 'zh-CN': `单位“${unit.name.text}”的预算数`, 'en-US': `the budget of unit “${unit.name.text}”` },
          partsLabel: {
            'zh-CN': `其下 ${projects.length} 个项目预算之和`,
            'en-US': `the sum of its ${projects.length} projects`,
          },
          tableId: table.id,
        });
      }
    }
  },
});
