import { indicatorName } from '../../indicator-facts';
import { indicatorTexts, isInstruction } from '../shared/hygiene';
import { projectName } from '../shared/names';
import { defineRule } from '../types';

export const instructionRule = defineRule({
  id: 'value/instruction',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '填表说明未删除', 'en-US': 'Form instructions left in' },
    description: {
      'zh-CN': '表格自带的填表说明（“（填写…）”“请说明…”“按…填报”“示例：…”）留在了应填内容的单元格里。',
      'en-US':
        'The form’s own instructions ("（填写…）", "请说明…", "按…填报", "示例：…") are left in a cell where content belongs.',
    },
    why: {
      'zh-CN': '填表说明没有删除，说明该项实际上没有填写；审核时按未填处理。',
      'en-US': 'An instruction left in place means the cell was never filled in; reviewers treat it as blank.',
    },
    messages: {
      indicator: {
        'zh-CN': '“{name}”的{what}“{text}”是填表说明，请填写实际内容',
        'en-US': 'The {what} “{text}” of “{name}” is a filling instruction: write the real content',
      },
      target: {
        'zh-CN': '“{project}”的年度目标“{text}”是填表说明，请填写实际目标',
        'en-US': 'The annual target “{text}” of “{project}” is a filling instruction: write the real target',
      },
    },
    examples: { fail: '年度目标 | （填写本年度项目预期达到的产出和效果）', pass: '年度目标 | 完成5处饮水工程维修' },
    basis: {
      'zh-CN': '预算管理一体化系统绩效目标审核规则：不得保留模板说明文字（常见做法）。',
      'en-US': 'Review rules of the integrated budget systems: no template instructions left in (common practice).',
    },
  },
  visitIndicators(context) {
    return (indicator) => {
      for (const { cell, what } of indicatorTexts(indicator)) {
        if (!isInstruction(cell.text)) continue;
        context.report({
          messageId: 'indicator',
          data: { name: indicatorName(indicator), what, text: cell.raw.trim() },
          at: cell,
        });
      }
    };
  },
  visitProjects(context) {
    return (project) => {
      const target = project.yearTarget;
      if (!target || !isInstruction(target.text)) return;
      context.report({
        messageId: 'target',
        data: { project: projectName(project), text: target.raw.trim() },
        at: target,
      });
    };
  },
});
