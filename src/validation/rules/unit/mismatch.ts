import { cellText, factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const unitMismatchRule = defineRule({
  id: 'unit/mismatch',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '指标值单位与单位列不符', 'en-US': 'Value unit ≠ unit column' },
    description: {
      'zh-CN': '指标值自带的单位与计量单位列不一致（如指标值“28.8万元”、单位列“%”）。',
      'en-US': 'The unit written with the value differs from the unit column ("28.8万元" with unit "%").',
    },
    why: {
      'zh-CN': '两个单位互相矛盾，无法判断目标究竟是多少。',
      'en-US': 'Two units contradict each other: nobody can tell what the target is.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{name}”的指标值“{value}”带单位“{own}”，但计量单位列为“{column}”',
        'en-US': 'The value “{value}” of “{name}” carries the unit “{own}”, but the unit column says “{column}”',
      },
    },
    examples: { fail: '指标值 28.8万元 | 计量单位 %', pass: '指标值 28.8 | 计量单位 万元' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const { ownUnit, columnUnit } = factsOf(indicator).value;
      // "≥2次/年" with unit 次: the value states the unit more precisely.
      if (!ownUnit || !columnUnit || ownUnit === columnUnit || ownUnit.startsWith(`${columnUnit}/`)) return;
      // "万" written in the value with 万元 in the column, "万件" with "件": the same unit said twice.
      if (
        ownUnit.startsWith('万') &&
        (ownUnit === `万${columnUnit}` || ownUnit.slice(1) === columnUnit.replace(/^万/, ''))
      )
        return;
      context.report({
        messageId: 'mismatch',
        data: { name: indicatorName(indicator), value: cellText(indicator.value), own: ownUnit, column: columnUnit },
        at: valueCell(indicator, table),
        related: indicator.unit ? [indicator.unit] : [],
      });
    };
  },
});
