import { factsOf, indicatorName, valueCell } from '../../indicator-facts';
import { defineRule } from '../types';

export const dateSerialRule = defineRule({
  id: 'value/date-serial',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '日期写成了序列号', 'en-US': 'Date shown as a serial number' },
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
      const date = facts.dateSerial;
      if (date === undefined) return;
      context.report({
        messageId: 'serial',
        data: { name: indicatorName(indicator), value: facts.value.number!.toString(), date },
        at: valueCell(indicator, table),
      });
    };
  },
});
