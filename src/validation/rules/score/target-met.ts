import { cellText, indicatorName } from '../../indicator-facts';
import { plain } from '../../messages';
import { quantitativeOutcome, selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const targetMetRule = defineRule({
  id: 'score/target-met',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '达标与得分不符', 'en-US': 'Score does not match the result' },
    description: {
      'zh-CN': '定量指标的实际完成值按指标值的符号（≥、≤、=）达到目标的，应得满分；未达到目标的，得分应低于分值。',
      'en-US':
        'A quantitative indicator whose result meets its target (by ≥, ≤ or =) earns its full points; one that misses it earns less.',
    },
    why: {
      'zh-CN': '“完成 100%、只得 8 分”或“未完成、却得满分”说明得分是随手填的，自评结果不可信。',
      'en-US':
        'A met target with less than full points, or a missed one with full points, shows scores typed at random.',
    },
    messages: {
      'met-not-full': {
        'zh-CN': '“{name}”实际完成值 {actual} 已达到指标值 {target}，得分 {score} 应为满分 {points}',
        'en-US': '“{name}” met its target {target} with {actual}; its score {score} should be the full {points}',
      },
      'unmet-full': {
        'zh-CN': '“{name}”实际完成值 {actual} 未达到指标值 {target}，却得满分 {points}',
        'en-US': '“{name}” missed its target {target} with {actual}, yet scores the full {points}',
      },
    },
    examples: {
      fail: '受益人口 | ≥2000人 | 实际 1800人 | 分值 10 | 得分 10',
      pass: '受益人口 | ≥2000人 | 实际 1800人 | 分值 10 | 得分 9',
    },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表：完成指标值的记满分，未完成的按完成比例计分。',
      'en-US': '财预〔2020〕10号, annex: a target met scores full points; one not met scores in proportion.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      for (const project of table.projects) {
        for (const indicator of project.indicators) {
          const { score, weight } = indicator;
          if (!score || !weight) continue;
          const outcome = quantitativeOutcome(indicator);
          if (outcome === undefined) continue;
          if (outcome === 'met' ? score.value.gte(weight.value) : score.value.lt(weight.value)) continue;
          context.report({
            messageId: outcome === 'met' ? 'met-not-full' : 'unmet-full',
            data: {
              name: indicatorName(indicator),
              actual: cellText(indicator.actual),
              target: cellText(indicator.value),
              score: plain(score.value),
              points: plain(weight.value),
            },
            at: score,
            related: [indicator.actual!, ...(indicator.value ? [indicator.value] : [])],
            tableId: table.id,
          });
        }
      }
    }
  },
});
