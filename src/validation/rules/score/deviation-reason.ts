import { indicatorName } from '../../indicator-facts';
import { plain } from '../../messages';
import { selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const deviationReasonRule = defineRule({
  id: 'score/deviation-reason',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '扣分未说明偏差原因', 'en-US': 'Points lost without a reason' },
    description: {
      'zh-CN': '绩效自评表中得分低于分值（未完成目标）的指标，须在“偏差原因分析”栏说明原因及改进措施。',
      'en-US':
        'In a self-evaluation table, an indicator that scores below its points (a missed target) needs its deviation reason.',
    },
    why: {
      'zh-CN': '扣分而不写原因，自评就只是打分；财政局要求每项偏差都有原因分析和改进措施。',
      'en-US': 'A lost point with no reason is a score, not an evaluation; the 财政局 asks for a reason for each one.',
    },
    messages: {
      missing: {
        'zh-CN': '“{name}”得分 {score} 低于分值 {points}，但未填写偏差原因',
        'en-US': '“{name}” scores {score} of {points} points but gives no deviation reason',
      },
    },
    examples: {
      fail: '受益人口 | 分值 10 | 得分 9 | 偏差原因（空）',
      pass: '受益人口 | 分值 10 | 得分 9 | 偏差原因：部分农户外出务工，未纳入统计',
    },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表：“偏差原因分析及改进措施”栏；未完成目标须说明原因。',
      'en-US': '财预〔2020〕10号, annex: the deviation column; a missed target must be explained.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      const col = table.columns.deviation;
      if (col === undefined) continue;
      for (const project of table.projects) {
        for (const indicator of project.indicators) {
          const { score, weight } = indicator;
          if (!score || !weight || score.value.gte(weight.value) || indicator.deviation) continue;
          context.report({
            messageId: 'missing',
            data: { name: indicatorName(indicator), score: plain(score.value), points: plain(weight.value) },
            at: { sheet: table.sheet, row: indicator.row, col: col + indicator.shift },
            related: [score],
            tableId: table.id,
          });
        }
      }
    }
  },
});
