/**
 * A few layouts written as real .xlsx files (exceljs) and read back the way the CLI reads them: the model is the one
 * the grid gives, so the other layout tests (on grids, for speed) hold for files too.
 */
import type { SheetSpec } from '../../scripts/examples/types';
import { roundTrip, tempDir } from '../helpers';
import * as budget from './budget-fixtures';
import * as forms from './form-fixtures';
import type { Fixture } from './indicator-fixtures';
import * as indicators from './indicator-fixtures';
import { indicatorLines } from './model-summary';
import { modelOf } from './recognize';
import { recognizeWorkbook } from '../../src/validation';

const dir = tempDir('layouts-');

async function readBack(fixture: Fixture, numberFormats: SheetSpec['numberFormats'] = []) {
  return roundTrip(
    {
      file: `${fixture.sheet}.xlsx`,
      description: 'layout fixture',
      sheets: [{ name: fixture.sheet, rows: fixture.rows, merges: fixture.merges, numberFormats }],
    },
    dir,
  );
}

test.each([
  ['功能分类科目编码 over 类 | 款 | 项, codes as text', budget.classSectionItemTotalOnTop],
  ['a flat list with 资金来源 columns and merged project blocks', indicators.flatListWithSources],
  ['a three-row 三公 header with 机关运行经费', budget.sanGongThreeRowHeader],
  ['a 自评表 with its 资金情况 block', forms.selfEvaluation],
])('%s: the same model from the .xlsx file as from the grid', async (_name, fixture) => {
  expect(modelOf(await readBack(fixture))).toEqual(modelOf(fixture));
});

test('a date serial stored with the format #,##0 is read as the number 45657, in 目标值 and 计量单位', async () => {
  const grids = await readBack(indicators.natureDirectionEquals, [{ range: 'F5:G10', format: '#,##0' }]);
  expect(modelOf(grids)).toEqual(modelOf(indicators.natureDirectionEquals));
  const lines = recognizeWorkbook(grids).tables.flatMap(indicatorLines);
  expect(lines[2]).toEqual([7, '产出指标', '时效指标', '抽检完成时间', '=', '45657', '45657', '10']);
});
