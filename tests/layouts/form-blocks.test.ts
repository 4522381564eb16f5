/**
 * Forms with blocks of amounts above their indicator block (issue 14): the 资金情况 block of a 自评表, a 项目预算成本构成
 * block. The blocks are amount tables marked as blocks of the form; the indicator table spans the whole form.
 */
import type { Fixture } from './indicator-fixtures';
import * as fixtures from './form-fixtures';
import { findingsOf, modelOf } from './recognize';

describe('自评表: 资金情况 block, indicator block with 总分', () => {
  test('the 资金情况 block (全年预算数 | 全年执行数 | 分值 | 执行率 | 得分) and the 自评 indicators', () => {
    expect(modelOf(fixtures.selfEvaluation)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          title: '项目支出绩效自评表',
          columns: {
            B: 'label',
            C: 'amount',
            D: 'amount',
            E: 'amount',
            F: 'points',
            G: 'rate',
            H: 'score',
          },
          layout: 'block:labels',
          // 其中：本年财政拨款 and 其他资金 make up 年度资金总额.
          rows: [
            [5, 'item'],
            [6, 'part', null, 5],
            [7, 'part', null, 5],
          ],
          rowFormulas: [],
          infoColumns: { F: 'points', G: 'rate', H: 'score' },
        },
        {
          kind: 'indicators',
          range: 'A1:H15',
          title: '项目支出绩效自评表',
          headerRows: [10],
          columns: {
            A: null,
            B: 'level1',
            C: 'level2',
            D: 'level3',
            E: 'value',
            F: 'actual',
            G: 'weight',
            H: 'score',
          },
          layout: 'form:project',
          projects: [
            {
              name: '农村饮水工程维修',
              budget: '40',
              indicators: 4,
              weights: '90',
              weightTotal: '100',
              budgetExecutionWeight: '10',
              rows: '11:14',
            },
          ],
        },
      ],
      notes: [],
    });
    // 总分 100 = 90 + 预算执行 10; 产出指标(50分) = 30 + 20; 40 = 40 + 0.
    expect(findingsOf(fixtures.selfEvaluation, 'sum', 'weight')).toEqual([]);
  });

  test('a 资金情况 block whose 年度资金总额 is not its parts is found in the block', () => {
    const broken: Fixture = structuredClone(fixtures.selfEvaluation);
    broken.rows[4] = [null, '年度资金总额', 0, 0, 0, 10, 0, 0];
    expect(findingsOf(broken, 'sum')).toEqual(
      expect.arrayContaining(['sum/hierarchy C5 mismatch', 'sum/hierarchy D5 mismatch', 'sum/hierarchy E5 mismatch']),
    );
  });

  test('the form row above the 资金情况 block is the form’s, not the block header’s', () => {
    const block = modelOf(fixtures.selfEvaluation).tables[0]!;
    expect(block).toMatchObject({ kind: 'amounts', headerRows: [4] });
    expect(block.paths).toBeUndefined();
  });
});

describe('申报表: 项目预算成本构成 block, 一级指标 column holding 数量/质量/成本', () => {
  test('the 成本构成 block (金额 | 测算依据 | 2020/2021年实际执行数, 合计 at the bottom) and the indicators', () => {
    expect(modelOf(fixtures.costCompositionForm)).toMatchObject({
      tables: [
        {
          kind: 'amounts',
          moneyUnit: '万元',
          columns: { B: 'label', C: 'amount', D: 'note', E: 'amount', F: 'amount' },
          layout: 'block:labels',
          rows: [
            [5, 'item'],
            [6, 'item'],
            [7, 'item'],
            [8, 'total'],
          ],
          rowFormulas: [],
          infoColumns: { D: 'note' },
        },
        {
          kind: 'indicators',
          range: 'A1:F16',
          moneyUnit: '万元',
          columns: { B: 'level2', C: 'level3', D: 'value' },
          layout: 'form:project',
          projects: [{ name: '办公楼维修改造', indicators: 6, rows: '11:16' }],
        },
      ],
      notes: [],
    });
    expect(findingsOf(fixtures.costCompositionForm, 'sum')).toEqual([]);
  });

  test('a 合计 at the bottom of the block that is not its lines is found (2020: 200.85 ≠ 200.75)', () => {
    const broken: Fixture = structuredClone(fixtures.costCompositionForm);
    broken.rows[7] = [null, '合计', 250, null, 200.85, 225];
    expect(findingsOf(broken, 'sum')).toEqual(['sum/hierarchy E8 mismatch']);
  });

  test('the form rows above the block and above the indicator header are the form’s', () => {
    const [block, indicators] = modelOf(fixtures.costCompositionForm).tables;
    expect(block).toMatchObject({ kind: 'amounts', headerRows: [4] });
    expect(block!.paths).toBeUndefined();
    expect(indicators).toMatchObject({
      kind: 'indicators',
      headerRows: [10],
      columns: { A: null, B: 'level2', C: 'level3', D: 'value' },
    });
    expect(Object.keys(indicators!.columns)).toEqual(['A', 'B', 'C', 'D']);
    expect(indicators!.paths).toBeUndefined();
  });
});
