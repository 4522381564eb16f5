import { checkChange, checkStatedPrevious } from '../../text/checks';
import { readWorkbookText } from '../../text';
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

const VERB = {
  up: { 'zh-CN': '增加', 'en-US': 'up' },
  down: { 'zh-CN': '减少', 'en-US': 'down' },
} as const;
const RATE_VERB = {
  up: { 'zh-CN': '增长', 'en-US': 'a rise' },
  down: { 'zh-CN': '下降', 'en-US': 'a fall' },
} as const;

export const textChangeRule = defineRule({
  id: 'text/change',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '文字中的增减率算错', 'en-US': 'Change rate in the text is wrong' },
    description: {
      'zh-CN':
        '说明文字中“比上年增加/减少 Δ，增长/下降 r%”与本年金额不符：r 应为 Δ ÷ 上年数（上年数 = 本年数 ∓ Δ），按 r 的小数位核对；增减方向也须一致。',
      'en-US':
        'A change in the text ("比上年增加 Δ，增长 r%") disagrees with the current amount: r must be Δ ÷ last year (current ∓ Δ), to its written decimals, and go the same way as Δ.',
    },
    why: {
      'zh-CN': '增减率常被错算成 Δ ÷ 本年数，或沿用上年的说明；审核人员会用本年数和增减额反算。',
      'en-US':
        'Rates are often computed on this year instead of last, or copied from last year’s text; reviewers recompute them.',
    },
    messages: {
      rate: {
        'zh-CN':
          '“{sentence}”：{name} {current}，比上年{verb} {delta}，上年应为 {previous}，{rateVerb}率为 {computed}，文中写的是 {written}',
        'en-US':
          '“{sentence}”: {name} {current}, {verb} {delta} on last year, so last year was {previous}: {rateVerb} of {computed}, but the text says {written}',
      },
      previous: {
        'zh-CN': '“{sentence}”：上年 {previous} {sign} {delta} 应为 {expected}，文中本年写的是 {current}',
        'en-US':
          '“{sentence}”: last year’s {previous} {sign} {delta} makes {expected}, but the text gives this year as {current}',
      },
      direction: {
        'zh-CN': '“{sentence}”：金额比上年{verb} {delta}，文中的增减率却写成“{written}”',
        'en-US': '“{sentence}”: the amount is {verb} {delta} on last year, but the rate says “{written}”',
      },
    },
    examples: {
      fail: '项目支出 243.60 万元，比上年增加 12.40 万元，增长 5.10%（应为 12.40 ÷ 231.20 = 5.36%）',
      pass: '公务接待费支出预算 240 万元，比 2023 年预算减少 10 万元，下降 4%',
    },
    basis: {
      'zh-CN': '增减率 = 增减额 ÷ 上年数（domain §7，预算公开情况说明的通行口径）。',
      'en-US': 'Change rate = change ÷ last year’s amount (the usual basis of budget explanations).',
    },
  },
  check(context) {
    for (const document of readWorkbookText(context.model).documents) {
      for (const statement of document.statements) {
        if (statement.kind !== 'change') continue;
        const stated = checkStatedPrevious(statement);
        if (stated && stated.outcome !== 'equal') {
          const { subject, delta } = statement;
          const decimals = maxDecimals([subject.quantity, delta, stated.previous]);
          const rounding = stated.outcome === 'rounding';
          context.report({
            messageId: rounding ? 'previous-rounding' : 'previous',
            kind: rounding ? TEXT_ROUNDING : undefined,
            data: {
              sentence: quote(statement.sentence),
              previous: written(stated.previous),
              sign: statement.direction === 'up' ? '+' : '−',
              delta: written(delta),
              expected: inUnitOf(stated.expected, subject.quantity, decimals),
              current: written(subject.quantity),
            },
            at: statement.source.cell,
            related: cellsOf(statement.source.cell, [subject]),
            tableId: statement.source.tableId,
          });
          // The rate is then computed from a figure the text itself contradicts: not checked on top.
          continue;
        }
        if (!statement.rate) continue;
        const check = checkChange(statement);
        if (!check || check.outcome === 'equal') continue;
        const { subject, delta, rate } = statement;
        const decimals = maxDecimals([subject.quantity, delta]);
        const data = {
          sentence: quote(statement.sentence),
          name: nameOf(subject),
          current: written(subject.quantity),
          delta: written(delta),
          verb: VERB[statement.direction],
          rateVerb: RATE_VERB[statement.direction],
          previous: inUnitOf(check.previous, subject.quantity, decimals),
          computed: percentText(check.computed, rate.decimals),
          written: `${RATE_VERB[statement.rateDirection ?? statement.direction]['zh-CN']} ${rate.text.replace(/\s+/g, '')}`,
        };
        const at = statement.source.cell;
        const rounding = check.outcome === 'rounding';
        context.report({
          messageId: rounding ? 'change' : check.outcome === 'direction' ? 'direction' : 'rate',
          kind: rounding ? TEXT_ROUNDING : undefined,
          data,
          at,
          related: cellsOf(at, [subject]),
          tableId: statement.source.tableId,
        });
      }
    }
  },
});
