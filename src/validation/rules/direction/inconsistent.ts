import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { textKey } from '../../normalize';
import { forEachIndicator } from '../indicators';
import type { Rule } from '../types';

export const inconsistentDirectionRule: Rule = {
  id: 'direction/inconsistent',
  family: 'direction',
  defaultSeverity: 'warning',
  meta: {
    description: {
      'zh-CN': '指标方向性与比较符号一致：正向指标用“≥”，反向指标用“≤”。',
      'en-US': 'The stated direction agrees with the comparator: 正向 (higher is better) takes "≥", 反向 (lower is better) takes "≤".',
    },
    why: {
      'zh-CN': '方向与符号相反时，评分系统会按错误的方向计分。',
      'en-US': 'When direction and comparator disagree, the scoring system scores in the wrong direction.',
    },
    messages: {
      inconsistent: {
        'zh-CN': '“{name}”标为“{direction}”，但比较符号是“{comparator}”',
        'en-US': '“{name}” is marked “{direction}” but its comparator is “{comparator}”',
      },
    },
    examples: { fail: '故障响应时间 | ≤ | 2 | 小时 | 正向指标', pass: '故障响应时间 | ≤ | 2 | 小时 | 反向指标' },
  },
  check(context) {
    forEachIndicator(context, (indicator, _project, table) => {
      const direction = textKey(indicator.direction?.text ?? '');
      const { comparator } = factsOf(indicator).value;
      if (!comparator || direction === '') return;
      const positive = /^正向/.test(direction);
      const negative = /^反向/.test(direction);
      const wrong = (positive && (comparator === '≤' || comparator === '<')) || (negative && (comparator === '≥' || comparator === '>'));
      if (!wrong) return;
      context.report({
        messageId: 'inconsistent',
        data: { name: indicatorName(indicator), direction: cellText(indicator.direction), comparator },
        at: indicator.direction!,
        related: [indicator.comparator ?? valueCell(indicator, table)],
      });
    });
  },
};
