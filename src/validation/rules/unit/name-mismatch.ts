import { factsOf, indicatorName } from '../../indicator-facts';
import { defineRule } from '../types';

/** A count or measure written at the end of a 三级 name: "村组干部230人", "培训1200人次", "新建道路3.5公里". */
const NAMED_QUANTITY =
  /(\d+(?:\.\d+)?)(人次|人|名|个|户|次|项|家|所|台|辆|件|场|篇|条|套|处|公里|千米|米|平方米|亩|吨|册|本|份|天|小时)$/;

/** Units that name the same thing. */
const SAME_UNIT: readonly (readonly string[])[] = [
  ['人', '名'],
  ['公里', '千米'],
  ['本', '册'],
];

export const nameMismatchRule = defineRule({
  id: 'unit/name-mismatch',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '单位与指标名称不符', 'en-US': 'Unit differs from the one in the name' },
    description: {
      'zh-CN': '三级指标名称里写明了数量和单位（“村组干部230人”），指标值的数相同，单位却不同。',
      'en-US':
        'The 三级 name states a quantity with its unit ("村组干部230人") and the value has the same number in another unit.',
    },
    why: {
      'zh-CN': '名称与指标值单位不一致（230人 对 230个），考核时无法判断以哪个为准。',
      'en-US': 'With 230人 in the name and 230个 as the value, nobody knows which one is meant.',
    },
    messages: {
      differs: {
        'zh-CN': '“{name}”的名称写的是{named}，指标值的单位却是“{unit}”',
        'en-US': 'The name “{name}” says {named}, but the value is in “{unit}”',
      },
    },
    examples: { fail: '村组干部230人 | ≥ | 230 | 个', pass: '村组干部230人 | ≥ | 230 | 人' },
    basis: { 'zh-CN': '通行做法', 'en-US': 'common practice' },
  },
  visitIndicators(context) {
    return (indicator) => {
      if (!indicator.level3) return;
      const facts = factsOf(indicator);
      const match = NAMED_QUANTITY.exec(facts.name);
      const { number, unit } = facts.value;
      if (!match || number === undefined || unit === undefined || !number.equals(match[1]!)) return;
      const named = match[2]!;
      if (unit === named || SAME_UNIT.some((group) => group.includes(unit) && group.includes(named))) return;
      context.report({
        messageId: 'differs',
        data: { name: indicatorName(indicator), named: `${match[1]}${named}`, unit },
        at: indicator.unit ?? indicator.value ?? indicator.level3,
        related: [indicator.level3],
      });
    };
  },
});
