import { projectName } from '../shared/names';
import { defineRule } from '../types';

const MINIMUM = 3;

export const tooFewRule = defineRule({
  id: 'structure/too-few',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '三级指标过少', 'en-US': 'Too few indicators' },
    description: {
      'zh-CN': `项目的三级指标少于 ${MINIMUM} 个。`,
      'en-US': `A project with fewer than ${MINIMUM} 三级 indicators.`,
    },
    why: {
      'zh-CN': '指标过少无法全面反映项目产出和效果，不符合绩效目标编制要求。',
      'en-US': 'Too few indicators cannot describe the outputs and effects of a project; the guidelines ask for more.',
    },
    messages: {
      few: {
        'zh-CN': '“{project}”只有 {count} 个三级指标，至少应有 {minimum} 个',
        'en-US': '“{project}” has only {count} 三级 indicators; at least {minimum} are expected',
      },
    },
    examples: { fail: '只有 2 个三级指标的项目', pass: '有 3 个以上三级指标的项目' },
  },
  visitProjects(context) {
    return (project, table) => {
      let count = 0;
      for (const indicator of project.indicators) if (indicator.level3) count++;
      if (count === 0 || count >= MINIMUM) return;
      const named = project.indicators.filter((i) => i.level3);
      context.report({
        messageId: 'few',
        data: { project: projectName(project), count: named.length, minimum: MINIMUM },
        at: project.name ?? named[0]!.level3!,
        tableId: table.id,
      });
    };
  },
});
