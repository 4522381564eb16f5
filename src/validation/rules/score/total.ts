import { sumOf } from '../../decimal';
import { weightSum } from '../../indicator-facts';
import { plain } from '../../messages';
import type { CellPos } from '../../model';
import { projectName } from '../shared/names';
import { selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const scoreTotalRule = defineRule({
  id: 'score/total',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '总分不等于各项得分之和', 'en-US': 'Total ≠ sum of the scores' },
    description: {
      'zh-CN':
        '绩效自评表总分行的得分等于各项指标得分之和（总分含预算执行得分时，加上预算执行得分）。分值合计另由 weight/sum 核对。',
      'en-US':
        "The score of a self-evaluation table's 总分 row equals the sum of the indicators' scores (plus the budget execution score when the 总分 counts it). The points total is checked by weight/sum.",
    },
    why: {
      'zh-CN': '总分决定评价等级（优 ≥ 90、良 80–90、中 60–80、差 < 60），加错一项就可能改变等级。',
      'en-US': 'The total decides the grade (优 ≥ 90, 良 80–90, 中 60–80, 差 < 60): one slip can change it.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{project}”总分行得分为 {declared}，但各项得分之和为 {actual}',
        'en-US': 'The 总分 row of “{project}” says {declared}, but the scores add up to {actual}',
      },
    },
    examples: {
      fail: '得分 30 + 20 + 28 + 10 = 88，预算执行得分 9.5，总分写 99.5',
      pass: '得分 30 + 20 + 28 + 10 = 88，预算执行得分 9.5，总分写 97.5',
    },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表：总分 = 预算执行得分 + 各项指标得分。',
      'en-US': '财预〔2020〕10号, annex: total = budget execution score + the indicator scores.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      for (const project of table.projects) {
        const total = project.scoreTotal;
        if (!total) continue;
        // A score written as text cannot be added: nothing to compare.
        if (project.indicators.some((i) => i.scoreText)) continue;
        const scored = project.indicators.filter((i) => i.score);
        if (scored.length === 0) continue;
        const sum = sumOf(scored, (i) => i.score?.value);
        const execution = project.execution;
        const candidates = [sum];
        if (execution?.score) {
          const withExecution = sum.plus(execution.score.value);
          // The 总分 row's 分值 says which: Σ 分值 alone, or Σ 分值 + the 预算执行 points.
          const pointsTotal = project.weightTotal?.value;
          const pointsSum = weightSum(project.indicators);
          if (pointsTotal?.equals(pointsSum)) candidates.splice(0, 1, sum);
          else if (execution.points && pointsTotal?.equals(pointsSum.plus(execution.points.value)))
            candidates.splice(0, 1, withExecution);
          else candidates.push(withExecution);
        }
        if (candidates.some((c) => c.equals(total.value))) continue;
        const related: CellPos[] = scored.map((i) => i.score!);
        if (execution?.score) related.push(execution.score);
        context.report({
          messageId: 'mismatch',
          data: {
            project: projectName(project),
            declared: plain(total.value),
            actual: plain(candidates[candidates.length - 1]!),
          },
          at: total,
          related,
          tableId: table.id,
        });
      }
    }
  },
});
