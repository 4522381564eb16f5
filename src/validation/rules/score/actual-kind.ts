import { cellText, indicatorName } from '../../indicator-facts';
import {
  actualGrade,
  actualValue,
  isQualitativeTarget,
  isQuantitativeTarget,
  sameUnit,
  selfEvaluationTables,
} from '../shared/self-evaluation';
import { factsOf } from '../../indicator-facts';
import { defineRule } from '../types';

export const actualKindRule = defineRule({
  id: 'score/actual-kind',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '实际完成值与目标不同类', 'en-US': 'Result not of the target’s kind' },
    description: {
      'zh-CN':
        '实际完成值与指标值同类：定量指标填数值（单位与指标值相同），定性指标填等级或文字；评了分的指标须填写实际完成值。',
      'en-US':
        'The result is of the same kind as the target: a number in the target’s unit for a quantitative one, a grade or words for a qualitative one; a scored indicator needs its result.',
    },
    why: {
      'zh-CN':
        '“≥90%”的目标填“达成预期指标”，或“≥2000人”填“2.1万户”，都无法判断是否完成；一体化系统要求实际完成值与指标值同类。',
      'en-US':
        'A target "≥90%" answered "达成预期指标", or "≥2000人" answered in 户, cannot be judged; the budget systems require a result of the target’s kind.',
    },
    messages: {
      'not-number': {
        'zh-CN': '“{name}”是定量指标（{target}），实际完成值“{actual}”不是数值',
        'en-US': '“{name}” is quantitative ({target}), but its result “{actual}” is not a number',
      },
      unit: {
        'zh-CN': '“{name}”的实际完成值“{actual}”与指标值“{target}”单位不同',
        'en-US': 'The result “{actual}” of “{name}” is in another unit than its target “{target}”',
      },
      'number-for-grade': {
        'zh-CN': '“{name}”是定性指标（{target}），实际完成值“{actual}”却是数值，应填写完成等级或情况',
        'en-US': '“{name}” is qualitative ({target}), but its result “{actual}” is a number: state the grade reached',
      },
      missing: {
        'zh-CN': '“{name}”已评分，但没有填写实际完成值',
        'en-US': '“{name}” is scored but has no result',
      },
    },
    examples: {
      fail: '公众满意度 | ≥90% | 实际完成值 达成预期指标',
      pass: '公众满意度 | ≥90% | 实际完成值 95%',
    },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表（年度指标值 / 实际完成值）；预算管理一体化系统的审核规则。',
      'en-US': '财预〔2020〕10号, annex (年度指标值 / 实际完成值); the review rules of the integrated budget systems.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      if (table.columns.actual === undefined) continue;
      for (const project of table.projects) {
        for (const indicator of project.indicators) {
          const at = indicator.actual ?? {
            sheet: table.sheet,
            row: indicator.row,
            col: table.columns.actual + indicator.shift,
          };
          const data = {
            name: indicatorName(indicator),
            target: cellText(indicator.value),
            actual: cellText(indicator.actual),
          };
          const report = (messageId: string): void => {
            context.report({ messageId, data, at, tableId: table.id });
          };
          if (!indicator.actual) {
            if (indicator.score && indicator.level3) report('missing');
            continue;
          }
          const actual = actualValue(indicator)!;
          if (isQuantitativeTarget(indicator)) {
            if (actual.kind === 'quantitative' && actual.number !== undefined) {
              if (!sameUnit(factsOf(indicator).value.unit, actual.ownUnit)) report('unit');
            } else if (actual.kind !== 'range' && actual.kind !== 'date' && actual.kind !== 'reference') {
              report('not-number');
            }
          } else if (
            isQualitativeTarget(indicator) &&
            actual.kind === 'quantitative' &&
            actualGrade(indicator) === undefined
          ) {
            report('number-for-grade');
          }
        }
      }
    }
  },
});
