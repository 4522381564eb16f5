import { checkParts } from '../../text/checks';
import { readWorkbookText } from '../../text';
import { defineRule } from '../types';
import { cellsOf, inUnitOf, maxDecimals, nameOf, quote, TEXT_ROUNDING, written } from '../shared/statement-report';

export const textPartsRule = defineRule({
  id: 'text/parts',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '文字中各项之和与总数不符', 'en-US': 'Parts in the text ≠ their total' },
    description: {
      'zh-CN': '说明文字中“合计/共 X，其中 A、B、C”所列各项之和与总数不符（超出总数，或构成完整时少于总数）。',
      'en-US':
        'The parts a text lists under a total ("共 X，其中 A、B、C") do not add up to it (more than the total, or less when the list is complete).',
    },
    why: {
      'zh-CN': '各项之和对不上总数，说明文字或数字有一处写错了；审核人员会逐项加总核对。',
      'en-US': 'When the parts do not make the total, a word or a figure is wrong; reviewers add them up.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{sentence}”：{name}为 {whole}，所列各项（{parts}）合计 {sum}，相差 {difference}',
        'en-US':
          '“{sentence}”: {name} is {whole}, but the parts listed ({parts}) add up to {sum}, a difference of {difference}',
      },
    },
    examples: {
      fail: '本项目共完成预算资金89.97万元。其中：30万元用于预算编制；30万元用于审计；29.99万元用于设计',
      pass: '“三公”经费预算为4432万元，其中：因公出国（境）费用39万元，公务接待费323万元，公务用车购置及运行维护费4070万元',
    },
    basis: {
      'zh-CN':
        '预算公开情况说明的数字须与报表及其自身一致（财预〔2016〕143号）；“三公”经费、政府采购等的构成见 domain §4、§7。',
      'en-US': 'Figures in a budget explanation must agree with themselves and the tables (财预〔2016〕143号).',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const statement of document.statements) {
        if (statement.kind !== 'parts') continue;
        const check = checkParts(statement);
        if (check.outcome === 'equal' || check.outcome === 'partial') continue;
        const { whole, parts } = statement;
        const quantities = [whole.quantity, ...parts.map((p) => p.quantity)];
        const decimals = maxDecimals(quantities);
        const data = {
          sentence: quote(statement.sentence),
          name: nameOf(whole),
          whole: written(whole.quantity),
          parts: parts.map((p) => written(p.quantity)).join(' + '),
          sum: inUnitOf(check.sum, whole.quantity, decimals),
          difference: inUnitOf(check.difference.abs(), whole.quantity, decimals),
          bound: inUnitOf(check.bound, whole.quantity, decimals),
        };
        const at = statement.source.cell;
        context.report({
          messageId: check.outcome === 'rounding' ? 'parts' : 'mismatch',
          kind: check.outcome === 'rounding' ? TEXT_ROUNDING : undefined,
          data,
          at,
          related: cellsOf(at, parts),
          tableId: statement.source.tableId,
        });
      }
    }
  },
});
