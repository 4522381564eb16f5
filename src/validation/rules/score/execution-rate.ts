import Decimal from 'decimal.js';
import { plain } from '../../messages';
import { projectName } from '../shared/names';
import { printedEquals, selfEvaluationTables } from '../shared/self-evaluation';
import { defineRule } from '../types';

export const executionRateRule = defineRule({
  id: 'score/execution-rate',
  defaultSeverity: 'error',
  meta: {
    name: { 'zh-CN': '预算执行率算错', 'en-US': 'Budget execution rate is wrong' },
    description: {
      'zh-CN': '绩效自评表预算执行的执行率 = 全年执行数 ÷ 全年预算数，按表中显示的小数位数取舍后一致。',
      'en-US':
        'The execution rate of a self-evaluation table equals 全年执行数 ÷ 全年预算数, to the decimals it is printed with.',
    },
    why: {
      'zh-CN': '执行率决定预算执行的得分，也是财政局最先看的数字；手填的执行率常与金额对不上。',
      'en-US':
        'The rate decides the budget execution score and is the first figure a reviewer reads; typed-in rates often disagree with the amounts.',
    },
    messages: {
      mismatch: {
        'zh-CN': '“{project}”的执行率为 {rate}%，但全年执行数 {executed} ÷ 全年预算数 {budget} = {computed}%',
        'en-US': 'The execution rate of “{project}” is {rate} %, but {executed} ÷ {budget} = {computed} %',
      },
    },
    examples: {
      fail: '全年预算数 40 | 全年执行数 38 | 执行率 98%',
      pass: '全年预算数 40 | 全年执行数 38 | 执行率 95%',
    },
    basis: {
      'zh-CN': '财预〔2020〕10号 附件 项目支出绩效自评表：执行率 = 全年执行数 ÷ 全年预算数。',
      'en-US': '财预〔2020〕10号, annex: execution rate = 全年执行数 ÷ 全年预算数.',
    },
  },
  check(context) {
    for (const table of selfEvaluationTables(context.model.tables)) {
      for (const project of table.projects) {
        const execution = project.execution;
        const { budget, executed, rate } = execution ?? {};
        if (!budget || !executed || !rate || budget.value.isZero()) continue;
        const computed = executed.value.dividedBy(budget.value).times(HUNDRED);
        if (printedEquals(rate.value, computed, rate.decimals)) continue;
        context.report({
          messageId: 'mismatch',
          data: {
            project: projectName(project),
            rate: plain(rate.value),
            executed: plain(executed.value),
            budget: plain(budget.value),
            computed: computed.toDecimalPlaces(Math.max(rate.decimals, 2), Decimal.ROUND_HALF_UP).toString(),
          },
          at: rate,
          related: [executed, budget],
          tableId: table.id,
        });
      }
    }
  },
});

const HUNDRED = new Decimal(100);
