import { plain } from '../../messages';
import { indicatorName } from '../../indicator-facts';
import { projectName } from '../shared/names';
import { selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const overPointsRule = defineRule({
  id: 'score/over-points',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '得分超过分值', 'en-US': 'Score above its points' },
    description: {
      'zh-CN': '绩效自评表中每项得分不超过其分值，也不为负数；预算执行的得分不超过其分值。',
      'en-US':
        'In a self-evaluation table every score lies between 0 and its points; so does the score of the budget execution line.',
    },
    why: {
      'zh-CN': '得分超过分值（“分值 8，得分 10”）会抬高总分和评价等级，审核时一眼可见，必须改正。',
      'en-US': 'A score above its points ("分值 8, 得分 10") inflates the total and the grade; reviewers send it back.',
    },
    messages: {
      over: {
        'zh-CN': '“{name}”的得分 {score} 超过其分值 {points}',
        'en-US': 'The score {score} of “{name}” exceeds its points {points}',
      },
      negative: {
        'zh-CN': '“{name}”的得分 {score} 为负数',
        'en-US': 'The score {score} of “{name}” is negative',
      },
      'execution-over': {
        'zh-CN': '“{project}”预算执行的得分 {score} 超过其分值 {points}',
        'en-US': 'The budget execution score {score} of “{project}” exceeds its points {points}',
      },
    },
    examples: { fail: '受益人口 | 分值 10 | 得分 12', pass: '受益人口 | 分值 10 | 得分 10' },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表：各项指标得分不得超过该指标分值。',
      'en-US': '财预〔2020〕10号, annex (project self-evaluation table): no indicator scores above its points.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      for (const project of table.projects) {
        for (const indicator of project.indicators) {
          const { score, weight } = indicator;
          if (!score) continue;
          const name = indicatorName(indicator);
          if (score.value.isNegative()) {
            context.report({ messageId: 'negative', data: { name, score: plain(score.value) }, at: score });
          } else if (weight && score.value.gt(weight.value)) {
            context.report({
              messageId: 'over',
              data: { name, score: plain(score.value), points: plain(weight.value) },
              at: score,
              related: [weight],
              tableId: table.id,
            });
          }
        }
        const execution = project.execution;
        if (execution?.score && execution.points && execution.score.value.gt(execution.points.value)) {
          context.report({
            messageId: 'execution-over',
            data: {
              project: projectName(project),
              score: plain(execution.score.value),
              points: plain(execution.points.value),
            },
            at: execution.score,
            related: [execution.points],
            tableId: table.id,
          });
        }
      }
    }
  },
});
