import { money } from '../../messages';
import { defineRule } from '../types';
import { groupTiesToAny, projectTies } from '../shared/project-groups';

export const projectsUntiedRule = defineRule({
  id: 'sum/projects-untied',
  defaultSeverity: 'info',
  meta: {
    name: { 'zh-CN': '项目预算无处核对', 'en-US': 'Projects with no total to check against' },
    description: {
      'zh-CN': '另一单位（如上级主管部门）的项目表在本工作簿中找不到可以核对的项目支出数时，提示无法核对。',
      'en-US':
        'When the project tables of another unit (e.g. the supervising department) match no 项目支出 figure in the workbook, say that they could not be tied.',
    },
    why: {
      'zh-CN': '检查器不会悄悄跳过无法核对的数字：审核人员需要知道哪些项目金额没有经过跨表核对。',
      'en-US':
        'The checker never skips numbers silently: a reviewer needs to know which project amounts were not tied across tables.',
    },
    messages: {
      untied: {
        'zh-CN': '“{unit}”的 {count} 个项目预算合计 {sum}，与本工作簿中任何项目支出数都对不上，未能跨表核对',
        'en-US':
          'The {count} projects of “{unit}” add up to {sum}, which matches no 项目支出 figure in this workbook: not tied across tables',
      },
    },
    examples: {
      fail: '主管部门的 6 张一般性项目表合计 1697.78，本单位预算表中没有对应的项目支出',
      pass: '本单位 7 张项目支出表合计 172.24 = 2010306 政务公开审批的项目支出',
    },
  },
  check(context) {
    const analysis = projectTies(context);
    const { groups, targets } = analysis;
    if (targets.length === 0) return;
    const hasPrimary = targets.some((t) => t.primary);
    for (const group of groups) {
      if (group.projects.length === 0) continue;
      if (group.ownDepartment && hasPrimary) continue; // sum/projects-total reports these
      if (groupTiesToAny(context, analysis, group)) continue;
      const first = group.projects[0]!;
      context.report({
        messageId: 'untied',
        data: { unit: group.unitLabel?.text ?? '', count: group.projects.length, sum: money(group.sum) },
        at: first.budget,
        related: group.projects.slice(1).map((p) => p.budget),
      });
    }
  },
});
