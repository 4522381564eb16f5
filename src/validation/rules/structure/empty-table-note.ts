import type { AmountTable, TextCell } from '../../model';
import { textKey } from '../../normalize';
import { EMPTY_TABLE_NOTE, disclosureTableOf } from '../../vocabulary';
import { defineRule } from '../types';

/** How far below a table's last row (or above its header) its note may stand. */
const NOTE_GAP = 3;

export const emptyTableNoteRule = defineRule({
  id: 'structure/empty-table-note',
  defaultSeverity: 'warning',
  meta: {
    name: { 'zh-CN': '空表说明缺失或多余', 'en-US': 'Empty-table note missing or misplaced' },
    description: {
      'zh-CN': '预算公开表中没有数据的表须附空表说明；有数据的表不应附“本表为空表”的说明。',
      'en-US': 'A disclosure table with no data carries an empty-table note; a table with data carries none.',
    },
    why: {
      'zh-CN': '空表不加说明，读者无法判断是没有安排还是漏填；有数据的表留着空表说明，多半是从上年文件复制时没删。',
      'en-US':
        'An empty table with no note could be an omission; a note on a table with data is usually left from last year’s file.',
    },
    messages: {
      'missing-note': {
        'zh-CN': '“{title}”没有数据，但表下没有空表说明',
        'en-US': '“{title}” holds no data, but no empty-table note explains why',
      },
      'note-on-filled': {
        'zh-CN': '“{title}”有数据，却附有空表说明“{note}”',
        'en-US': '“{title}” holds data, yet carries the empty-table note “{note}”',
      },
    },
    examples: {
      fail: '政府性基金预算支出表（全部为空）… 表下无说明',
      pass: '政府性基金预算支出表（全部为空）… 注：本部门无政府性基金预算收支，故本表为空表。',
    },
    basis: {
      'zh-CN': '财预〔2016〕143号 及各地部门预算公开模板：无数据的表以空表公开，并注明本表预算种类无安排。',
      'en-US':
        '财预〔2016〕143号 and the disclosure templates: an empty table is disclosed with a note naming its fund.',
    },
  },
  check(context) {
    const { model } = context;
    // A workbook with no data anywhere is a blank form, not a filing with an empty table.
    const anyData = model.tables.some((t) => t.kind === 'amounts' && holdsData(t));
    for (const table of model.tables) {
      if (table.kind !== 'amounts' || table.block || !table.title) continue;
      if (!disclosureTableOf(table.title)) continue;
      const note = noteOf(table, model.texts);
      const filled = holdsData(table);
      // A header row read apart from the header row right under it is part of one table, not an empty table.
      const headerGoesOn = model.tables.some(
        (other) => other !== table && other.sheet === table.sheet && other.range.top === table.range.bottom + 1,
      );
      if (!filled && !note && !headerGoesOn && anyData) {
        context.report({
          messageId: 'missing-note',
          data: { title: table.title },
          at: { sheet: table.sheet, row: table.range.top, col: table.range.left },
          tableId: table.id,
        });
      } else if (filled && note) {
        context.report({
          messageId: 'note-on-filled',
          data: { title: table.title, note: note.text },
          at: note,
          tableId: table.id,
        });
      }
    }
  },
});

/** Some amount of the table is a number other than 0. */
function holdsData(table: AmountTable): boolean {
  return table.rows.some((row) =>
    table.columns.some((column) => {
      const value = row.amounts.value(column.col);
      return value !== null && value !== undefined && !value.isZero();
    }),
  );
}

/** The 空表说明 of the table: a text saying so just below it (or just above its header), on its sheet. */
function noteOf(table: AmountTable, texts: readonly TextCell[]): TextCell | undefined {
  const top = Math.min(table.range.top, ...table.headerRows) - NOTE_GAP;
  return texts.find(
    (text) =>
      text.sheet === table.sheet &&
      text.row >= top &&
      text.row <= table.range.bottom + NOTE_GAP &&
      EMPTY_TABLE_NOTE.test(textKey(text.text)),
  );
}
