import Decimal from 'decimal.js';
import { plain } from '../../messages';
import { projectName } from '../shared/names';
import { printedEquals, selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const executionScoreRule = defineRule({
  id: 'score/execution-score',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '执行率得分算错', 'en-US': 'Execution score is wrong' },
    description: {
      'zh-CN': '绩效自评表预算执行的得分 = 执行率 × 分值，执行率超过 100% 时按 100% 计（得分不超过分值）。',
      'en-US':
        'The budget execution score of a self-evaluation table is rate × points, the rate counted at most 100 %.',
    },
    why: {
      'zh-CN': '预算执行得分是自评总分的一部分；执行率 95% 却得满分 10 分会抬高评价等级。',
      'en-US': 'The execution score is part of the total; full points for a rate of 95 % inflate the grade.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{project}”预算执行得分为 {score}，按执行率 {rate}% × 分值 {points} 应为 {expected}',
        'en-US':
          'The budget execution score of “{project}” is {score}; rate {rate} % × {points} points gives {expected}',
      },
    },
    examples: { fail: '分值 10 | 执行率 80% | 得分 10', pass: '分值 10 | 执行率 80% | 得分 8' },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表：预算执行率得分 = 执行率 × 该指标分值，最高不超过分值。',
      'en-US': '财预〔2020〕10号, annex: the execution score = rate × its points, at most the points.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      for (const project of table.projects) {
        const { points, rate, score, budget, executed } = project.execution ?? {};
        if (!points || !rate || !score) continue;
        // To the score's own decimals, one at least: 10 for 9.5 is no rounding of a score.
        const decimals = Math.max(score.value.decimalPlaces(), 1);
        // From the rate as printed, and from the amounts where the form gives them: a form computes either.
        const rates = [rate.value.dividedBy(HUNDRED)];
        if (budget && executed && !budget.value.isZero()) rates.push(executed.value.dividedBy(budget.value));
        const expected = rates.map((r) => Decimal.min(r, ONE).times(points.value));
        if (expected.some((e) => printedEquals(score.value, e, decimals))) continue;
        context.report({
          messageId: 'mismatch',
          data: {
            project: projectName(project),
            score: plain(score.value),
            rate: plain(rate.value),
            points: plain(points.value),
            expected: expected[0]!.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toString(),
          },
          at: score,
          related: [rate, points],
          tableId: table.id,
        });
      }
    }
  },
});

const HUNDRED = new Decimal(100);
const ONE = new Decimal(1);
