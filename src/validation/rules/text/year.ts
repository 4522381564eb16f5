import type { FormText, TextCell } from '../../model';
import { textKey } from '../../normalize';
import type { Rule } from '../types';

const TARGET_LABEL = /(目标|概述|概况)$/;

/** The label that makes a form text a target: the one left of it, or the one above it. */
export function targetLabel(text: FormText): string | undefined {
  return [text.left, text.above].find((label) => TARGET_LABEL.test(textKey(label)));
}

export const yearRule: Rule = {
  id: 'text/year',
  family: 'text',
  defaultSeverity: 'warning',
  meta: {
    description: {
      'zh-CN': '表中文字的年份与表格年度不符：写错的年份（“20232年”），或 2023 年表格的目标写成“2022年…”（沿用了上年的表）。',
      'en-US': "A year in the table's text that disagrees with the table's year: a malformed year (\"20232年\"), or a 2023 target that says \"2022年…\" (last year's table reused).",
    },
    why: {
      'zh-CN': '年份错误是照抄上年表格最明显的痕迹，审核人员一眼就能看出。',
      'en-US': "A wrong year is the plainest sign of last year's table copied over; a reviewer sees it at once.",
    },
    messages: {
      malformed: { 'zh-CN': '“{text}”中的年份“{year}”写错了', 'en-US': 'The year “{year}” in “{text}” is malformed' },
      'other-year': {
        'zh-CN': '{year} 年度的表格中，“{label}”写的是“{text}”（{other}）',
        'en-US': 'In a table for {year}, “{label}” says “{text}” ({other})',
      },
    },
    examples: { fail: '2023年项目绩效目标表，年度目标：2022年乡镇政务服务管理', pass: '年度目标：2023年乡镇政务服务管理' },
  },
  check(context) {
    for (const table of context.model.tables) {
      if (table.kind !== 'indicators') continue;
      const texts: { cell: TextCell; label: string }[] = table.formTexts.map((t) => ({ cell: t.cell, label: targetLabel(t) ?? t.left }));
      if (table.columns.target !== undefined) {
        for (const project of table.projects) if (project.yearTarget) texts.push({ cell: project.yearTarget, label: '年度目标' });
      }
      for (const { cell, label } of texts) {
        const short = cell.text.length > 40 ? `${cell.text.slice(0, 40)}…` : cell.text;
        const malformed = /(?<![\d.])(\d{5,})年/.exec(cell.text);
        if (malformed) {
          context.report({ messageId: 'malformed', data: { text: short, year: `${malformed[1]}年` }, at: cell, tableId: table.id });
          continue;
        }
        if (table.year === undefined || !TARGET_LABEL.test(textKey(label))) continue;
        const years = [...cell.text.matchAll(/(?<![\d.])(\d{4})\s*年/g)].map((m) => Number(m[1]));
        // Earlier years in a target, and no mention of the table's own year: last year's text.
        const earlier = years.filter((y) => y < table.year! && y > table.year! - 10);
        if (earlier.length === 0 || years.includes(table.year)) continue;
        context.report({
          messageId: 'other-year',
          data: { year: table.year, label: label.replace(/\s+/g, ''), text: short, other: { 'zh-CN': `${earlier[0]} 年`, 'en-US': String(earlier[0]) } },
          at: cell,
          tableId: table.id,
        });
      }
    }
  },
};
