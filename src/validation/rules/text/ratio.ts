import { comparePercent, ratioPercent } from '../../text/checks';
import { baseOf, readWorkbookText } from '../../text';
import { defineRule } from '../types';
import {
  cellsOf,
  inUnitOf,
  maxDecimals,
  nameOf,
  percentText,
  quote,
  TEXT_ROUNDING,
  written,
} from '../shared/statement-report';

export const textRatioRule = defineRule({
  id: 'text/ratio',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '文字中的完成率算错', 'en-US': 'Completion rate in the text is wrong' },
    description: {
      'zh-CN': '说明文字中“完成 B 的 p%”（预算完成率、执行率）与文中所写的金额不符。',
      'en-US':
        'A completion or execution rate in the text ("完成年初预算的 p%") disagrees with the amounts the text gives.',
    },
    why: {
      'zh-CN': '执行率是绩效自评的核心数字；把差额写成比率（“完成年初预算的 18.35%”而 18.35 是差额）等笔误很常见。',
      'en-US':
        'The execution rate is the key figure of a self-evaluation; writing the difference as the rate is a common slip.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{sentence}”：{name} {amount} ÷ {baseName} {base} = {computed}，文中写的是 {written}',
        'en-US': '“{sentence}”: {name} {amount} ÷ {baseName} {base} = {computed}, but the text says {written}',
      },
    },
    examples: {
      fail: '年初预算数 90 万元。全年执行 89.97 万元，完成年初预算的 18.35%',
      pass: '年初预算数 90 万元。全年执行 89.97 万元，完成年初预算的 99.97%',
    },
    basis: {
      'zh-CN': '项目支出绩效自评：执行率 = 全年执行数 ÷ 全年预算数（财预〔2020〕10号）。',
      'en-US': 'Project self-evaluation: execution rate = executed ÷ budget (财预〔2020〕10号).',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const statement of document.statements) {
        if (statement.kind !== 'ratio') continue;
        const base = baseOf(statement, document);
        if (typeof base === 'string') continue;
        const ratio = ratioPercent(statement.subject.quantity, { base: base.amount, quantities: base.quantities });
        if (!ratio) continue;
        const check = comparePercent(statement.percent, ratio.computed, ratio.range);
        if (check.outcome === 'equal') continue;
        const at = statement.source.cell;
        context.report({
          messageId: check.outcome === 'rounding' ? 'share' : 'mismatch',
          kind: check.outcome === 'rounding' ? TEXT_ROUNDING : undefined,
          data: {
            sentence: quote(statement.sentence),
            name: nameOf(statement.subject),
            amount: written(statement.subject.quantity),
            baseName: statement.baseName,
            base: inUnitOf(base.amount, base.mentions[0]!.quantity, maxDecimals(base.quantities)),
            computed: percentText(ratio.computed, statement.percent.decimals),
            written: statement.percent.text.replace(/\s+/g, ''),
          },
          at,
          related: cellsOf(at, [statement.subject, ...base.mentions]),
          tableId: statement.source.tableId,
        });
      }
    }
  },
});
