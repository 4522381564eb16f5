import { cellText, indicatorName } from '../../indicator-facts';
import { plain } from '../../messages';
import { GRADE_BANDS, actualGrade, isQualitativeTarget, selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const gradeBandRule = defineRule({
  id: 'score/grade-band',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '等级与得分不符', 'en-US': 'Grade does not match the score' },
    description: {
      'zh-CN': '定性指标按完成等级计分：达成（或与指标值相同）得分值的 80%–100%，部分达成 60%–80%，未达成 0–60%。',
      'en-US':
        'A qualitative indicator scores by its grade: 达成 (or the target itself) 80–100 % of its points, 部分达成 60–80 %, 未达成 0–60 %.',
    },
    why: {
      'zh-CN': '写“未达成”却得满分，或“达成”只得一半分，说明等级与得分不符，自评结果会被退回。',
      'en-US': 'A "未达成" with full points, or a "达成" with half, is a grade and a score that disagree.',
    },
    messages: {
      band: {
        'zh-CN': '“{name}”的完成情况为“{actual}”（{grade}），得分 {score} 不在分值 {points} 的 {low}–{high} 之间',
        'en-US':
          '“{name}” is “{actual}” ({grade}), but its score {score} is not within {low}–{high} of its {points} points',
      },
    },
    examples: {
      fail: '办公条件改善 | 显著 | 实际 未达成 | 分值 10 | 得分 10',
      pass: '办公条件改善 | 显著 | 实际 部分达成 | 分值 10 | 得分 7',
    },
    basis: {
      'zh-CN':
        '财预〔2020〕10号 附件 项目支出绩效自评表 填表说明：定性指标按达成、部分达成、未达成分别在 100%–80%、80%–60%、60%–0% 合理确定分值。',
      'en-US':
        '财预〔2020〕10号, annex notes: qualitative indicators score 100–80 %, 80–60 % or 60–0 % of their points as 达成, 部分达成 or 未达成.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      for (const project of table.projects) {
        for (const indicator of project.indicators) {
          const { score, weight } = indicator;
          if (!score || !weight || weight.value.isZero() || !isQualitativeTarget(indicator)) continue;
          const grade = actualGrade(indicator);
          if (!grade) continue;
          const band = GRADE_BANDS[grade];
          const low = band.low.times(weight.value);
          const high = band.high.times(weight.value);
          // Each band includes its lower bound; 达成 includes the full points.
          const inBand = score.value.gte(low) && (grade === 'met' ? score.value.lte(high) : score.value.lt(high));
          if (inBand) continue;
          context.report({
            messageId: 'band',
            data: {
              name: indicatorName(indicator),
              actual: cellText(indicator.actual),
              grade: band.label,
              score: plain(score.value),
              points: plain(weight.value),
              low: plain(low),
              high: plain(high),
            },
            at: score,
            related: [indicator.actual!],
            tableId: table.id,
          });
        }
      }
    }
  },
});
