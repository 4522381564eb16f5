import { factsOf } from '../../indicator-facts';
import { projectName } from '../shared/names';
import type { Indicator } from '../../model';
import { defineRule } from '../types';

const MIN_INDICATORS = 3;

export const copiedWeightRule = defineRule({
  id: 'value/copied-weight',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '指标值抄自权重', 'en-US': 'Targets copied from the weights' },
    description: {
      'zh-CN': `一个项目的全部指标值都与各自的权重相同（至少 ${MIN_INDICATORS} 个指标）：指标值是从权重列复制来的。`,
      'en-US': `Every indicator value of a project equals its own weight (at least ${MIN_INDICATORS} indicators): the values were copied from the weight column.`,
    },
    why: {
      'zh-CN': '“满意度 ≥ 10%”“办件量 ≥ 10 件”这样的目标没有意义，说明目标值尚未真正填写。',
      'en-US': 'Targets such as "satisfaction ≥ 10 %" mean nothing: the real targets were never filled in.',
    },
    messages: {
      copied: {
        'zh-CN': '“{project}”的 {count} 个指标值都与其权重相同，疑似从权重列复制，请填写真实目标值',
        'en-US':
          'All {count} indicator values of “{project}” equal their weights: copied from the weight column? Fill in the real targets',
      },
    },
    examples: { fail: '政务服务满意度 | 权重 10 | % | ≥ | 10', pass: '政务服务满意度 | 权重 10 | % | ≥ | 95' },
  },
  visitProjects(context) {
    return (project, table) => {
      const pairs: Indicator[] = [];
      for (const indicator of project.indicators) {
        const number = indicator.weight && factsOf(indicator).value.number;
        if (!number) continue;
        // One value that differs from its weight clears the project (most do at the first indicator).
        if (!number.equals(indicator.weight!.value)) return;
        pairs.push(indicator);
      }
      if (pairs.length < MIN_INDICATORS || pairs.length < project.indicators.length / 2) return;
      const first = pairs[0]!;
      context.report({
        messageId: 'copied',
        data: { project: projectName(project), count: pairs.length },
        at: first.value ?? first.weight!,
        related: pairs.slice(1).map((i) => i.value ?? i.weight!),
        tableId: table.id,
      });
    };
  },
});
