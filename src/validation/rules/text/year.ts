import { factsOf, indicatorName } from '../../indicator-facts';
import type { TextCell } from '../../model';
import { targetLabel } from '../shared/names';
import { textKey } from '../../normalize';
import { defineRule } from '../types';

/** Only this year's target is expected to speak of this year; long-term targets and overviews may look back. */
const YEAR_TARGET_LABEL = /^(年度|当年|本年度?|本年|年度绩效|当年绩效|当年整体绩效|整体绩效)?(绩效)?目标$/;
/** "较2022年增长", "2022年结转", "2021年启动的续建项目": an earlier year mentioned on purpose. */
const LOOKING_BACK = /(较|比|与|同)\s*$|^(度)?(结转|的基础|基础上|启动|续建|拖欠|尾款|以来|相比|同期|底|末)/;

export const yearRule = defineRule({
  id: 'text/year',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '文字中的年份有误', 'en-US': 'Wrong year in the text' },
    description: {
      'zh-CN':
        '表中文字的年份与表格年度不符：写错的年份（“20232年”），或 2023 年表格的目标写成“2022年…”（沿用了上年的表）。',
      'en-US':
        'A year in the table\'s text that disagrees with the table\'s year: a malformed year ("20232年"), or a 2023 target that says "2022年…" (last year\'s table reused).',
    },
    why: {
      'zh-CN': '年份错误是照抄上年表格最明显的痕迹，审核人员一眼就能看出。',
      'en-US': "A wrong year is the plainest sign of last year's table copied over; a reviewer sees it at once.",
    },
    messages: {
      malformed: {
        'zh-CN': '“{text}”中的“{year}”不是有效的年份，请改正',
        'en-US': '“{year}” in “{text}” is not a valid year',
      },
      deadline: {
        'zh-CN': '这是 {year} 年度的表格，“{name}”的完成时限“{text}”却早于本年度',
        'en-US': 'In a table for {year}, the deadline of “{name}” is “{text}”, before the year',
      },
      'other-year': {
        'zh-CN':
          '这是 {year} 年度的表格，“{label}”却写的是 {other}（“{text}”），疑似沿用了上年的内容，请改为本年度的目标',
        'en-US':
          'This table is for {year}, but “{label}” speaks of {other} (“{text}”): last year’s text reused? Write this year’s target',
      },
    },
    examples: {
      fail: '2023年项目绩效目标表，年度目标：2022年乡镇政务服务管理',
      pass: '年度目标：2023年乡镇政务服务管理',
    },
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators') continue;
      const texts: { cell: TextCell; label: string }[] = table.formTexts.map((t) => ({
        cell: t.cell,
        label: targetLabel(t) ?? t.left,
      }));
      if (table.columns.target !== undefined) {
        for (const project of table.projects)
          if (project.yearTarget) texts.push({ cell: project.yearTarget, label: '年度目标' });
      }
      if (table.year !== undefined) {
        for (const project of table.projects) {
          for (const indicator of project.indicators) {
            if (!indicator.value || factsOf(indicator).value.kind !== 'date') continue;
            const deadline = /(\d{4})\s*[年.\-/]/.exec(indicator.value.text);
            if (!deadline || Number(deadline[1]) >= table.year || Number(deadline[1]) < table.year - 10) continue;
            context.report({
              messageId: 'deadline',
              data: { year: table.year, name: indicatorName(indicator), text: indicator.value.text },
              at: indicator.value,
              tableId: table.id,
            });
          }
        }
      }
      for (const { cell, label } of texts) {
        const short = cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text;
        const malformed = /(?<![\d.])(\d{5,})年/.exec(cell.text);
        if (malformed) {
          context.report({
            messageId: 'malformed',
            data: { text: short, year: `${malformed[1]}年` },
            at: cell,
            tableId: table.id,
          });
          continue;
        }
        if (table.year === undefined || !YEAR_TARGET_LABEL.test(textKey(label))) continue;
        const mentions = [...cell.text.matchAll(/(?<![\d.])(\d{4})\s*年/g)].map((m) => ({
          year: Number(m[1]),
          before: cell.text.slice(Math.max(0, m.index - 3), m.index),
          after: cell.text.slice(m.index + m[0].length, m.index + m[0].length + 4),
        }));
        const years = mentions.map((m) => m.year);
        // A range that covers this year ("2022年至2024年") speaks of this year too.
        const coversYear = /(\d{4})\s*年?\s*(至|到|—|-|~)\s*(\d{4})/.exec(cell.text);
        if (coversYear && Number(coversYear[1]) <= table.year && Number(coversYear[3]) >= table.year) continue;
        // Earlier years in this year's target, and no mention of the table's own year: last year's text.
        const earlier = mentions.filter(
          (m) =>
            m.year < table.year! &&
            m.year > table.year! - 10 &&
            !LOOKING_BACK.test(m.before) &&
            !LOOKING_BACK.test(m.after),
        );
        if (earlier.length === 0 || years.includes(table.year)) continue;
        context.report({
          messageId: 'other-year',
          data: {
            year: table.year,
            label: label.replace(/\s+/g, ''),
            text: short,
            other: { 'zh-CN': `${earlier[0]!.year} 年`, 'en-US': String(earlier[0]!.year) },
          },
          at: cell,
          tableId: table.id,
        });
      }
    }
  },
});
