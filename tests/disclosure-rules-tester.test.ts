/**
 * 预算公开 sets (issue 16) in the RuleTester shape (tests/rule-tester.ts): the set's standard tables are all there
 * (structure/disclosure-set, info), and an empty table carries a 空表说明 while a table with data does not
 * (structure/empty-table-note). The tables stand one under another on one sheet, each with its title.
 */
import type { CellInput } from '../scripts/examples/types';
import { ALL_RULES } from '../src/validation';
import { DISCLOSURE_KINDS } from '../src/validation/vocabulary';
import { ruleTester } from './rule-tester';

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

/** A titled 功能分类 table: one 类 row and 合计 when filled, the 合计 row alone when empty; a note below if given. */
function table(title: string, filled: boolean, note?: string): CellInput[][] {
  return [
    [title],
    ['单位：万元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ...(filled ? [['201', '一般公共服务支出', 10, 6, 4]] : []),
    ['合计', null, filled ? 10 : null, filled ? 6 : null, filled ? 4 : null],
    ...(note ? [[note]] : []),
    [],
    [],
  ];
}

const NOTE = '注：本部门无政府性基金预算财政拨款安排的预算，故本表为空表。';

const SET_TITLES = [
  '2024年部门收支总表',
  '2024年部门收入总表',
  '2024年部门支出总表',
  '2024年财政拨款收支总表',
  '2024年一般公共预算支出表',
  '2024年一般公共预算基本支出表',
  '2024年一般公共预算“三公”经费支出表',
];

function set(titles: string[], fundTable = true): CellInput[][] {
  return [
    ...titles.flatMap((title) => table(title, true)),
    ...(fundTable ? table('2024年政府性基金预算支出表', false, NOTE) : []),
  ];
}

ruleTester(rule('structure/disclosure-set'), {
  valid: [
    { name: 'the eight tables, the empty one with its note', rows: set(SET_TITLES), tables: Array(8).fill('amounts') },
    {
      name: 'two tables are no set: nothing to miss',
      rows: set(SET_TITLES.slice(0, 2), false),
      tables: ['amounts', 'amounts'],
    },
  ],
  invalid: [
    {
      name: 'the 基本支出表 and the 政府性基金表 missing',
      rows: set([...SET_TITLES.slice(0, 5), SET_TITLES[6]!], false),
      tables: Array(6).fill('amounts'),
      errors: [{ cell: 'A3', messageId: 'missing' }],
    },
    {
      name: 'a newer template’s set without its 国有资本经营预算支出表 (the profile or config asks for it)',
      rows: set(SET_TITLES),
      tables: Array(8).fill('amounts'),
      config: {
        options: {
          disclosureTables: [...DISCLOSURE_KINDS],
        },
      },
      errors: [{ cell: 'A3', messageId: 'missing' }],
    },
    {
      name: 'only the three 总表',
      rows: set(SET_TITLES.slice(1, 4), false),
      tables: ['amounts', 'amounts', 'amounts'],
      errors: [{ cell: 'A3', messageId: 'missing' }],
    },
  ],
});

ruleTester(rule('structure/empty-table-note'), {
  valid: [
    {
      name: 'an empty table with its note, a filled one without',
      rows: [...table('2024年一般公共预算支出表', true), ...table('2024年政府性基金预算支出表', false, NOTE)],
      tables: ['amounts', 'amounts'],
    },
    {
      name: 'a note above the header',
      rows: [
        ['2024年国有资本经营预算支出表'],
        ['本部门无国有资本经营预算收支，本表为空表'],
        ...table('', false).slice(1),
      ],
      tables: ['amounts'],
    },
  ],
  invalid: [
    {
      name: 'an empty table with no note',
      rows: [...table('2024年一般公共预算支出表', true), ...table('2024年政府性基金预算支出表', false)],
      tables: ['amounts', 'amounts'],
      errors: [{ cell: 'A10', messageId: 'missing-note' }],
    },
    {
      name: 'a filled table with a 空表说明 left from last year',
      rows: table('2024年政府性基金预算支出表', true, NOTE),
      tables: ['amounts'],
      errors: [{ cell: 'A6', messageId: 'note-on-filled' }],
    },
  ],
});
