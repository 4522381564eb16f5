import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { directionOf } from '../../vocabulary';
import { defineRule } from '../types';

export const inconsistentDirectionRule = defineRule({
  id: 'direction/inconsistent',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '指标方向与符号矛盾', 'en-US': 'Direction contradicts the comparator' },
    description: {
      'zh-CN':
        '方向与符号一致：正向（越大越好）指标用“≥”，反向（越小越好）用“≤”；满意度、合格率等越高越好的比率不用“≤”；指标性质列与指标值中的符号不矛盾。',
      'en-US':
        'Direction and comparator agree: 正向 (higher is better) takes "≥", 反向 takes "≤"; rates where more is better (满意度, 合格率 …) do not take "≤"; the comparator column and the value do not contradict each other.',
    },
    why: {
      'zh-CN': '方向与符号相反时，评分系统会按错误的方向计分。',
      'en-US': 'When direction and comparator disagree, the scoring system scores in the wrong direction.',
    },
    messages: {
      conflict: {
        'zh-CN': '“{name}”的指标性质为“{column}”，指标值中却写着“{value}”',
        'en-US': 'The comparator of “{name}” is “{column}” but its value says “{value}”',
      },
      'positive-rate': {
        'zh-CN': '“{name}”越高越好，却使用了“{comparator}”，应为“≥”',
        'en-US': '“{name}” is better when higher but uses “{comparator}”: use “≥”',
      },
      inconsistent: {
        'zh-CN': '“{name}”标为“{direction}”，但比较符号是“{comparator}”',
        'en-US': '“{name}” is marked “{direction}” but its comparator is “{comparator}”',
      },
    },
    examples: { fail: '故障响应时间 | ≤ | 2 | 小时 | 正向指标', pass: '故障响应时间 | ≤ | 2 | 小时 | 反向指标' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { comparator, comparatorConflict } = facts.value;
      if (comparatorConflict) {
        context.report({
          messageId: 'conflict',
          data: { name: indicatorName(indicator), column: comparatorConflict.column, value: comparatorConflict.value },
          at: indicator.comparator ?? valueCell(indicator, table),
          related: indicator.value ? [indicator.value] : [],
        });
        return;
      }
      if (!comparator) return;
      const direction = indicator.direction ? directionOf(indicator.direction.text) : undefined;
      const positive = direction === 'positive';
      const negative = direction === 'negative';
      const lessThan = comparator === '≤' || comparator === '<';
      const greaterThan = comparator === '≥' || comparator === '>';
      if ((positive && lessThan) || (negative && greaterThan)) {
        context.report({
          messageId: 'inconsistent',
          data: { name: indicatorName(indicator), direction: cellText(indicator.direction), comparator },
          at: indicator.direction!,
          related: [indicator.comparator ?? valueCell(indicator, table)],
        });
      } else if (
        lessThan &&
        !negative &&
        POSITIVE_RATE.test(facts.name) &&
        !NEGATED.test(facts.name) &&
        !facts.isGrowth
      ) {
        context.report({
          messageId: 'positive-rate',
          data: { name: indicatorName(indicator), comparator },
          at: indicator.comparator ?? valueCell(indicator, table),
        });
      }
    };
  },
});

/** "不满意率", "未按时办结率": the rate of a failure, where less is better. */
const NEGATED = /不|未|差错|投诉|事故|违规|逾期|超期|失误/;

/** Rates where more is better: a ceiling ("满意度 ≤ 90%") is the wrong way round. */
const POSITIVE_RATE =
  /(满意度|满意率|合格率|达标率|覆盖率|完成率|到位率|及时率|办结率|知晓率|好评率|正确率|准确率|使用率|利用率|普及率|入学率|参保率|完好率)$/;
