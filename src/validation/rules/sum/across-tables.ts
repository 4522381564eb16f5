import { compareTie, differenceText, disclosureTiePairs, figureText } from '../shared/cross-table';
import { SUM_ROUNDING } from '../shared/rounding';
import { defineRule, ruleOptions } from '../types';

export const acrossTablesRule = defineRule({
  id: 'sum/across-tables',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '表间数字不一致', 'en-US': 'Tables of the set disagree' },
    description: {
      'zh-CN':
        '预算公开表之间同一数字一致：一般公共预算支出表合计 = 财政拨款收支总表中一般公共预算的（本年）支出；一般公共预算基本支出表合计 = 一般公共预算支出表的基本支出；“三公”经费表的公务接待费、因公出国（境）费、公务用车运行维护费、购置费不少于基本支出表中经济分类 30217、30212、30231、31013 的金额（按经济分类列示全部一般公共预算支出的表则应相等）；“三公”经费表中的机关运行经费不超过基本支出表的公用经费。元与万元已换算。',
      'en-US':
        'Figures the disclosure tables share agree: the 一般公共预算 expenditure table’s total = the 一般公共预算 expenditure in the 财政拨款收支总表; the 基本支出 table’s total = the 基本支出 of the 一般公共预算 expenditure table; each 三公 part is at least its 经济分类 款 (30217, 30212, 30231, 31013) in the 基本支出 table (equal to it in a table of all 一般公共预算 spending by 经济分类); the 机关运行经费 of the 三公 table is at most the 公用经费 of the 基本支出 table. 元 and 万元 are converted.',
    },
    why: {
      'zh-CN': '公开表是同一套预算数的不同切面，表间对不上说明某张表漏改、漏列或取数口径错了，是公开检查的必查项。',
      'en-US':
        'The tables are views of one budget; when they disagree one was not updated or took the wrong figure, which disclosure reviews always check.',
    },
    messages: {
      mismatch: {
        'zh-CN': '{claim}为 {claimValue}，但{counterpart}为 {counterpartValue}，相差 {diff}',
        'en-US': '{claim} is {claimValue}, but {counterpart} is {counterpartValue} (difference {diff})',
      },
      'less-than-part': {
        'zh-CN': '{claim}为 {claimValue}，少于{counterpart} {counterpartValue}；后者只是前者的一部分，不应更大',
        'en-US': '{claim} is {claimValue}, less than {counterpart} ({counterpartValue}), which is only a part of it',
      },
    },
    examples: {
      fail: '一般公共预算支出表合计 500.75 万元，财政拨款收支总表中一般公共预算支出 490.75 万元',
      pass: '“三公”经费表公务接待费 0.95 万元 = 基本支出表 30217 公务接待费 9,500 元',
    },
    basis: {
      'zh-CN':
        '财预〔2016〕143号 部门预算公开表样及说明：各表数据口径一致、相互衔接；支出经济分类科目（30212、30217、30231、31013）对应“三公”经费。',
      'en-US':
        '财预〔2016〕143号 and its table specimens: the tables are consistent with one another; the 经济分类 款 30212, 30217, 30231 and 31013 are the 三公 expenses.',
    },
    options: ruleOptions('tolerance'),
  },
  check(context) {
    for (const pair of disclosureTiePairs(context.model)) {
      const outcome = compareTie(pair, context.options.tolerance);
      if (outcome === 'equal' || outcome === 'tenThousand') continue; // unit/wan-yuan reports the latter
      const { claim, counterpart, tie } = pair;
      const data = {
        claim: tie.claim.name,
        counterpart: tie.counterpart.name,
        claimValue: figureText(claim),
        counterpartValue: figureText(counterpart),
        diff: differenceText(pair),
      };
      if (outcome === 'rounding') {
        context.report({
          messageId: 'rounding',
          kind: SUM_ROUNDING,
          data: {
            subject: tie.claim.name,
            parts: tie.counterpart.name,
            total: data.claimValue,
            sum: data.counterpartValue,
            diff: data.diff,
            bound: figureText({ ...claim, value: claim.step.div(claim.unit === '万元' ? 10000 : 1) }),
          },
          at: claim.at,
          related: [counterpart.at],
          tableId: claim.table.id,
        });
        continue;
      }
      context.report({
        messageId: tie.relation === 'covers' ? 'less-than-part' : 'mismatch',
        data,
        at: claim.at,
        related: [counterpart.at],
        tableId: claim.table.id,
      });
    }
  },
});
