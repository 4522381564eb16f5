import type { Table, TextCell } from '../../model';
import { textKey } from '../../normalize';
import { fundLabel, fundsNamed } from '../../text/quantities';
import { defineRule } from '../types';
import { quote } from '../shared/statement-report';

/** "注：…", "说明：…", "（备注：…）": a note. */
const NOTE = /^[(（]?(注|说明|备注|附注)\d?[:：]/;
/** A note that speaks of its own table: "本表为空表", "此表无数据", "本表反映…". */
const ABOUT_THE_TABLE = /本表|此表|该表|空表|无数据|无数|无此项/;
/** How far below a table's last row its note may be. */
const NOTE_GAP = 3;

/** The table a note stands under: the nearest one ending just above it, across the note's column. */
function tableAbove(note: TextCell, tables: readonly Table[]): Table | undefined {
  let best: Table | undefined;
  for (const table of tables) {
    const r = table.range;
    if (table.sheet !== note.sheet || r.bottom >= note.row || note.row - r.bottom > NOTE_GAP) continue;
    if (note.col < r.left || note.col > r.right) continue;
    if (!best || r.bottom > best.range.bottom) best = table;
  }
  return best;
}

export const noteFundRule = defineRule({
  id: 'text/note-fund',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '表下说明写错预算种类', 'en-US': 'Note names another fund' },
    description: {
      'zh-CN': '表下的说明（如空表说明）提到的预算种类与本表不符：国有资本经营预算表的说明写成“无政府性基金预算…”。',
      'en-US':
        'A note under a table (such as the empty-table note) names another fund than the table’s own: a 国有资本经营 table whose note says 政府性基金.',
    },
    why: {
      'zh-CN': '空表说明通常是从相邻的表复制来的；说错预算种类，读者无法确认本表为什么是空表。',
      'en-US':
        'Empty-table notes are copied from the table next to them; naming the wrong fund leaves the table unexplained.',
    },
    messages: {
      'other-fund': {
        'zh-CN': '“{sentence}”：本表是{tableFund}的表（“{title}”），说明却写的是{noteFund}',
        'en-US': '“{sentence}”: the table is a {tableFund} table (“{title}”), but its note speaks of {noteFund}',
      },
    },
    examples: {
      fail: '2025年部门国有资本经营预算支出功能分类预算表 … 注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。',
      pass: '2025年部门政府性基金预算支出功能分类预算表 … 注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。',
    },
    basis: {
      'zh-CN': '部门预算公开：没有数据的表也须公开，并以空表说明注明本表预算种类无安排（财预〔2016〕143号）。',
      'en-US': 'Budget disclosure: an empty table stays in the set with a note that its own fund has no allocation.',
    },
  },
  check(context) {
    const { model } = context;
    for (const note of model.texts) {
      const key = textKey(note.text);
      if (!NOTE.test(key) || !ABOUT_THE_TABLE.test(key)) continue;
      const table = tableAbove(note, model.tables);
      if (!table) continue;
      const title = table.title ?? table.sheet;
      const tableFunds = fundsNamed(textKey(title));
      if (tableFunds.length !== 1) continue;
      const noteFunds = fundsNamed(key);
      if (noteFunds.length === 0 || noteFunds.includes(tableFunds[0]!)) continue;
      context.report({
        messageId: 'other-fund',
        data: {
          sentence: quote(note.text),
          tableFund: fundLabel(tableFunds[0]!),
          noteFund: noteFunds.map(fundLabel).join('、'),
          title,
        },
        at: note,
        tableId: table.id,
      });
    }
  },
});
