import type { NumberCell } from '../../model';
import { MoneyUnit, toYuan } from '../../normalize';
import { defineRule, ruleOptions } from '../types';
import { compareSum } from '../shared/compare';
import { groupTiesToAny, projectTies } from '../shared/project-groups';

export const projectsTotalRule = defineRule({
  id: 'sum/projects-total',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '项目预算之和与项目支出不符', 'en-US': 'Projects do not add up to 项目支出' },
    description: {
      'zh-CN':
        '跨表核对：本工作簿中列出的本部门各项目绩效目标表的预算之和，应等于部门整体表或预算表中的项目支出（或其所属的某个功能科目的项目支出）。',
      'en-US':
        "Across tables: the budgets of the department's project target tables in the workbook add up to its 项目支出 (in the 部门整体 table or the budget tables), or to the 项目支出 of the code line they belong to.",
    },
    why: {
      'zh-CN': '项目表与部门表对不上，说明漏报了项目表、项目金额与预算表不一致，或部门整体表的项目支出填错。',
      'en-US':
        'Project tables that do not add up to the department figure mean a missing project table, a project amount that disagrees with the budget, or a wrong 项目支出.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{subject}为 {total}，但本工作簿所列 {parts}为 {sum}，相差 {diff}',
        'en-US': '{subject} is {total}, but {parts} listed in this workbook add up to {sum} (difference {diff})',
      },
      'blank-total': {
        'zh-CN': '{subject}未填写，但本工作簿所列 {parts}为 {sum}',
        'en-US': '{subject} is blank, but {parts} listed in this workbook add up to {sum}',
      },
    },
    examples: {
      fail: '部门整体表项目支出 496.7 万元，六张项目表预算合计 395 万元',
      pass: '部门整体表项目支出 358.47 = 项目表 232.03 + 126.44',
    },
    options: ruleOptions('tolerance', 'roundingUnit'),
  },
  check(context) {
    const analysis = projectTies(context);
    const { groups, targets } = analysis;
    const primary = targets.find((t) => t.primary);
    if (!primary) return;
    for (const group of groups) {
      if (!group.ownDepartment || group.projects.length === 0) continue;
      if (groupTiesToAny(context, analysis, group)) continue;
      // Projects in 元 against a 项目支出 in 万元 (or the other way round): compared and shown in 元.
      const units = new Set([primary.unit, ...group.projects.map((p) => p.unit)].filter((u) => u !== undefined));
      const inYuan = (cell: NumberCell, unit: MoneyUnit | undefined): NumberCell =>
        units.size > 1 ? { ...cell, value: toYuan(cell.value, unit) } : cell;
      compareSum(context, {
        totalAt: primary.cell,
        total: inYuan(primary.cell, primary.unit),
        parts: group.projects.map((p) => inYuan(p.budget, p.unit)),
        subject: { 'zh-CN': primary.label.replace(/\s+/g, ''), 'en-US': primary.label.replace(/\s+/g, '') },
        partsLabel: {
          'zh-CN': `${group.projects.length} 个项目的预算之和`,
          'en-US': `the budgets of the ${group.projects.length} projects`,
        },
      });
    }
  },
});
