import Decimal from 'decimal.js';
import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import type { Rule } from '../types';

/** Serial numbers of the days 2000-01-01 … 2099-12-31 in Excel's 1900 date system. */
const FIRST_SERIAL = new Decimal(36526);
const LAST_SERIAL = new Decimal(73050);
const EPOCH_MS = Date.UTC(1899, 11, 30);

export const dateSerialRule: Rule = {
  id: 'value/date-serial',
  family: 'value',
  defaultSeverity: 'warning',
  meta: {
    description: {
      'zh-CN': '时效指标的指标值若是日期的序列号（如 44561，即 2021-12-31），应写成日期。',
      'en-US':
        'A timeliness target that is the serial number of a date (44561 is 2021-12-31) should be written as a date.',
    },
    why: {
      'zh-CN': '日期被导出或复制成数字后，表上只剩“44561”，审核人与填报人都看不出期限。',
      'en-US': 'A date exported or pasted as a number shows as “44561”: nobody can read the deadline.',
    },
    messages: {
      serial: {
        'zh-CN': '“{name}”的指标值 {value} 像是日期 {date} 的序列号，应写成日期（如“{date}前”）',
        'en-US':
          'The value {value} of “{name}” looks like the serial number of the date {date}: write the date (e.g. “by {date}”)',
      },
    },
    examples: { fail: '项目财政资金到位时间 | 44561', pass: '项目财政资金到位时间 | 2021年12月31日前' },
    basis: { 'zh-CN': '通行做法', 'en-US': 'common practice' },
  },
  visitIndicators(context) {
    return (indicator, _project, table) => {
      const facts = factsOf(indicator);
      const { kind, number, ownUnit, columnUnit } = facts.value;
      if (!facts.isTimeliness || kind !== 'quantitative' || number === undefined) return;
      if (!number.isInteger() || number.lt(FIRST_SERIAL) || number.gt(LAST_SERIAL)) return;
      // A written unit (天, 个工作日, 小时) makes it a duration, not a date.
      if (ownUnit !== undefined || (columnUnit !== undefined && !/^\d+$/.test(columnUnit))) return;
      const date = new Date(EPOCH_MS + number.toNumber() * 86_400_000).toISOString().slice(0, 10);
      context.report({
        messageId: 'serial',
        data: { name: indicatorName(indicator), value: number.toString(), date },
        at: valueCell(indicator, table),
      });
    };
  },
};
