import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { VAGUE_WORDS } from '../shared/hygiene';
import { defineRule } from '../types';

export const vagueTargetRule = defineRule({
  id: 'value/vague-target',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '目标含糊、没有数值', 'en-US': 'Vague target without a number' },
    description: {
      'zh-CN':
        '“提高”“明显”“显著”“进一步”等词没有数值，不是定量目标：写在有计量单位的指标或数量指标里时，应给出数值，或改为分级的定性目标。',
      'en-US':
        'Words such as 提高, 明显, 显著 or 进一步 with no number are no quantitative target: where a unit or a 数量指标 asks for a number, give one, or make it a graded qualitative target.',
    },
    why: {
      'zh-CN': '“有效提升 %”到年底无法判断是否完成，自评时只能凭感觉打分。',
      'en-US': 'An "有效提升 %" cannot be judged at year end; the self-evaluation becomes guesswork.',
    },
    messages: {
      vague: {
        'zh-CN': '“{name}”的指标值“{value}”只有描述，没有数值（{reason}），请写明数值或改为定性分级',
        'en-US':
          'The value “{value}” of “{name}” is words with no number ({reason}): give a number or a graded qualitative target',
      },
    },
    examples: { fail: '受益群众覆盖率 | 明显提高 | %', pass: '受益群众覆盖率 | ≥95 | %' },
    basis: {
      'zh-CN': '财预〔2021〕101号：定量指标值应可衡量、可考核；定性指标采用分级描述。',
      'en-US': '财预〔2021〕101号: quantitative targets are measurable; qualitative ones are graded.',
    },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { kind, declaredQualitative, declaredQuantitative, comparator, columnUnit } = facts.value;
      if (kind !== 'qualitative' || declaredQualitative || !VAGUE_WORDS.test(facts.value.text)) return;
      // 定量, a sign or a count with words for a value: value/incomplete says so.
      if (declaredQuantitative || comparator !== undefined || facts.isCount) return;
      const reason =
        columnUnit !== undefined
          ? { 'zh-CN': `计量单位为“${columnUnit}”`, 'en-US': `its unit is “${columnUnit}”` }
          : facts.level2 === 'quantity'
            ? { 'zh-CN': '数量指标', 'en-US': 'a quantity indicator' }
            : undefined;
      if (!reason) return;
      context.report({
        messageId: 'vague',
        data: { name: indicatorName(indicator), value: cellText(indicator.value), reason },
        at: valueCell(indicator, table),
      });
    };
  },
});
