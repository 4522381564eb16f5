import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

/** Names of a share of something: "…率" (not 频率, 功率, 效率 …), 满意度, 占比, 比例, 比重. */
const RATE_NAME = /(?<!频|功|速|倍|效|码|汇|利)率$|满意度$|占比$|比例$|比重$/;

/** Units a rate may be written in besides %: a satisfaction score (分), percentage points, times. */
const ALSO_RATE = /^(分|百分点|个百分点|倍)$/;

export const rateUnitRule = defineRule({
  id: 'unit/rate-unit',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '比率类指标单位不是 %', 'en-US': 'A rate not in %' },
    description: {
      'zh-CN':
        '比率类指标（合格率、覆盖率、及时率、满意度、占比 …）的单位应为 %；写成个、人、元、公里等数量或金额单位的，考核时无法判断。',
      'en-US':
        'A rate (合格率, 覆盖率, 及时率, 满意度, 占比 …) is in %; one given in a count, money or measure unit (个, 人, 元, 公里 …) cannot be assessed.',
    },
    why: {
      'zh-CN':
        '“验收合格率 ≥ 95 个”说不清是合格的个数还是比率：要么单位应为 %，要么指标应改为数量类指标（如“验收合格项目数”）。',
      'en-US':
        '"验收合格率 ≥ 95 个" does not say whether it is a count or a rate: the unit should be %, or the indicator a count ("验收合格项目数").',
    },
    messages: {
      unit: {
        'zh-CN': '“{name}”是比率类指标，单位却是“{unit}”，应为 %，或改为数量类指标',
        'en-US': '“{name}” is a rate, but its unit is “{unit}”: it should be %, or the indicator a count',
      },
    },
    examples: { fail: '项目验收合格率 | ≥ | 95 | 个', pass: '项目验收合格率 | ≥ | 95 | %' },
    basis: {
      'zh-CN':
        'domain §3：比率类指标（…率、满意度、覆盖率、合格率、达标率）以 % 计，取值 0–100；预算管理一体化系统的指标单位校验（常见做法）。',
      'en-US':
        'Rates (…率, 满意度, 覆盖率, 合格率, 达标率) are % in [0, 100]; the unit checks of the integrated budget systems (common practice).',
    },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { number, unit } = facts.value;
      if (number === undefined || unit === undefined || facts.isCost || !RATE_NAME.test(facts.name)) return;
      if (facts.isRate && (unit === '%' || unit === '‰')) return;
      if (ALSO_RATE.test(unit) || /%|‰/.test(unit)) return;
      context.report({
        messageId: 'unit',
        data: { name: indicatorName(indicator), unit },
        at: indicator.unit ?? valueCell(indicator, table),
      });
    };
  },
});
