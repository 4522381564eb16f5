/** model.texts: the text cells outside every recognized table, which the text rules read. */
import type { CellInput } from '../scripts/examples/types';
import { recognizeWorkbook } from '../src/validation';
import { gridOf } from './helpers';

test('paragraphs of a 情况说明 sheet and a note under a table are free text; the table’s own cells are not', () => {
  const table: CellInput[][] = [
    ['2025年部门政府性基金预算支出功能分类预算表'],
    ['单位：元'],
    ['科目编码', '科目名称', '合计', '基本支出', '项目支出'],
    ['201', '一般公共服务支出', 100, 60, 40],
    ['合计', null, 100, 60, 40],
    ['注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。'],
  ];
  const prose: CellInput[][] = [
    ['一、2025年“三公”经费预算情况说明'],
    ['　　2025年“三公”经费预算数为0.95万元，与2024年预算持平。'],
    [null],
    ['短句'],
    [12345],
  ];
  const model = recognizeWorkbook([gridOf(table, { sheet: 'T' }), gridOf(prose, { sheet: '说明' })]);
  expect(model.tables).toHaveLength(1);
  expect(model.texts.map((t) => `${t.sheet}!${t.row + 1}:${t.col + 1} ${t.text.slice(0, 12)}`)).toEqual([
    'T!1:1 2025年部门政府性基金',
    'T!6:1 注:本部门2025年无政',
    '说明!1:1 一、2025年“三公”经',
    '说明!2:1 2025年“三公”经费预',
  ]);
  // The text is normalized (full-width punctuation folded, spaces trimmed); raw keeps what was written.
  expect(model.texts[3]!.raw.startsWith('　　2025年')).toBe(true);
});
