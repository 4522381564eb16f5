import Decimal from 'decimal.js';
import { money } from '../../messages';
import type { TextCell } from '../../model';
import { targetLabel } from '../shared/names';
import { projectName } from '../shared/names';
import { defineRule } from '../types';

/** "投入9.2万元", "共70.34万元/年"; not "5万元/人/年" or "0.1万元/亩" (rates per unit). */
const AMOUNT =
  /(\d+(?:\.\d+)?)\s*万元(?!\s*\/\s*(?:人|个|户|次|平方米|件|台|辆|所|家|亩|公里|村|米|吨|头|只|座|套|项|场))/g;
/** "每村补助5万元", "按5万元/公里标准", "总投资500万元", "在上年投入50万元的基础上": not this year's budget. */
const NOT_THE_BUDGET =
  /(每[^，。；,;]{0,6}|按[^，。；,;]{0,6}|总投资|累计|上年|去年|往年|已投入|已完成)[^，。；,;]{0,6}$/;

export const amountTextRule = defineRule({
  id: 'text/amount',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '目标文字中的金额与预算不符', 'en-US': 'Amount in the target text ≠ budget' },
    description: {
      'zh-CN': '年度目标或项目概述中提到的金额（只有一个金额时）与项目预算不一致。',
      'en-US': 'The one amount quoted in a project’s target or overview text differs from the project’s budget.',
    },
    why: {
      'zh-CN': '文字与表格金额不一致，审核人员无法判断哪个是对的；通常是预算调整后没有改文字。',
      'en-US':
        'When text and table disagree the reviewer cannot tell which is right: usually the budget changed and the text did not.',
    },
    messages: {
      differs: {
        'zh-CN': '“{label}”中写的是 {quoted} 万元，但“{project}”的预算为 {budget} 万元',
        'en-US': '“{label}” quotes {quoted} 万元, but the budget of “{project}” is {budget} 万元',
      },
    },
    examples: {
      fail: '当年预算 49.24，年度目标：共70.34万元/年',
      pass: '预算数 9.20，年度目标：2023年预计投入9.2万元',
    },
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators') continue;
      for (const project of table.projects) {
        if (!project.budget || (project.budgetUnit ?? table.moneyUnit ?? '万元') !== '万元') continue;
        const texts: { cell: TextCell; label: string }[] =
          table.layout === 'form'
            ? table.formTexts.flatMap((t) => {
                const label = targetLabel(t);
                return label ? [{ cell: t.cell, label }] : [];
              })
            : project.yearTarget
              ? [{ cell: project.yearTarget, label: '年度目标' }]
              : [];
        for (const { cell, label } of texts) {
          const amounts = [
            ...new Set(
              [...cell.text.matchAll(AMOUNT)]
                .filter((m) => !NOT_THE_BUDGET.test(cell.text.slice(Math.max(0, m.index - 12), m.index)))
                .map((m) => new Decimal(m[1]!).toString()),
            ),
          ];
          if (amounts.length !== 1) continue;
          const quoted = new Decimal(amounts[0]!);
          if (quoted.equals(project.budget.value)) continue;
          context.report({
            messageId: 'differs',
            data: {
              label: label.replace(/\s+/g, ''),
              quoted: quoted.toString(),
              project: projectName(project),
              budget: money(project.budget.value),
            },
            at: cell,
            related: [project.budget],
            tableId: table.id,
          });
        }
      }
    }
  },
});
